/**
 * CSV files for spreadsheets. Text that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading apostrophe, so a story that begins
 * "=HYPERLINK(...)" is shown as text, never evaluated. Numbers are not text: -5 stays -5, so a
 * spreadsheet still sums it. Files start with a byte-order mark so Excel reads Spanish accents
 * correctly.
 */
/** Also the full-width forms, which spreadsheets read as the same operators. */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** A database decimal (Prisma's Decimal): a number written exactly, not text. */
function isDecimal(value: object): value is { toFixed(): string } {
  return "toFixed" in value && "isNegative" in value && typeof value.toFixed === "function";
}

export function csvSafeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "object" && !(value instanceof Date) && isDecimal(value)) return value.toFixed();
  const text =
    value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A field needs quotes when it holds the delimiter, a quote or a line break (RFC 4180). */
const NEEDS_QUOTES = /[",\n\r]/;

/** One field of a record: quoted only when it must be, quotes doubled. */
export function csvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Records as RFC 4180 CSV text, each ending in LF: fields quoted only when they must be, quotes
 * doubled. The same output as csv-stringify's defaults, written by hand because the export writes
 * 100,000 rows and the general library's per-field option handling was a fifth of the CSV time.
 * Joined, not appended field by field: `+=` builds a chain of string pieces per field, which
 * allocated more than the text itself and is copied again when the text is written.
 */
export function csvRecords(records: readonly (readonly string[])[]): string {
  const lines = records.map((fields) => fields.map(csvField).join(","));
  lines.push("");
  return lines.join("\n");
}
