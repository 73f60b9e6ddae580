/**
 * Spreadsheet date cells turned into the text date fields read, in a zone west of UTC
 * (America/Mexico_City, UTC-6): a conversion through local time would move a midnight date to the
 * previous day, so every expectation below fails on drift. Dates are built as exceljs builds them
 * from a serial: milliseconds since 1970 in UTC, 25,569 days after serial 0 (1,462 more in 1904).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatShowsCalendar, isNumberNotDate, spreadsheetDateText } from "@/lib/imports/cell-dates";
import { cellText } from "@/lib/imports/limits";
import { dayValue } from "@/lib/imports/vocabulary";

const zoneBefore = process.env.TZ;
const DAY_MS = 86_400_000;
const fromSerial = (serial: number, date1904 = false) =>
  new Date(Math.round((serial - 25_569 + (date1904 ? 1_462 : 0)) * DAY_MS));

beforeAll(() => {
  process.env.TZ = "America/Mexico_City";
});

afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe("the zone the cases run in", () => {
  it("is west of UTC, so local time puts a UTC midnight on the previous day", () => {
    const midnight = fromSerial(45_414);
    expect(midnight.getTimezoneOffset()).toBe(360);
    expect(midnight.getDate()).toBe(1);
    expect(midnight.toLocaleDateString("en-CA")).toBe("2024-05-01");
  });
});

describe("date cells", () => {
  it("gives the calendar day of a date cell, in both date systems", () => {
    expect(spreadsheetDateText(fromSerial(45_414), "dd/mm/yyyy")).toBe("2024-05-02");
    expect(spreadsheetDateText(fromSerial(45_414), "mm-dd-yy")).toBe("2024-05-02");
    expect(spreadsheetDateText(fromSerial(43_952, true), "yyyy-mm-dd")).toBe("2024-05-02");
    expect(spreadsheetDateText(fromSerial(45_292), "d-mmm-yy")).toBe("2024-01-01");
    expect(spreadsheetDateText(fromSerial(45_657), "dd/mm/yyyy")).toBe("2024-12-31");
    // Without a known format, a midnight is a day too.
    expect(spreadsheetDateText(fromSerial(45_414))).toBe("2024-05-02");
    expect(cellText(fromSerial(45_414), "dd/mm/yyyy")).toBe("2024-05-02");
  });

  it("keeps a date-time cell's wall-clock day and time, with no zone, to the second", () => {
    expect(spreadsheetDateText(fromSerial(45_414.75), "yyyy-mm-dd hh:mm")).toBe("2024-05-02T18:00:00");
    expect(spreadsheetDateText(fromSerial(45_414 + 1 / 48), "dd/mm/yyyy h:mm")).toBe("2024-05-02T00:30:00");
    expect(spreadsheetDateText(fromSerial(45_414 + 23.99 / 24), "dd/mm/yyyy hh:mm")).toBe("2024-05-02T23:59:24");
    // 14:29:59.999 (floating point) is shown, and read, as 14:30:00.
    expect(spreadsheetDateText(new Date(Date.UTC(2024, 4, 2, 14, 29, 59, 999)), "yyyy-mm-dd hh:mm:ss")).toBe(
      "2024-05-02T14:30:00",
    );
    // A date field takes the day the sheet shows, never the day in the server's zone.
    expect(dayValue(spreadsheetDateText(fromSerial(45_414 + 1 / 48), "dd/mm/yyyy h:mm"))).toBe("2024-05-02");
    expect(dayValue(spreadsheetDateText(fromSerial(45_414 + 23.99 / 24), "dd/mm/yyyy hh:mm"))).toBe("2024-05-02");
  });

  it("gives a time-only cell as a time, which no date field takes", () => {
    expect(spreadsheetDateText(fromSerial(0.75), "h:mm")).toBe("18:00:00");
    expect(spreadsheetDateText(fromSerial(0.5), "[h]:mm:ss")).toBe("12:00:00");
    // A 1904 time of day falls on 1904-01-01: only the format tells it from a date.
    expect(spreadsheetDateText(fromSerial(0.5, true), "hh:mm AM/PM")).toBe("12:00:00");
    expect(spreadsheetDateText(fromSerial(0.25))).toBe("06:00:00");
    expect(dayValue("18:00:00")).toBe("18:00:00");
  });

  it("gives nothing for an invalid date", () => {
    expect(spreadsheetDateText(new Date(Number.NaN), "yyyy-mm-dd")).toBe("");
  });
});

describe("number formats", () => {
  it("tells formats that show a calendar day, month or year from time-only ones", () => {
    for (const format of [
      "dd/mm/yyyy",
      "yyyy-mm-dd hh:mm:ss",
      "mmm-yy",
      "mmmm",
      "d-mmm",
      "m/d/yy h:mm",
      "[$-F800]dddd, mmmm dd, yyyy",
      "bbbb-mm-dd",
      "DD/MM/YYYY",
    ]) {
      expect(formatShowsCalendar(format), format).toBe(true);
    }
    for (const format of [
      "h:mm",
      "hh:mm:ss",
      "[h]:mm:ss",
      "mm:ss",
      "h:mm AM/PM",
      "h:mm A/P",
      '"Day" h:mm',
      "\\d h:mm",
    ]) {
      expect(formatShowsCalendar(format), format).toBe(false);
    }
  });
});

describe("numbers where a date is expected", () => {
  it("are told apart from dates written as text", () => {
    for (const cell of ["45414", " 45414 ", "45414.75", "45414,5", "2024"])
      expect(isNumberNotDate(cell), cell).toBe(true);
    for (const cell of [
      "2024-05-02",
      "02/05/2024",
      "2024-05-02T18:00:00",
      "18:00:00",
      "",
      "mayo",
      "-45414",
      "45414abc",
    ])
      expect(isNumberNotDate(cell), cell).toBe(false);
  });

  it("are never turned into a day by the text rules", () => {
    expect(dayValue("45414")).toBe("45414");
    expect(cellText(45_414)).toBe("45414");
  });
});
