/**
 * A table exported as several sheets (the stories with their figures, contributions, storytellers,
 * sources, domain assignments and translations): the columns each sheet keeps at the export's
 * level, and a README sheet, last, that explains every column of every sheet in the reader's
 * language, with the file's level and kind of values. Pure: no database.
 */
import { columnIncluded } from "./levels";
import { kindAtLevel, type ColumnContext, type ExportColumn, type WorkbookPart } from "./tables/columns";
import type { Cell } from "./writers";
import type { WorkbookSheet } from "./workbook-writers";

export const README_SHEET = "readme";

/** A sheet at the export's level: the columns it keeps and their headers. */
export type LeveledPart = {
  key: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ExportColumn<any>[];
  sheet: WorkbookSheet;
};

const headerOf = (key: string, context: ColumnContext) =>
  context.labelled ? context.t(`exports.columns.${key}`) : key;
const titleOf = (key: string, context: ColumnContext) => context.t(`exports.sheets.${key}`);

/** The data sheets at this level; their CSV files are named by key ("stories.csv", "figures.csv"). */
export function leveledParts(parts: WorkbookPart[], context: ColumnContext): LeveledPart[] {
  return parts.map(({ key, columns }) => {
    const kept = columns.filter((column) => columnIncluded(column.sensitivity, context.level));
    return {
      key,
      columns: kept,
      sheet: {
        title: titleOf(key, context),
        file: key,
        columns: kept.map((column) => ({
          header: headerOf(column.key, context),
          kind: kindAtLevel(column.kind, column.sensitivity, context.level),
        })),
      },
    };
  });
}

const README_COLUMNS = ["sheet", "column", "description"] as const;

export function readmeSheet(context: ColumnContext): WorkbookSheet {
  return {
    title: titleOf(README_SHEET, context),
    file: "README",
    columns: README_COLUMNS.map((key) => ({ header: headerOf(key, context), kind: "text" as const })),
  };
}

/**
 * The README's rows: first what holds for the whole file (how sheets join, the level, labels or
 * raw values), then one row per column of every sheet, the README's own included. Descriptions are
 * always in the reader's language; sheet and column are named as they appear in the file.
 */
export function readmeRows(parts: LeveledPart[], context: ColumnContext): Cell[][] {
  const notes: Cell[][] = [
    [null, null, context.t("exports.readme.notes.joined")],
    [null, null, context.t(`exports.readme.notes.levels.${context.level}`)],
    [null, null, context.t(`exports.readme.notes.labels.${context.labelled ? "labelled" : "raw"}`)],
  ];
  const described = (sheetName: string, keys: readonly string[]) =>
    keys.map((key): Cell[] => [sheetName, headerOf(key, context), context.t(`exports.readme.columns.${key}`)]);
  const readme = readmeSheet(context);
  return [
    ...notes,
    ...parts.flatMap((part) =>
      described(
        context.labelled ? part.sheet.title : `${part.sheet.file}`,
        part.columns.map((column) => column.key),
      ),
    ),
    ...described(context.labelled ? readme.title : readme.file, README_COLUMNS),
  ];
}
