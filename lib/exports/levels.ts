/**
 * What one export may contain, decided before any row is read. Pure rules (no database), shared
 * by the route and the download control.
 *
 * Levels, after REDCap's:
 * - `deidentified`: no identity, no free text, and exact dates reduced to their year;
 * - `limited` (the default): the list as its page shows it, never an identity;
 * - `identified`: adds respondents' identities, only for a member holding `export.identified`
 *   who asks for it on that export (`level=identified` or `identified=1`).
 */
import { can, type Role } from "@/lib/permissions";

export const EXPORT_TABLES = [
  "respondents",
  "interviews",
  "focus-groups",
  "stories",
  "evidence",
  "validation-responses",
  "ballots",
  "audit",
] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

/** "zip": the CSV files of a workbook (tables that have one), one per sheet. */
export const EXPORT_FORMATS = ["csv", "xlsx", "zip"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LEVELS = ["deidentified", "limited", "identified"] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];
export const DEFAULT_LEVEL: ExportLevel = "limited";

/** Labels in the reader's language, or the stored values (as KoboToolbox offers both). */
export type LabelMode = "labelled" | "raw";

/** What makes a column sensitive: identity is left out below `identified`, the others at `deidentified`. */
export type Sensitivity = "identity" | "freeText" | "exactDate";

export type ExportOptions = { level: ExportLevel; labels: LabelMode };

export type ExportRefusal = "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST";

/** "stories.xlsx" → its table and format; anything else is not an export. */
export function parseExportFile(file: string): { table: ExportTableName; format: ExportFormat } | null {
  const match = /^([a-z-]{1,24})\.([a-z]{3,4})$/.exec(file);
  if (!match) return null;
  const [, table, format] = match;
  if (
    !(EXPORT_TABLES as readonly string[]).includes(table!) ||
    !(EXPORT_FORMATS as readonly string[]).includes(format!)
  )
    return null;
  return { table: table as ExportTableName, format: format as ExportFormat };
}

/** May these roles choose the identified level at all (the control offers it only to them)? */
export function mayExportIdentified(roles: readonly Role[]): boolean {
  return can(roles, "export.identified");
}

type Params = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined | null {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : null;
  return value === "" ? undefined : value;
}

/**
 * The export's level and labels from its query. An unknown or repeated value is refused rather
 * than guessed: a wrong guess could include what the member did not mean to take away. Asking for
 * identities without the permission is refused, never quietly downgraded.
 */
export function parseExportOptions(
  params: Params,
  roles: readonly Role[],
  defaultLabels: LabelMode = "labelled",
): { ok: true; options: ExportOptions } | { ok: false; reason: ExportRefusal } {
  const level = single(params.level);
  const identified = single(params.identified);
  const labels = single(params.labels);
  if (level === null || identified === null || labels === null) return { ok: false, reason: "BAD_REQUEST" };
  if (level !== undefined && !(EXPORT_LEVELS as readonly string[]).includes(level))
    return { ok: false, reason: "BAD_REQUEST" };
  if (identified !== undefined && identified !== "1" && identified !== "0") return { ok: false, reason: "BAD_REQUEST" };
  if (labels !== undefined && labels !== "labelled" && labels !== "raw") return { ok: false, reason: "BAD_REQUEST" };
  if (identified === "1" && level !== undefined && level !== "identified") return { ok: false, reason: "BAD_REQUEST" };
  const chosen: ExportLevel = identified === "1" ? "identified" : ((level as ExportLevel | undefined) ?? DEFAULT_LEVEL);
  if (chosen === "identified" && !mayExportIdentified(roles)) return { ok: false, reason: "FORBIDDEN" };
  return { ok: true, options: { level: chosen, labels: (labels as LabelMode | undefined) ?? defaultLabels } };
}

/** Whether a column of this sensitivity is in an export at this level. Exact dates stay, reduced (see below). */
export function columnIncluded(sensitivity: Sensitivity | undefined, level: ExportLevel): boolean {
  if (sensitivity === "identity") return level === "identified";
  if (sensitivity === "freeText") return level !== "deidentified";
  return true;
}

/** A date at this level: whole at `limited` and above, its year alone (a number) when de-identified. */
export function dateAtLevel(date: Date | null, level: ExportLevel): Date | number | null {
  if (!date) return null;
  return level === "deidentified" ? date.getUTCFullYear() : date;
}

/** The query parameters that are the export's own, not the list's. */
export const EXPORT_PARAMS = ["level", "identified", "labels"] as const;
