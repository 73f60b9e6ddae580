/**
 * What an import accepts, and the cell rules every reader shares. Pure (no Prisma, no Node APIs):
 * the wizard checks the size in the browser with the same numbers before sending anything.
 */
import limits from "@/lib/request-limits.json";
import { spreadsheetDateText } from "./cell-dates";

/** lib/request-limits.json states it once; next.config.js lets requests of that size through. */
export const MAX_IMPORT_BYTES = limits.importMegabytes * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
/** A Kobo form rarely has more than a few hundred columns; a wider file is not a form export. */
export const MAX_IMPORT_COLUMNS = 1_000;
/** One cell may hold a transcript (500,000 characters) but no more. */
export const MAX_CELL_CHARACTERS = 500_000;
/** Errors kept per dry run; the count of all of them is kept on the batch's summary. */
export const MAX_STORED_ERRORS = 5_000;

export const IMPORT_FILE_PROBLEMS = [
  "EMPTY",
  "TOO_LARGE",
  "TOO_MANY_ROWS",
  "TOO_MANY_COLUMNS",
  "INVALID_UTF8",
  "NOT_TABULAR",
  "WRONG_DELIMITER",
  "NO_HEADER",
  "DUPLICATE_HEADER",
  "UNREADABLE",
] as const;
export type ImportFileProblemCode = (typeof IMPORT_FILE_PROBLEMS)[number];

export type ImportFileProblem = {
  code: ImportFileProblemCode;
  suggestion?: "SEMICOLON" | "TAB" | "COMMA";
  header?: string;
};

/** A refusal of the whole file, thrown by the readers and answered as a typed rejection. */
export class ImportFileError extends Error {
  constructor(readonly problem: ImportFileProblem) {
    super(problem.code);
    this.name = "ImportFileError";
  }
}

/**
 * Spreadsheets run text that starts with these as a formula. Imported cells are kept as the
 * literal text they are (never evaluated, never turned into a formula); our CSV export then adds
 * its apostrophe (lib/exports/csv.ts). The check is here so tests and the dry run name it.
 */
export const FORMULA_PREFIX = /^[=+\-@]/;

export function startsLikeFormula(value: string): boolean {
  return FORMULA_PREFIX.test(value);
}

/**
 * The text of a cell as the file holds it. For a spreadsheet formula the formula itself is kept
 * as text ("=HYPERLINK(...)"), never its computed result and never as something to evaluate.
 * A date cell (a Date, with the cell's number format when known) becomes ISO text: see cell-dates.
 */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return spreadsheetDateText(value, numFmt);
  if (typeof value === "object") {
    const cell = value as {
      formula?: string;
      sharedFormula?: string;
      richText?: Array<{ text: string }>;
      text?: unknown;
      error?: string;
    };
    if (typeof cell.formula === "string") return `=${cell.formula}`;
    if (typeof cell.sharedFormula === "string") return `=${cell.sharedFormula}`;
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join("");
    if (typeof cell.text === "string") return cell.text;
    if (typeof cell.error === "string") return "";
  }
  return "";
}
