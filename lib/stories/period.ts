/**
 * A story's period as people write it ("2022–2023", "March 2023 –", "15/03/2023") and as it is
 * stored: the first day of `from` and the last day of `to` (PRODUCT.md: "period (from/to year or
 * date)"). Pure functions, shared by the form, the action, the snapshot and the display.
 */
export const DATE_PRECISIONS = ["YEAR", "MONTH", "DAY"] as const;
export type Precision = (typeof DATE_PRECISIONS)[number];

/**
 * How a bound is shown at its precision (the year; the month and year; the day), read in UTC so
 * the stored day never shifts: the story pages and the brief's sentence show a period alike.
 */
export const PERIOD_DATE_FORMAT = {
  YEAR: { year: "numeric", timeZone: "UTC" },
  MONTH: { year: "numeric", month: "long", timeZone: "UTC" },
  DAY: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" },
} as const satisfies Record<Precision, Intl.DateTimeFormatOptions>;

const PATTERNS: Record<Precision, RegExp> = {
  YEAR: /^(\d{4})$/,
  MONTH: /^(\d{4})-(\d{2})$/,
  DAY: /^(\d{4})-(\d{2})-(\d{2})$/,
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The first and last calendar day a written value covers, or null when it is not a valid value of that precision. */
export function periodBounds(precision: Precision, value: string): { first: string; last: string } | null {
  const match = PATTERNS[precision].exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (precision === "YEAR") return { first: iso(year, 1, 1), last: iso(year, 12, 31) };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (precision === "MONTH") return { first: iso(year, month, 1), last: iso(year, month, lastDayOfMonth(year, month)) };
  const day = Number(match[3]);
  if (day < 1 || day > lastDayOfMonth(year, month)) return null;
  return { first: iso(year, month, day), last: iso(year, month, day) };
}

export type PeriodProblem = "periodFormat" | "periodFromRequired" | "periodOrder";

/**
 * The stored period (ISO days) of a written one, or the problem with it and which end it concerns.
 * Both ends empty is no period; an empty `to` is an open end.
 */
export function storedPeriod(
  precision: Precision,
  from: string,
  to: string,
):
  | { ok: true; from: string | null; to: string | null }
  | { ok: false; field: "periodFrom" | "periodTo"; problem: PeriodProblem } {
  const fromText = from.trim();
  const toText = to.trim();
  if (!fromText && !toText) return { ok: true, from: null, to: null };
  if (!fromText) return { ok: false, field: "periodFrom", problem: "periodFromRequired" };
  const start = periodBounds(precision, fromText);
  if (!start) return { ok: false, field: "periodFrom", problem: "periodFormat" };
  if (!toText) return { ok: true, from: start.first, to: null };
  const end = periodBounds(precision, toText);
  if (!end) return { ok: false, field: "periodTo", problem: "periodFormat" };
  if (end.last < start.first) return { ok: false, field: "periodTo", problem: "periodOrder" };
  return { ok: true, from: start.first, to: end.last };
}

/** A stored day ("2023-03-01") written back at a precision ("2023", "2023-03", "2023-03-01"). */
export function writtenPeriodValue(precision: Precision, isoDay: string | null): string {
  if (!isoDay) return "";
  if (precision === "YEAR") return isoDay.slice(0, 4);
  if (precision === "MONTH") return isoDay.slice(0, 7);
  return isoDay.slice(0, 10);
}
