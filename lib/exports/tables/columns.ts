/** How an exported table is declared: its columns, its read permission and where its rows come from. */
import type { Permission, Role } from "@/lib/permissions";
import type { SearchParams } from "@/lib/tables/url-state";
import { dateAtLevel, type ExportLevel, type Sensitivity } from "../levels";
import type { Cell, CellKind } from "../writers";

/** Message lookup in the reader's language (a key missing from the catalogue shows as the key). */
export type Translate = (key: string) => string;

export type ColumnContext = { labelled: boolean; t: Translate; level: ExportLevel; locale: string };

export type ExportColumn<Row> = {
  /** The raw header, and the column's message under `exports.columns`. */
  key: string;
  kind: CellKind;
  sensitivity?: Sensitivity;
  value: (row: Row, context: ColumnContext) => Cell;
};

export type ExportReader = { user: { id: string }; roles: readonly Role[] };

export type ExportTable<Row, State> = {
  /** The list's read permission: the export answers 404 exactly when the page does. */
  permission: Permission;
  /** The audit event's record type and action. */
  recordType: string;
  action: string;
  /** The list's own URL state, with the list's own schema; null when the page would refuse it. */
  parse: (params: SearchParams) => State | null;
  /** The filters and sort as the audit event records them. */
  described: (state: State) => Record<string, unknown>;
  columns: (roles: readonly Role[]) => ExportColumn<Row>[];
  /** Every row the page would list under `state`, batch by batch. */
  /** `reader` is who asked, with their roles here: a table narrows its rows to what they may read. */
  feed: (
    evaluationId: string,
    reader: ExportReader,
    state: State,
    level: ExportLevel,
    sink: (rows: Row[]) => Promise<void>,
  ) => Promise<void>;
  /** Set for a table whose XLSX is a workbook of several sheets (and which has a zip of CSV files). */
  workbook?: ExportWorkbook<State>;
  /**
   * A second permission that also opens the export, with a narrower scope the feeds apply
   * themselves (reviewers: approved outcomes only).
   */
  scopedPermission?: Permission;
};

/** One sheet of a workbook: its key (title under `exports.sheets`, CSV file name) and columns. */
export type WorkbookPart = {
  key: string;
  // Each sheet has its own row type; the workbook hands each sheet's rows to its own columns.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ExportColumn<any>[];
};

export type ExportWorkbook<State> = {
  /** The sheets in order; the first is the table's own sheet. */
  sheets: WorkbookPart[];
  /** Every sheet's rows, sheet by sheet in order, batch by batch (`sheet` is the index in `sheets`). */
  feed: (
    evaluationId: string,
    reader: ExportReader,
    state: State,
    level: ExportLevel,
    sink: (sheet: number, rows: unknown[]) => Promise<void>,
  ) => Promise<void>;
};

/** A stored choice as its label from any message (`key(value)`), or as stored. */
export function labelled(value: string | null, key: (value: string) => string, context: ColumnContext): Cell {
  if (value === null) return null;
  return context.labelled ? context.t(key(value)) : value;
}

/** A stored choice as its label (from the `tables` messages) or as stored. */
export function choice(value: string | null, namespace: string, context: ColumnContext): Cell {
  if (value === null) return null;
  return context.labelled ? context.t(`tables.${namespace}.${value}`) : value;
}

/** Language names by locale and code: one Intl.DisplayNames per locale, each name looked up once (not per cell). */
const languageNames = new Map<string, string>();
const displayNames = new Map<string, Intl.DisplayNames>();

/** A language code ("es") or its name in the reader's language ("Spanish"). */
export function language(code: string | null, context: ColumnContext): Cell {
  if (!code) return null;
  if (!context.labelled) return code;
  const key = `${context.locale}:${code}`;
  const known = languageNames.get(key);
  if (known !== undefined) return known;
  let name: string;
  try {
    let names = displayNames.get(context.locale);
    if (!names)
      displayNames.set(context.locale, (names = new Intl.DisplayNames([context.locale], { type: "language" })));
    name = names.of(code) ?? code;
  } catch {
    name = code;
  }
  // Codes come from a short list of languages; the bound only guards against a runaway set.
  if (languageNames.size < 1000) languageNames.set(key, name);
  return name;
}

/** A date column: whole, or its year when de-identified. */
export function dated(date: Date | null, context: ColumnContext): Cell {
  return dateAtLevel(date, context.level);
}

/** The kind of a date column at this level: a de-identified date is a year, a number. */
export function kindAtLevel(kind: CellKind, sensitivity: Sensitivity | undefined, level: ExportLevel): CellKind {
  return sensitivity === "exactDate" && level === "deidentified" ? "number" : kind;
}
