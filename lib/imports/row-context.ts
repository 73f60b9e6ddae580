/**
 * What converting any row shares: the file's columns (Layout), a row's cells by field, the column
 * to blame for a field, and the lookups that report a value naming nothing known. Pure.
 */
import type { ImportKind } from "@/lib/generated/prisma/enums";
import type { NumberLocale } from "@/lib/written-number";
import { isNumberNotDate } from "./cell-dates";
import { fieldOf } from "./fields";
import { isChecked, parseTarget, splitChoices, type ColumnMapping } from "./mapping";

/**
 * `sheet` names the repeat group's sheet (XLSX) or file (CSV) the row is in; absent for the main
 * table. `rowNumber` is the line as a spreadsheet shows it.
 */
export type RowError = { rowNumber: number; column: string | null; code: string; sheet?: string | null };

/** The columns of a file, resolved once per run. */
export type Layout = {
  kind: ImportKind;
  headers: string[];
  mapping: ColumnMapping;
  keyIndex: number;
  keyColumn: string;
  /** The language the batch's figures are read in (stories); see import_batch.number_locale. */
  numberLocale?: NumberLocale;
};

export type Cells = { text: Record<string, string>; lists: Record<string, string[]> };

export function readCells(layout: Layout, cells: string[]): Cells {
  const text: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  layout.headers.forEach((header, index) => {
    const target = layout.mapping[header];
    if (!target) return;
    const value = cells[index] ?? "";
    const { field, choice } = parseTarget(target);
    if (fieldOf(layout.kind, field)?.shape === "multi") {
      const list = (lists[field] ??= []);
      if (choice !== null) {
        if (isChecked(value)) list.push(choice);
      } else if (
        ["places", "sectors", "secondaryDomains", "sources"].includes(field) ||
        // A story's tags are names that hold spaces; a respondent's at-risk groups are Kobo choice codes.
        (layout.kind === "STORIES" && (field === "priorities" || field === "atRiskGroups"))
      )
        list.push(value); // split by storyInput (names hold spaces)
      else list.push(...splitChoices(value));
    } else if (!(field in text) || text[field] === "") {
      text[field] = value;
    }
  });
  return { text, lists };
}

/** Schema field → the import field whose column is to blame. */
const SCHEMA_FIELDS: Record<string, string> = {
  placeId: "place",
  sectorId: "sector",
  placeIds: "places",
  sectorIds: "sectors",
  atRiskGroupIds: "atRiskGroups",
  interviewerIds: "interviewers",
  respondentIds: "respondents",
  projectIds: "projects",
  storytellerIds: "storytellers",
  collectedById: "collectedBy",
  translatedById: "translatedBy",
};

export function columnOf(layout: Layout, field: string): string | null {
  const name = SCHEMA_FIELDS[field] ?? field;
  const found =
    layout.headers.find((header) => layout.mapping[header] && parseTarget(layout.mapping[header]!).field === name) ??
    null;
  // A range written in the "from" column alone ("2024-2022") is wrong in that column.
  return (
    found ??
    (name === "periodTo" ? columnOf(layout, "periodFrom") : name === "periodFrom" ? columnOf(layout, "period") : null)
  );
}

export type Lookup = { errors: RowError[]; rowNumber: number; layout: Layout };

export function ids<T>(
  ctx: Lookup,
  field: string,
  values: string[],
  find: (value: string) => T | null,
  code: string,
): T[] {
  const found: T[] = [];
  let reported = false;
  for (const value of values) {
    const hit = find(value);
    if (hit !== null) found.push(hit);
    else if (!reported) {
      ctx.errors.push({
        rowNumber: ctx.rowNumber,
        column: columnOf(ctx.layout, field),
        code: `imports.rowErrors.${code}`,
      });
      reported = true;
    }
  }
  return found;
}

/**
 * A date column holding a bare number (a spreadsheet date in a cell not formatted as a date) is
 * reported as such rather than as a badly written date, and never guessed into a day. A period
 * may be a bare year.
 */
export function refuseNumber(
  ctx: Lookup,
  field: string,
  value: string | undefined,
  options: { yearAllowed?: boolean } = {},
): void {
  const trimmed = (value ?? "").trim();
  if (!isNumberNotDate(trimmed) || (options.yearAllowed && /^\d{4}$/.test(trimmed))) return;
  ctx.errors.push({
    rowNumber: ctx.rowNumber,
    column: columnOf(ctx.layout, field),
    code: "imports.rowErrors.numberNotDate",
  });
}
