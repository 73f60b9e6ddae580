/**
 * Files of several tables: an XLSX workbook with one sheet per table (exceljs's streaming
 * WorkbookWriter, sheets written one after another), or a zip of CSV files, one per table
 * (archiver, each file an entry streamed as its rows arrive). Rows come sheet by sheet in order;
 * each batch is written only when the reader of the file has taken the last one, so memory stays
 * flat whatever the row counts. As for one table, the audit event is written after the last row
 * and before the file ends (the workbook's or the zip's directory).
 */
import { PassThrough, Readable, type Writable } from "node:stream";
import archiver from "archiver";
import ExcelJS from "exceljs";
import { csvRecords, csvSafeCell } from "./csv";
import { csvBatch, drained, NUMBER_FORMATS, type Cell, type SheetColumn } from "./writers";

export type WorkbookSheet = {
  /** The sheet's title in the workbook (31 characters at most). */
  title: string;
  /** The CSV file's name in the zip, without ".csv". */
  file: string;
  columns: SheetColumn[];
};

/**
 * Calls `write(sheet, rows)` with each batch of rows, sheet by sheet, in the order of the sheets
 * (a sheet may have none); resolves when every row of every sheet was given.
 */
export type SheetsFeed = (write: (sheet: number, rows: Cell[][]) => Promise<void>) => Promise<void>;

export type WorkbookFormat = "xlsx" | "zip";

const BOM = "\ufeff";

/** Waits until `stream` has room, or fails when the download (`output`) went away meanwhile. */
async function room(stream: Writable, output: Writable): Promise<void> {
  if (output.destroyed) throw new Error("download closed");
  if (!stream.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const done = () => {
      output.off("close", closed);
      resolve();
    };
    const closed = () => {
      stream.off("drain", done);
      reject(new Error("download closed"));
    };
    stream.once("drain", done);
    output.once("close", closed);
  });
}

/** One sheet at a time: opens each when its first rows (or a later sheet's) arrive, closes the one before. */
type SheetSink = { open(index: number): void; rows(rows: Cell[][]): Promise<void>; close(): Promise<void> };

function feedSheets(sheets: WorkbookSheet[], sink: SheetSink, feed: SheetsFeed): Promise<number[]> {
  const counts = sheets.map(() => 0);
  let current = -1;
  const moveTo = async (index: number) => {
    if (index < current || index >= sheets.length) throw new Error(`sheet ${index} out of order`);
    while (current < index) {
      if (current >= 0) await sink.close();
      current += 1;
      sink.open(current);
    }
  };
  return (async () => {
    await feed(async (index, rows) => {
      await moveTo(index);
      await sink.rows(rows);
      counts[index]! += rows.length;
    });
    await moveTo(sheets.length - 1);
    await sink.close();
    return counts;
  })();
}

/**
 * The file as a web stream. `onDone(rowCounts)` (one count per sheet) runs after the last row of
 * the last sheet; if it fails, or reading rows fails, the stream errors and the download is cut short.
 */
export function workbookStream(
  format: WorkbookFormat,
  sheets: WorkbookSheet[],
  feed: SheetsFeed,
  onDone: (rowCounts: number[]) => Promise<void>,
): ReadableStream<Uint8Array> {
  return format === "xlsx" ? xlsxWorkbook(sheets, feed, onDone) : csvZip(sheets, feed, onDone);
}

function xlsxWorkbook(
  sheets: WorkbookSheet[],
  feed: SheetsFeed,
  onDone: (rowCounts: number[]) => Promise<void>,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  // Inline strings, not a shared-strings table: that table would grow with every distinct text.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | null = null;
  const sink: SheetSink = {
    open(index) {
      const { title, columns } = sheets[index]!;
      sheet = workbook.addWorksheet(title.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = columns.map((column, position) => ({
        key: String(position),
        width: column.kind === "text" ? 24 : 14,
        style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
      }));
      const header = sheet.addRow(columns.map((column) => column.header));
      header.font = { bold: true };
      header.commit();
    },
    async rows(rows) {
      // exceljs writes a plain string as a string cell, never as a formula, whatever it starts with.
      for (const row of rows) sheet!.addRow(row).commit();
      await drained(output);
    },
    async close() {
      (sheet as ExcelJS.Worksheet | null)?.commit();
      sheet = null;
      await drained(output);
    },
  };
  void (async () => {
    const counts = await feedSheets(sheets, sink, feed);
    await onDone(counts);
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

function csvZip(
  sheets: WorkbookSheet[],
  feed: SheetsFeed,
  onDone: (rowCounts: number[]) => Promise<void>,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  // Level 6: most of the size gain of 9 at a fraction of its time (CSV text compresses well).
  // archiver's streams buffer 1 MB each by default: of compressed CSV, that is the whole of a
  // 100,000-story file read from the database with nobody reading it. 64 kB keeps the cursor near the reader.
  const archive = archiver("zip", { zlib: { level: 6 }, highWaterMark: 64 * 1024 });
  archive.on("error", (error) => output.destroy(error));
  archive.pipe(output);
  let entry: PassThrough | null = null;
  let columns: SheetColumn[] = [];
  const sink: SheetSink = {
    open(index) {
      columns = sheets[index]!.columns;
      entry = new PassThrough();
      archive.append(entry, { name: `${sheets[index]!.file}.csv` });
      entry.write(BOM + csvRecords([columns.map((column) => csvSafeCell(column.header))]));
    },
    async rows(rows) {
      const current = entry!;
      // One write per batch, not per row: per-row stream writes cost more than the database does.
      current.write(csvBatch(rows, columns));
      await room(current, output);
    },
    async close() {
      const current = entry!;
      entry = null;
      // archiver reads the entry to its end before it moves on to the next: wait until it has.
      await new Promise<void>((resolve, reject) => {
        const ended = () => {
          output.off("close", closed);
          resolve();
        };
        const closed = () => {
          current.off("end", ended);
          reject(new Error("download closed"));
        };
        current.once("end", ended);
        output.once("close", closed);
        current.end();
      });
    },
  };
  void (async () => {
    const counts = await feedSheets(sheets, sink, feed);
    await onDone(counts);
    await archive.finalize();
  })().catch((error: unknown) => {
    archive.abort();
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
