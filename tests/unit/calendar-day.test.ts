import { describe, expect, it } from "vitest";
import { isCalendarDay, isoDay, utcMidnight } from "@/lib/core/calendar-day";

describe("calendar days", () => {
  it("stores a day as its UTC midnight and reads it back unchanged", () => {
    expect(utcMidnight("2024-02-29").toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(isoDay(utcMidnight("1999-12-31"))).toBe("1999-12-31");
  });

  it("reads any instant's day in UTC, whatever the server's zone", () => {
    expect(isoDay(new Date("2024-03-01T23:30:00-06:00"))).toBe("2024-03-02");
  });

  it("keeps a missing day missing", () => {
    expect(utcMidnight(null)).toBeNull();
    expect(isoDay(null)).toBeNull();
  });

  it("accepts only days that exist, written as YYYY-MM-DD", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2023-02-29")).toBe(false);
    expect(isCalendarDay("2023-02-31")).toBe(false);
    expect(isCalendarDay("2023-02-32")).toBe(false);
    expect(isCalendarDay("2023-13-01")).toBe(false);
    expect(isCalendarDay("2023-1-01")).toBe(false);
    expect(isCalendarDay("01/03/2023")).toBe(false);
    expect(isCalendarDay("2023-03-01T00:00:00Z")).toBe(false);
  });
});
