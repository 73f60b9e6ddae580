/**
 * Deadlines typed as clock time in the evaluation's zone and stored as UTC: Mexico City, which has
 * kept no daylight saving time since 2022, and New York, which does (the hour skipped in spring is
 * refused, the hour repeated in autumn is read as its first, earlier instant).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, isTimeZone, localDateTime, timeZoneLabel, zonedInstant } from "@/lib/evaluations/time-zone";

describe("an evaluation's time zone", () => {
  it("defaults to Mexico City and accepts only zones the platform knows, spelled exactly", () => {
    expect(DEFAULT_TIME_ZONE).toBe("America/Mexico_City");
    expect(isTimeZone("America/Mexico_City")).toBe(true);
    expect(isTimeZone("America/New_York")).toBe(true);
    for (const bad of [
      "america/mexico_city",
      "Mars/Olympus",
      "",
      " America/Mexico_City",
      "<script>",
      "America/Mexico_City'; drop table evaluation",
      42,
      null,
    ]) {
      expect(isTimeZone(bad), String(bad)).toBe(false);
    }
  });

  it("reads Mexico City clock time at UTC-6 all year round", () => {
    expect(zonedInstant("2030-01-15T12:00", "America/Mexico_City")!.toISOString()).toBe("2030-01-15T18:00:00.000Z");
    expect(zonedInstant("2030-07-15T12:00", "America/Mexico_City")!.toISOString()).toBe("2030-07-15T18:00:00.000Z");
    expect(zonedInstant("2030-12-31T23:59", "America/Mexico_City")!.toISOString()).toBe("2031-01-01T05:59:00.000Z");
    expect(localDateTime(new Date("2031-01-01T05:59:00.000Z"), "America/Mexico_City")).toBe("2030-12-31T23:59");
  });

  it("follows daylight saving time where the zone keeps it", () => {
    expect(zonedInstant("2030-01-15T12:00", "America/New_York")!.toISOString()).toBe("2030-01-15T17:00:00.000Z");
    expect(zonedInstant("2030-07-15T12:00", "America/New_York")!.toISOString()).toBe("2030-07-15T16:00:00.000Z");
    // 10 March 2030: 02:00 jumps to 03:00, so 02:30 never shows on a New York clock.
    expect(zonedInstant("2030-03-10T02:30", "America/New_York")).toBeNull();
    expect(zonedInstant("2030-03-10T03:30", "America/New_York")!.toISOString()).toBe("2030-03-10T07:30:00.000Z");
    // 3 November 2030: 01:30 happens twice; the first, still at UTC-4, is taken.
    expect(zonedInstant("2030-11-03T01:30", "America/New_York")!.toISOString()).toBe("2030-11-03T05:30:00.000Z");
    expect(localDateTime(new Date("2030-11-03T06:30:00.000Z"), "America/New_York")).toBe("2030-11-03T01:30");
  });

  it("refuses what is no clock time", () => {
    for (const bad of [
      "2030-02-30T12:00",
      "2030-01-15",
      "2030-01-15T24:00",
      "2030-01-15T12:00Z",
      "15/01/2030 12:00",
      "",
    ]) {
      expect(zonedInstant(bad, "America/Mexico_City"), bad).toBeNull();
    }
  });

  it("names the zone in the reader's language, with its IANA name", () => {
    expect(timeZoneLabel("America/Mexico_City", "es-MX")).toBe("hora estándar central (America/Mexico_City)");
    expect(timeZoneLabel("America/New_York", "en")).toBe("Eastern Time (America/New_York)");
  });
});
