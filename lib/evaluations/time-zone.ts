/**
 * An evaluation's time zone: deadlines are typed and shown as clock time there, and stored as UTC
 * instants. An IANA zone name ("America/Mexico_City"), checked against the zones the platform
 * knows. Pure functions on Intl, no dependency; shared by the forms, the actions and the pages.
 */

export const DEFAULT_TIME_ZONE = "America/Mexico_City";

/** Whether the platform knows this IANA zone (names are matched exactly, as they are stored). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value))
    return false;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone === value;
  } catch {
    return false;
  }
}

/** The zones offered in setup: the platform's list, with the default first if it is missing. */
export function timeZoneChoices(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(DEFAULT_TIME_ZONE) ? zones : [DEFAULT_TIME_ZONE, ...zones];
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The clock time an instant shows in a zone, as `YYYY-MM-DDTHH:mm` (what a datetime-local field holds). */
export function localDateTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The UTC instant at which a zone's clocks show `local` (`YYYY-MM-DDTHH:mm`), or null when they
 * never do (the hour skipped when clocks move forward) or the text is no date. When clocks move
 * back and the time happens twice, the first (earlier) instant is taken: a deadline never ends up
 * later than the team meant.
 */
export function zonedInstant(local: string, timeZone: string): Date | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 16) !== local) return null;
  // Each offset the zone had within a day around that clock time; a time that shows `local` is ours.
  const offsets = new Set(
    [-36, -12, 0, 12, 36].map((hours) => offsetMinutes(new Date(asUtc + hours * 3_600_000), timeZone)),
  );
  const fits = [...offsets]
    .map((offset) => new Date(asUtc - offset * 60_000))
    .filter((instant) => localDateTime(instant, timeZone) === local);
  if (fits.length === 0) return null;
  return fits.reduce((earliest, instant) => (instant.getTime() < earliest.getTime() ? instant : earliest));
}

/** The zone's offset from UTC at an instant, in minutes (Mexico City: -360). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const [date, time] = local.split("T") as [string, string];
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wholeMinutes = Math.floor(instant.getTime() / 60_000) * 60_000;
  return (Date.UTC(year, month - 1, day, hour, minute) - wholeMinutes) / 60_000;
}

/**
 * The zone's name as people read it, with its IANA name so it is never ambiguous:
 * "hora estándar central (America/Mexico_City)", "Eastern Time (America/New_York)".
 */
export function timeZoneLabel(timeZone: string, locale: string, at: Date = new Date()): string {
  const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
}
