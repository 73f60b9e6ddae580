/**
 * A row of a project list → the fields the project form sends (validated by the caller with the
 * form's own schema), and the rule the form's mutation keeps: no two projects of an evaluation
 * share an acronym or a name, accents, case and spacing aside (lib/name-key.ts). A row is checked
 * against the evaluation's projects and against the file's earlier rows, so the dry run names
 * every clash the commit would meet instead of the commit failing on the first. Pure.
 */
import { nameKey } from "@/lib/name-key";
import { isNumberNotDate } from "./cell-dates";
import { dayValue } from "./vocabulary";

type KeyedField = "acronym" | "name";
type Clash = "evaluation" | "file";
type KeySets = Record<KeyedField, Set<string>>;

/** Message keys: the form's own for a clash with a stored project, ours for one within the file. */
const CLASH_CODES: Record<KeyedField, Record<Clash, string>> = {
  acronym: { evaluation: "setup.errors.DUPLICATE_ACRONYM", file: "imports.rowErrors.acronymRepeated" },
  name: { evaluation: "setup.errors.DUPLICATE_NAME", file: "imports.rowErrors.nameRepeated" },
};

/** The acronym and name keys taken: the evaluation's projects (as stored), then the file's rows as they are read. */
export class ProjectKeys {
  private readonly file: KeySets = { acronym: new Set(), name: new Set() };

  constructor(private readonly evaluation: KeySets) {}

  /** Takes this row's value; says whether a stored project or an earlier row of the file had it already. */
  claim(field: KeyedField, value: string): Clash | null {
    const key = nameKey(value);
    if (!key) return null;
    if (this.evaluation[field].has(key)) return "evaluation";
    if (this.file[field].has(key)) return "file";
    this.file[field].add(key);
    return null;
  }
}

type Report = (field: string, code: string) => void;

/**
 * A day from what a spreadsheet holds: a date cell arrives as ISO text (cell-dates.ts), a typed
 * one as ISO or day-first. A bare number is a date cell not formatted as one: refused as such.
 */
function dayCell(report: Report, field: string, value: string | undefined): string {
  const trimmed = (value ?? "").trim();
  if (isNumberNotDate(trimmed)) report(field, "imports.rowErrors.numberNotDate");
  return trimmed ? dayValue(trimmed) : "";
}

/** What the project form would send for this row; clashes and undated numbers are reported as found. */
export function projectInput(text: Record<string, string>, keys: ProjectKeys, report: Report) {
  for (const field of ["acronym", "name"] as const) {
    const clash = keys.claim(field, text[field] ?? "");
    if (clash) report(field, CLASH_CODES[field][clash]);
  }
  return {
    acronym: text.acronym ?? "",
    name: text.name ?? "",
    managingOffice: text.managingOffice ?? "",
    fundingStreams: text.fundingStreams ?? "",
    startDate: dayCell(report, "startDate", text.startDate),
    endDate: dayCell(report, "endDate", text.endDate),
    notes: text.notes ?? "",
  };
}
