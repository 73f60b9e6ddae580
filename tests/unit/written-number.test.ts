import { describe, expect, it } from "vitest";
import {
  groupedNumber,
  numberProblemValues,
  readWrittenNumber,
  writtenNumber,
  type NumberReader,
} from "@/lib/written-number";

const value = (text: string, reader: NumberReader) => {
  const reading = readWrittenNumber(text, reader);
  return reading.ok ? reading.value : reading.problem;
};

// Spanish is read as Mexico writes it and the app displays it (es-MX): decimal point, comma or space grouping.
describe("readWrittenNumber in Spanish", () => {
  it.each([
    ["600,000", "600000"],
    ["600000", "600000"],
    ["1.5", "1.5"],
    ["0.5", "0.5"],
    [".5", "0.5"],
    ["1,234.5", "1234.5"],
    ["1,234,567", "1234567"],
    ["126,014,024", "126014024"],
    ["1,234,567.25", "1234567.25"],
    ["0.500", "0.5"],
    ["1234.567", "1234.567"],
    ["600 000", "600000"],
    ["600\u00A0000", "600000"],
    ["1\u202F234.5", "1234.5"],
    ["-1.5", "-1.5"],
    ["\u22121.5", "-1.5"],
    ["+24", "24"],
    ["-0", "0"],
    ["007", "7"],
    ["81.50", "81.5"],
    ["2.5", "2.5"],
    ["  24  ", "24"],
  ])("reads %j as %s", (text, expected) => {
    expect(value(text, "es")).toBe(expected);
  });

  it("refuses a lone point followed by three digits as ambiguous, with both readings", () => {
    expect(readWrittenNumber("600.000", "es")).toEqual({
      ok: false,
      problem: "numberAmbiguous",
      asRead: "600",
      other: "600000",
    });
    expect(readWrittenNumber("1.500", "es")).toEqual({
      ok: false,
      problem: "numberAmbiguous",
      asRead: "1.5",
      other: "1500",
    });
    expect(readWrittenNumber("-12.345", "es")).toEqual({
      ok: false,
      problem: "numberAmbiguous",
      asRead: "-12.345",
      other: "-12345",
    });
  });

  it("refuses a number written with a decimal comma and says how to write it here", () => {
    expect(readWrittenNumber("1,5", "es")).toEqual({ ok: false, problem: "numberOtherConvention", other: "1.5" });
    expect(readWrittenNumber("1.234,5", "es")).toEqual({
      ok: false,
      problem: "numberOtherConvention",
      other: "1234.5",
    });
    expect(readWrittenNumber("600.000,50", "es")).toEqual({
      ok: false,
      problem: "numberOtherConvention",
      other: "600000.5",
    });
    expect(readWrittenNumber("1.234.567", "es")).toEqual({
      ok: false,
      problem: "numberOtherConvention",
      other: "1234567",
    });
  });
});

describe("readWrittenNumber in English", () => {
  it.each([
    ["600,000", "600000"],
    ["1.5", "1.5"],
    ["1,234.5", "1234.5"],
    ["1,234,567", "1234567"],
    ["0.250", "0.25"],
    ["600 000", "600000"],
    ["-2,500", "-2500"],
    ["+1.5", "1.5"],
  ])("reads %j as %s", (text, expected) => {
    expect(value(text, "en")).toBe(expected);
  });

  it("refuses a lone point followed by three digits as ambiguous", () => {
    expect(readWrittenNumber("600.000", "en")).toEqual({
      ok: false,
      problem: "numberAmbiguous",
      asRead: "600",
      other: "600000",
    });
    expect(readWrittenNumber("1.500", "en")).toEqual({
      ok: false,
      problem: "numberAmbiguous",
      asRead: "1.5",
      other: "1500",
    });
  });

  it("refuses a number written with a decimal comma", () => {
    expect(readWrittenNumber("1,5", "en")).toEqual({ ok: false, problem: "numberOtherConvention", other: "1.5" });
    expect(readWrittenNumber("1.234,5", "en")).toEqual({
      ok: false,
      problem: "numberOtherConvention",
      other: "1234.5",
    });
  });
});

describe("percent signs, sizes and hostile text", () => {
  it("takes a percent sign before or after the number and says so", () => {
    expect(readWrittenNumber("81 %", "es")).toEqual({ ok: true, value: "81", percent: true });
    expect(readWrittenNumber("81.5%", "es")).toEqual({ ok: true, value: "81.5", percent: true });
    expect(readWrittenNumber("81,5 %", "es")).toEqual({ ok: false, problem: "numberOtherConvention", other: "81.5" });
    expect(readWrittenNumber("%12", "en")).toEqual({ ok: true, value: "12", percent: true });
    expect(readWrittenNumber("24", "en")).toEqual({ ok: true, value: "24", percent: false });
  });

  it("keeps every digit of a huge value and refuses what the column cannot keep, never rounding", () => {
    expect(value("9,999,999,999,999,999.9999", "es")).toBe("9999999999999999.9999");
    expect(value("9,999,999,999,999,999.9999", "en")).toBe("9999999999999999.9999");
    expect(value("99,999,999,999,999,999", "es")).toBe("numberTooLarge");
    expect(value("1.23456", "es")).toBe("numberTooPrecise");
    expect(value("1.23450", "es")).toBe("1.2345");
    expect(value("00000000000000000001", "en")).toBe("1");
  });

  it.each([
    "",
    "   ",
    "abc",
    "1e6",
    "Infinity",
    "NaN",
    "0x1F",
    "<script>alert(1)</script>",
    "'; drop table story_figure; --",
    '=HYPERLINK("http://x")',
    "1-9",
    "--5",
    "+-5",
    "5-",
    "1,5,",
    "1.5.",
    "6,00,000",
    "600.000 000",
    "12 34",
    "\u0661\u0662\u0663",
    "１２",
    "1" + "0".repeat(80),
    "5,",
    ".",
    "%",
  ])("refuses %j in both conventions", (text) => {
    for (const reader of ["es", "en"] as const) {
      const reading = readWrittenNumber(text, reader);
      expect(reading.ok, `${reader}: ${text}`).toBe(false);
    }
  });

  it("reads stored values plainly and refuses grouping there", () => {
    expect(value("600000", "stored")).toBe("600000");
    expect(value("-0.5000", "stored")).toBe("-0.5");
    expect(value("600,000", "stored")).toBe("numberInvalid");
    expect(value("1 000", "stored")).toBe("numberInvalid");
  });
});

describe("writtenNumber", () => {
  it("writes stored values back so they read the same, never ambiguously", () => {
    expect(writtenNumber("600000", "es")).toBe("600000");
    expect(writtenNumber("-1.5", "es")).toBe("-1.5");
    expect(writtenNumber("1.5", "en")).toBe("1.5");
    expect(writtenNumber("12.345", "es")).toBe("12.3450");
    expect(writtenNumber("12.345", "en")).toBe("12.3450");
    for (const stored of ["600000", "1.5", "12.345", "-0.25", "1234.567", "999.999"]) {
      for (const locale of ["es", "en"] as const) {
        expect(readWrittenNumber(writtenNumber(stored, locale), locale)).toEqual({
          ok: true,
          value: stored,
          percent: false,
        });
      }
    }
  });

  it("gives the refusal message what it shows", () => {
    expect(numberProblemValues("1.500", "es")).toMatchObject({
      text: "1.500",
      asRead: "1.5",
      other: "1500",
      otherGrouped: "1,500",
    });
    expect(numberProblemValues("600.000", "en")).toMatchObject({
      asRead: "600",
      other: "600000",
      otherGrouped: "600,000",
    });
    expect(groupedNumber("-1234567.25", "es")).toBe("-1,234,567.25");
    expect(numberProblemValues("12.345", "es")).toMatchObject({ asRead: "12.3450", other: "12345" });
    expect(numberProblemValues("1,5", "es")).toMatchObject({ other: "1.5" });
  });
});
