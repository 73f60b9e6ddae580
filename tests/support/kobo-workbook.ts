/**
 * Workbooks laid out as KoboToolbox exports them, written when a test or a benchmark runs (no
 * binary files in the repository): the form's sheet, one row a submission, and a sheet per repeat
 * group whose rows point back to their submission by `_parent_index` and `_submission__uuid`. A
 * test builds its few rows in memory; a benchmark streams its thousands to disk a row at a time, so
 * that they never sit in memory together. Both write their cells the same way.
 */
import ExcelJS from "exceljs";

/** A date or number shown in a date format: a date cell as Excel stores it. */
type FormattedCell = { value: number | Date; numFmt: string };

/** A cell: text, a number, a date, nothing, a formatted date, or a formula with the result Excel kept. */
export type KoboCell =
  string | number | Date | null | undefined | FormattedCell | { formula: string; result: string | number };

/** A sheet: its header row and the rows under it (read once, as the sheet is written). */
export type KoboSheet = { name: string; headers: readonly string[]; rows: Iterable<KoboCell[]> };

/** A form as its export lays it out: the form's sheet and columns, and each repeat group's. */
export type KoboForm = { sheet: string; columns: readonly string[]; repeats?: Record<string, readonly string[]> };

/** One submission: its answers in the order of the form's columns, and each repeat group's rows it answered. */
export type KoboSubmission = { uuid: string; answers: KoboCell[]; repeats?: Record<string, KoboCell[][]> };

/** What Kobo adds after a repeat group's own columns, to find the row's submission. */
const REPEAT_LINKS = ["_index", "_parent_index", "_parent_table_name", "_submission__uuid"];

/**
 * The sheets of a form's export: the form's, with `_uuid` and `_index` first, then one per repeat
 * group, its rows numbered across the group and each pointing to its submission. `submissions` is
 * called once a sheet, so that a benchmark makes its rows as they are written.
 */
export function koboSheets(form: KoboForm, submissions: () => Iterable<KoboSubmission>): KoboSheet[] {
  function* formRows(): Generator<KoboCell[]> {
    let index = 0;
    for (const submission of submissions()) yield [submission.uuid, ++index, ...submission.answers];
  }
  function* groupRows(group: string): Generator<KoboCell[]> {
    let parentIndex = 0;
    let index = 0;
    for (const submission of submissions()) {
      parentIndex += 1;
      for (const cells of submission.repeats?.[group] ?? [])
        yield [...cells, ++index, parentIndex, form.sheet, submission.uuid];
    }
  }
  return [
    { name: form.sheet, headers: ["_uuid", "_index", ...form.columns], rows: formRows() },
    ...Object.entries(form.repeats ?? {}).map(([group, columns]) => ({
      name: group,
      headers: [...columns, ...REPEAT_LINKS],
      rows: groupRows(group),
    })),
  ];
}

function isFormatted(cell: KoboCell): cell is FormattedCell {
  return typeof cell === "object" && cell !== null && "numFmt" in cell;
}

function addCells(sheet: ExcelJS.Worksheet, cells: KoboCell[]): ExcelJS.Row {
  const row = sheet.addRow(cells.map((cell) => (isFormatted(cell) ? cell.value : cell)));
  cells.forEach((cell, index) => {
    if (isFormatted(cell)) row.getCell(index + 1).numFmt = cell.numFmt;
  });
  return row;
}

/** The sheets as an XLSX file named `name`, built in memory. `date1904`: a workbook saved by Excel for Mac. */
export async function koboXlsxFile(
  sheets: KoboSheet[],
  name: string,
  options: { date1904?: boolean } = {},
): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow([...sheet.headers]);
    for (const cells of sheet.rows) addCells(worksheet, cells);
  }
  return new File([new Uint8Array(await workbook.xlsx.writeBuffer())], name);
}

/**
 * The sheets streamed to an XLSX file at `path`, a row at a time. `sharedStrings` and `styles` as
 * exceljs' streaming writer takes them (off unless told); a formatted date needs `styles`.
 */
export async function writeKoboXlsx(
  path: string,
  sheets: KoboSheet[],
  options: { sharedStrings?: boolean; styles?: boolean } = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: options.sharedStrings ?? false,
    useStyles: options.styles ?? false,
  });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow([...sheet.headers]).commit();
    for (const cells of sheet.rows) addCells(worksheet, cells).commit();
    worksheet.commit();
  }
  await workbook.commit();
}
