/**
 * Opens the first sheet of an XLSX workbook for reading row by row, with the workbook's parts that
 * every row depends on (relationships, workbook properties such as the 1904 date system, shared
 * strings, styles) read first, whatever order the zip stores them in.
 *
 * Why not exceljs's own streaming `WorkbookReader.parse()`: it reads the zip front to back in one
 * pass and intermittently loses its last entry (exceljs issues #3064 and #1558). exceljs writes
 * `xl/workbook.xml` last, so a valid workbook was refused about once in 150 reads here
 * ("Cannot read properties of undefined (reading 'sheets')"), and a sheet stored before
 * `workbook.xml` could be read without its 1904 date system. Reading entries through the zip's
 * central directory makes the order ours. The rows themselves are still inflated and parsed as a
 * stream, so memory does not grow with the number of rows. Decision 0012 has the details.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import unzipper from "unzipper";

/** `number` is the row's number in the sheet (1 for the first row), blank rows counted. */
export type SheetRow = { number: number; values: unknown; getCell(column: number): { numFmt?: string } };

/**
 * The parts of exceljs's (pinned) WorkbookReader used here. They are not its public API, which
 * is why package.json pins exceljs to one version; `xlsx-sheet.test.ts` reads through each one.
 */
type WorkbookParts = {
  workbookRels?: Array<{ Id: string; Target: string }>;
  model?: { sheets?: Array<{ rId: string; name?: string }> };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ value: AsyncIterable<SheetRow> }>;
};

const OPTIONS = {
  worksheets: "emit",
  sharedStrings: "cache",
  hyperlinks: "ignore",
  // Styles carry the number formats that mark a number as a date; without them a date cell
  // arrives as its serial (45414). Reading them costs little (see decision 0012).
  styles: "cache",
  entries: "ignore",
} as const;

/** The zip path of the workbook's first sheet (its first tab), or of the lowest-numbered one. */
function firstSheetPath(parts: WorkbookParts, paths: string[]): string | undefined {
  const firstId = parts.model?.sheets?.[0]?.rId;
  const target = parts.workbookRels?.find((rel) => rel.Id === firstId)?.Target;
  if (target) {
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    if (paths.includes(path)) return path;
  }
  const sheetNumber = (path: string) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path)?.[1] ?? NaN);
  return paths.filter((path) => !Number.isNaN(sheetNumber(path))).sort((a, b) => sheetNumber(a) - sheetNumber(b))[0];
}

/** A workbook opened for reading: its sheets in tab order, each read row by row on request. */
export type OpenedWorkbook = { sheets: Array<{ name: string; rows(): AsyncIterable<SheetRow> | null }> };

/**
 * Every sheet of the workbook, in tab order (Kobo and ODK export each repeat group as a sheet of
 * its own after the main one). Throws on anything that is not a readable workbook; the caller
 * turns that into the user's refusal.
 */
export async function openWorkbook(bytes: Buffer): Promise<OpenedWorkbook> {
  const zip = await unzipper.Open.buffer(bytes);
  const entries = new Map(zip.files.filter((file) => file.type === "File").map((file) => [file.path, file]));
  const stream = (path: string) => entries.get(path)?.stream() as Readable | undefined;
  const parts = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), OPTIONS) as unknown as WorkbookParts;

  const rels = stream("xl/_rels/workbook.xml.rels");
  if (rels) await parts._parseRels(rels);
  const workbook = stream("xl/workbook.xml");
  if (workbook) await parts._parseWorkbook(workbook);
  const sharedStrings = stream("xl/sharedStrings.xml");
  if (sharedStrings) for await (const _ of parts._parseSharedStrings(sharedStrings)) void _;
  const styles = stream("xl/styles.xml");
  if (styles) await parts._parseStyles(styles);

  const paths = [...entries.keys()];
  const rowsAt = (sheetPath: string | undefined) => () => {
    const sheet = sheetPath ? stream(sheetPath) : undefined;
    if (!sheetPath || !sheet) return null;
    // exceljs names a sheet by the number in its file name; the rows do not depend on it.
    const sheetNo = /(\d+)\.xml$/.exec(sheetPath)?.[1] ?? "1";
    const [emitted] = [...parts._parseWorksheet(sheet, sheetNo)];
    return emitted?.value ?? null;
  };
  const listed = (parts.model?.sheets ?? []).map((sheet) => {
    const target = parts.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target;
    const path = target ? (target.startsWith("/") ? target.slice(1) : `xl/${target}`) : undefined;
    return { name: sheet.name ?? "", rows: rowsAt(path && paths.includes(path) ? path : undefined) };
  });
  if (listed.length > 0) {
    // The first tab may point nowhere in a damaged file: fall back to the lowest-numbered sheet.
    const first = firstSheetPath(parts, paths);
    listed[0] = { name: listed[0]!.name, rows: rowsAt(first) };
    return { sheets: listed };
  }
  const first = firstSheetPath(parts, paths);
  return { sheets: first ? [{ name: "", rows: rowsAt(first) }] : [] };
}

/**
 * The first sheet's rows, or null when the workbook has no sheet. Throws on anything that is not
 * a readable workbook; the caller turns that into the user's refusal.
 */
export async function openFirstSheet(bytes: Buffer): Promise<AsyncIterable<SheetRow> | null> {
  const workbook = await openWorkbook(bytes);
  return workbook.sheets[0]?.rows() ?? null;
}
