/**
 * Spreadsheet dates. A workbook stores a date as a serial number of days and marks it a date only
 * through the cell's number format; the XLSX reader (reading styles) hands such cells over as a
 * Date whose UTC fields are the wall-clock day and time the sheet shows (exceljs counts serials in
 * UTC and honours the 1904 date system of Mac workbooks). A spreadsheet time has no zone, so the
 * text is built from the UTC fields only: the server's own zone never moves a day. Pure.
 */

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function dayText(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function timeText(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/**
 * Whether a number format shows a calendar part: years, days, Buddhist years ("b"), or months
 * ("m" in a format with no hours or seconds; next to them Excel reads "m" as minutes). Literal
 * text ("..."), escaped characters, [colour/locale] sections and AM/PM markers are not format codes.
 */
export function formatShowsCalendar(numFmt: string): boolean {
  const codes = numFmt
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/AM\/PM|A\/P/gi, "");
  if (/[ydb]/i.test(codes)) return true;
  return /m/i.test(codes) && !/[hs]/i.test(codes);
}

/** The first day of the 1900 system (serial 1); anything earlier holds a time of day only. */
const FIRST_SERIAL_DAY = Date.UTC(1899, 11, 31);

/**
 * The text of a date cell: "2024-05-02" for a day, "2024-05-02T18:00:00" for a day with a time
 * (rounded to the second; no zone, the sheet has none), "18:00:00" for a time-only cell. Date
 * fields take the day from either of the first two (vocabulary's dayValue); a time is no date.
 */
export function spreadsheetDateText(date: Date, numFmt?: string): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return "";
  const rounded = new Date(Math.round(time / 1000) * 1000);
  const timeOnly = numFmt ? !formatShowsCalendar(numFmt) : time < FIRST_SERIAL_DAY;
  if (timeOnly) return timeText(rounded);
  const clock = timeText(rounded);
  return clock === "00:00:00" ? dayText(rounded) : `${dayText(rounded)}T${clock}`;
}

/**
 * A bare number ("45414", "45414.75") where a date is expected: a spreadsheet date whose cell is
 * not formatted as a date (or a typo). It is refused with its own message, never turned into a day.
 */
export function isNumberNotDate(cell: string): boolean {
  return /^\d+(?:[.,]\d+)?$/.test(cell.trim());
}
