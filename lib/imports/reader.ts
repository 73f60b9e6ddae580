/**
 * Reads an uploaded CSV or XLSX file row by row. The kind of file is decided by its bytes, not its
 * name; CSV text must be valid UTF-8 (a byte-order mark is dropped); the delimiter is detected
 * from the header line unless the user chose one. Nothing here holds more than one row at a time
 * (XLSX shared strings aside, which the format puts before the rows), so memory does not grow
 * with the number of rows.
 */
import { pipeline, Readable } from "node:stream";
import { parse } from "csv-parse";
import { fileTypeFromBuffer } from "file-type";
import {
  cellText,
  ImportFileError,
  MAX_CELL_CHARACTERS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  type ImportFileProblem,
} from "./limits";
import { openWorkbook, type SheetRow } from "./xlsx-sheet";

export type Delimiter = "auto" | "," | ";" | "\t";
/**
 * `rowNumber` is the row's line as a spreadsheet shows it: the header is line 1, the first data row
 * usually 2. `numeric` (XLSX only) marks the cells that hold a number rather than text: a figure
 * there is a value, not something a person wrote in a language's convention.
 */
export type FileRow = { rowNumber: number; cells: string[]; numeric?: boolean[] };
export type OpenedTable = {
  format: "csv" | "xlsx";
  delimiter: "," | ";" | "\t" | null;
  headers: string[];
  rows: AsyncGenerator<FileRow>;
};

const SNIFF_BYTES = 64 * 1024;

function fail(problem: ImportFileProblem): never {
  throw new ImportFileError(problem);
}

async function headBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
}

/** "xlsx" for an Office Open XML workbook (a zip), "csv" for text, otherwise the file is refused. */
export async function detectFormat(head: Uint8Array): Promise<"csv" | "xlsx"> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    if (detected.ext === "xlsx" || detected.ext === "zip") return "xlsx";
    fail({ code: "NOT_TABULAR" });
  }
  // Text has no NUL byte; UTF-16 files and binaries do.
  if (head.includes(0)) fail({ code: "NOT_TABULAR" });
  return "csv";
}

/** Counts a delimiter outside double quotes in the first line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count += 1;
  }
  return count;
}

export function sniffDelimiter(firstLine: string): "," | ";" | "\t" {
  const candidates = ([",", ";", "\t"] as const).map((delimiter) => ({
    delimiter,
    count: countOutsideQuotes(firstLine, delimiter),
  }));
  const best = candidates.reduce((a, b) => (b.count > a.count ? b : a));
  return best.count > 0 ? best.delimiter : ",";
}

const SUGGESTION = { ";": "SEMICOLON", "\t": "TAB", ",": "COMMA" } as const;

/** The file's text, decoded chunk by chunk; invalid UTF-8 anywhere refuses the file. */
async function* decodedText(file: Blob): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true }); // also drops a leading BOM
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      let text: string;
      try {
        text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      } catch {
        fail({ code: "INVALID_UTF8" });
      }
      if (text) yield text;
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

function isBlankRow(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

function checkHeaders(raw: string[]): string[] {
  const headers = raw.map((header) => header.trim());
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  if (headers.length === 0) fail({ code: "NO_HEADER" });
  if (headers.length > MAX_IMPORT_COLUMNS) fail({ code: "TOO_MANY_COLUMNS" });
  const seen = new Set<string>();
  for (const header of headers) {
    if (header === "") continue;
    if (seen.has(header)) fail({ code: "DUPLICATE_HEADER", header: header.slice(0, 100) });
    seen.add(header);
  }
  return headers;
}

/** `count` is the row's place among the data rows (the limit), `line` its row number as the spreadsheet shows it. */
function checkRow(count: number, line: number, cells: string[]): FileRow {
  if (count > MAX_IMPORT_ROWS) fail({ code: "TOO_MANY_ROWS" });
  return {
    rowNumber: line,
    cells: cells.map((cell) => (cell.length > MAX_CELL_CHARACTERS ? cell.slice(0, MAX_CELL_CHARACTERS + 1) : cell)),
  };
}

async function openCsv(file: Blob, chosen: Delimiter): Promise<OpenedTable> {
  const firstChunk = new TextDecoder("utf-8").decode(await headBytes(file)).replace(/^\uFEFF/, "");
  const firstLine = firstChunk.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = chosen === "auto" ? sniffDelimiter(firstLine) : chosen;
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_CELL_CHARACTERS * 4,
  });
  // pipeline (not pipe) hands a decoding error (invalid UTF-8) on to the parser's reader.
  pipeline(Readable.from(decodedText(file)), parser, () => undefined);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      return await iterator.next();
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      fail({ code: "UNREADABLE" });
    }
  };
  // Every record counts as a line, blank ones too, so errors name the row a spreadsheet shows.
  let line = 1;
  let first = await next();
  while (!first.done && isBlankRow(first.value)) {
    line += 1;
    first = await next();
  }
  if (first.done) fail({ code: "EMPTY" });
  const headers = checkHeaders(first.value);
  if (headers.length === 1) {
    const other = ([";", "\t", ","] as const).find(
      (candidate) => candidate !== delimiter && countOutsideQuotes(firstLine, candidate) > 0,
    );
    if (other) fail({ code: "WRONG_DELIMITER", suggestion: SUGGESTION[other] });
  }
  async function* rows(): AsyncGenerator<FileRow> {
    let count = 0;
    try {
      for (;;) {
        const result = await next();
        if (result.done) return;
        line += 1;
        if (isBlankRow(result.value)) continue;
        count += 1;
        yield checkRow(count, line, result.value);
      }
    } finally {
      parser.destroy();
    }
  }
  return { format: "csv", delimiter, headers, rows: rows() };
}

function xlsxGuard<T>(step: () => Promise<T>): Promise<T> {
  return step().catch((error: unknown) => {
    if (error instanceof ImportFileError) throw error;
    fail({ code: "NOT_TABULAR" });
  });
}

/** One sheet as a table: its first non-blank row is the header. Null for a sheet with no rows. */
async function sheetTable(sheet: AsyncIterable<SheetRow> | null): Promise<OpenedTable | null> {
  if (!sheet) return null;
  const sheetRows = sheet[Symbol.asyncIterator]();
  const cellsOf = (row: SheetRow) => {
    const values = Array.isArray(row.values) ? (row.values as unknown[]).slice(1) : [];
    // Only a date needs its cell's format (a time of day or a calendar day); values[0] is column 1.
    return Array.from(values, (value, index) =>
      cellText(value, value instanceof Date ? row.getCell(index + 1).numFmt : undefined),
    );
  };
  let first = await xlsxGuard(() => sheetRows.next());
  while (!first.done && isBlankRow(cellsOf(first.value))) first = await xlsxGuard(() => sheetRows.next());
  if (first.done) {
    await sheetRows.return?.();
    return null;
  }
  const headers = checkHeaders(cellsOf(first.value));
  async function* rows(): AsyncGenerator<FileRow> {
    let count = 0;
    try {
      for (;;) {
        const result = await xlsxGuard(() => sheetRows.next());
        if (result.done) break;
        const cells = cellsOf(result.value);
        if (isBlankRow(cells)) continue;
        count += 1;
        const values = Array.isArray(result.value.values) ? (result.value.values as unknown[]).slice(1) : [];
        // The sheet's own row number: the line a spreadsheet shows, blank rows included.
        yield {
          ...checkRow(count, result.value.number, cells),
          numeric: Array.from(values, (value) => typeof value === "number"),
        };
      }
    } finally {
      // Stopping here leaves the rest of the sheet unread.
      await sheetRows.return?.();
    }
  }
  return { format: "xlsx", delimiter: null, headers, rows: rows() };
}

async function openXlsx(file: Blob): Promise<OpenedTable> {
  // The compressed file is in memory already (an upload); its rows are inflated as they are read.
  const workbook = await xlsxGuard(async () => openWorkbook(Buffer.from(await file.arrayBuffer())));
  const table = await sheetTable(workbook.sheets[0]?.rows() ?? null);
  if (!table) fail({ code: "EMPTY" });
  return table;
}

/** A table of a repeat group: a workbook's later sheet, or a CSV file of its own, under its name. */
export type RepeatTable = { name: string; table: OpenedTable };

/**
 * The repeat groups that come with a main table: the later sheets of an XLSX workbook (in tab
 * order), and the CSV files sent after the main one (named by their file names). Empty sheets are
 * left out. Each table is read row by row when its turn comes.
 */
export async function openRepeatTables(
  main: Blob,
  others: Array<{ name: string; file: Blob }>,
  options: { delimiter?: Delimiter } = {},
): Promise<RepeatTable[]> {
  const tables: RepeatTable[] = [];
  if ((await detectFormat(await headBytes(main))) === "xlsx") {
    const workbook = await xlsxGuard(async () => openWorkbook(Buffer.from(await main.arrayBuffer())));
    for (const sheet of workbook.sheets.slice(1)) {
      const table = await sheetTable(sheet.rows());
      if (table) tables.push({ name: sheet.name, table });
    }
  }
  for (const other of others)
    tables.push({ name: other.name.replace(/\.(csv|txt|xlsx)$/i, ""), table: await openTable(other.file, options) });
  return tables;
}

/** Opens the file for reading; refuses it (ImportFileError) when it cannot be an export. */
export async function openTable(file: Blob, options: { delimiter?: Delimiter } = {}): Promise<OpenedTable> {
  if (file.size === 0) fail({ code: "EMPTY" });
  if (file.size > MAX_IMPORT_BYTES) fail({ code: "TOO_LARGE" });
  const format = await detectFormat(await headBytes(file));
  return format === "xlsx" ? openXlsx(file) : openCsv(file, options.delimiter ?? "auto");
}
