/**
 * The two file formats, written as rows arrive in batches: CSV text (lib/exports/csv.ts, a batch at a
 * time), XLSX through exceljs's streaming WorkbookWriter. Each waits for the reader of the file
 * before asking for the next batch, so memory stays flat however many rows the table has. The
 * export's audit event is written after the last row and before the file ends: a file never
 * completes without its trace.
 */
import { isoDay } from "@/lib/core/calendar-day";
import { PassThrough, Readable, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { csvField, csvRecords, csvSafeCell } from "./csv";
import type { ExportFormat } from "./levels";

export type CellKind = "text" | "number" | "date" | "dateTime";
export type Cell = string | number | Date | null;
export type SheetColumn = { header: string; kind: CellKind };

/** Calls `sink` with each batch of rows, in order, and resolves when every row was given. */
export type RowFeed = (sink: (rows: Cell[][]) => Promise<void>) => Promise<void>;

/** So that Excel reads Spanish accents as UTF-8. */
const BOM = "\ufeff";

const MIME: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
};

export function contentTypeOf(format: ExportFormat): string {
  return MIME[format];
}

/** A CSV cell: calendar dates as YYYY-MM-DD, times as ISO 8601 in UTC, text guarded against formulas. */
export function csvCell(value: Cell, kind: CellKind): string {
  if (value instanceof Date) return kind === "date" ? isoDay(value) : value.toISOString();
  return csvSafeCell(value);
}

/** An XLSX cell: dates stay Date (a date cell), numbers numbers, and text is only ever text. */
function xlsxCell(value: Cell): ExcelJS.CellValue {
  if (value === null) return null;
  // exceljs writes a plain string as a string cell, never as a formula, whatever it starts with.
  return value;
}

/** A batch of rows as CSV records, each cell converted and quoted on the way: one array per row, not three. */
export function csvBatch(rows: readonly (readonly Cell[])[], columns: readonly SheetColumn[]): string {
  const lines = rows.map((row) => row.map((value, index) => csvField(csvCell(value, columns[index]!.kind))).join(","));
  lines.push("");
  return lines.join("\n");
}

export const NUMBER_FORMATS: Partial<Record<CellKind, string>> = {
  date: "yyyy-mm-dd",
  dateTime: "yyyy-mm-dd hh:mm:ss",
};

/**
 * Waits until the reader of the file has taken what is buffered. A reader who goes away (a
 * cancelled download) ends the export with an error, so the cursor's transaction is released
 * at once and no audit event claims a file that was never received.
 */
export async function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) throw new Error("download closed");
  if (!stream.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const done = () => {
      stream.off("close", closed);
      resolve();
    };
    const closed = () => {
      stream.off("drain", done);
      reject(new Error("download closed"));
    };
    stream.once("drain", done);
    stream.once("close", closed);
  });
}

/**
 * The file as a web stream. `onDone(rowCount)` runs after the last row; if it fails (or reading
 * rows fails) the stream errors and the download is cut short rather than complete.
 */
export function exportStream(
  format: "csv" | "xlsx",
  sheetName: string,
  columns: SheetColumn[],
  feed: RowFeed,
  onDone: (rowCount: number) => Promise<void>,
): ReadableStream<Uint8Array> {
  return format === "csv" ? csvFile(columns, feed, onDone) : xlsxFile(sheetName, columns, feed, onDone);
}

function csvFile(
  columns: SheetColumn[],
  feed: RowFeed,
  onDone: (rowCount: number) => Promise<void>,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  void (async () => {
    let count = 0;
    output.write(BOM + csvRecords([columns.map((column) => csvSafeCell(column.header))]));
    await feed(async (rows) => {
      // One write per batch, not per row: per-row stream writes cost more than the database does.
      output.write(csvBatch(rows, columns));
      count += rows.length;
      await drained(output);
    });
    await drained(output);
    await onDone(count);
    output.end();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

function xlsxFile(
  sheetName: string,
  columns: SheetColumn[],
  feed: RowFeed,
  onDone: (rowCount: number) => Promise<void>,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  // Inline strings, not a shared-strings table: that table would grow with every distinct text.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({
    key: String(index),
    width: column.kind === "text" ? 24 : 14,
    style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  }));
  void (async () => {
    let count = 0;
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    await feed(async (rows) => {
      for (const row of rows) {
        sheet.addRow(row.map(xlsxCell)).commit();
        count += 1;
      }
      await drained(output);
    });
    await drained(output);
    await onDone(count);
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
