/**
 * A calendar day as forms, imports and files write it ("2024-03-01") and as the database holds
 * it: UTC midnight of that day, as Prisma reads and writes every `@db.Date`. Both directions read
 * in UTC, so a stored day never shifts with the server's time zone. A missing day stays missing.
 */
export function utcMidnight(isoDay: string): Date;
export function utcMidnight(isoDay: string | null): Date | null;
export function utcMidnight(isoDay: string | null): Date | null {
  return isoDay ? new Date(`${isoDay}T00:00:00.000Z`) : null;
}

/** The "YYYY-MM-DD" of a stored day (or, for any instant, of its day in UTC). */
export function isoDay(date: Date): string;
export function isoDay(date: Date | null): string | null;
export function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/**
 * Whether a text is a "YYYY-MM-DD" day that exists: Date would read "2023-02-31" as 3 March and
 * "2023-13-01" as no date at all. Each form adds its own range of years.
 */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = utcMidnight(value);
  return !Number.isNaN(date.getTime()) && isoDay(date) === value;
}
