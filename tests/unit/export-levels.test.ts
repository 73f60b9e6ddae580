/** What one export may contain: its address, its level and labels, and which columns each level keeps. */
import { describe, expect, it } from "vitest";
import { columnIncluded, dateAtLevel, parseExportFile, parseExportOptions } from "@/lib/exports/levels";
import { stringify } from "csv-stringify/sync";
import { csvRecords } from "@/lib/exports/csv";
import { csvCell } from "@/lib/exports/writers";

describe("parseExportFile", () => {
  it.each([
    ["stories.csv", { table: "stories", format: "csv" }],
    ["focus-groups.xlsx", { table: "focus-groups", format: "xlsx" }],
    ["audit.csv", { table: "audit", format: "csv" }],
    ["stories.zip", { table: "stories", format: "zip" }],
    ["validation-responses.xlsx", { table: "validation-responses", format: "xlsx" }],
    ["ballots.csv", { table: "ballots", format: "csv" }],
  ])("reads %s", (file, expected) => expect(parseExportFile(file)).toEqual(expected));

  it.each([
    "stories.pdf",
    "payments.csv",
    "stories.tar",
    "stories",
    "../stories.csv",
    "stories.csv.exe",
    "STORIES.CSV",
  ])("refuses %s", (file) => {
    expect(parseExportFile(file)).toBeNull();
  });
});

describe("parseExportOptions", () => {
  const lead = ["LEAD"] as const;
  const evaluator = ["EVALUATOR"] as const;

  it("is the list as shown, with labels, when nothing is asked", () => {
    expect(parseExportOptions({}, evaluator)).toEqual({ ok: true, options: { level: "limited", labels: "labelled" } });
    expect(parseExportOptions({}, evaluator, "raw")).toEqual({
      ok: true,
      options: { level: "limited", labels: "raw" },
    });
  });

  it("gives identities only to a member who may and asks", () => {
    expect(parseExportOptions({ identified: "1" }, lead)).toEqual({
      ok: true,
      options: { level: "identified", labels: "labelled" },
    });
    expect(parseExportOptions({ level: "identified" }, lead)).toMatchObject({
      ok: true,
      options: { level: "identified" },
    });
    expect(parseExportOptions({ identified: "1" }, evaluator)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(parseExportOptions({ level: "identified" }, ["ADMIN"])).toEqual({ ok: false, reason: "FORBIDDEN" });
  });

  it.each([
    { level: "everything" },
    { level: ["limited", "identified"] },
    { labels: "both" },
    { identified: "yes" },
    { identified: "1", level: "deidentified" },
  ])("refuses %j rather than guess", (params) => {
    expect(parseExportOptions(params, lead)).toEqual({ ok: false, reason: "BAD_REQUEST" });
  });
});

describe("levels", () => {
  it("keep identity for identified only, free text above de-identified, and dates always (as years when de-identified)", () => {
    expect(
      ["deidentified", "limited", "identified"].map((level) => columnIncluded("identity", level as never)),
    ).toEqual([false, false, true]);
    expect(
      ["deidentified", "limited", "identified"].map((level) => columnIncluded("freeText", level as never)),
    ).toEqual([false, true, true]);
    expect(columnIncluded("exactDate", "deidentified")).toBe(true);
    expect(dateAtLevel(new Date("2023-05-04T00:00:00Z"), "deidentified")).toBe(2023);
    expect(dateAtLevel(new Date("2023-05-04T00:00:00Z"), "limited")).toEqual(new Date("2023-05-04T00:00:00Z"));
  });
});

describe("csvCell", () => {
  it("writes calendar dates as days, times in full ISO, numbers as numbers and formulas as text", () => {
    const when = new Date("2024-06-15T00:00:00Z");
    expect(csvCell(when, "date")).toBe("2024-06-15");
    expect(csvCell(when, "dateTime")).toBe("2024-06-15T00:00:00.000Z");
    expect(csvCell(-5, "number")).toBe("-5");
    expect(csvCell("-5", "text")).toBe("'-5");
    expect(csvCell("＝1+1", "text")).toBe("'＝1+1");
  });
});

describe("csvRecords", () => {
  it("writes what csv-stringify would, quoting only what must be quoted", () => {
    const records = [
      ["plain", "", "with, comma", 'say "hi"', "line\nbreak", "carriage\rreturn", "'=SUM(A1)", "ñandú 🙂", " spaced "],
      ["", "", ""],
      ['"', ",", "\r\n"],
    ];
    expect(csvRecords(records)).toBe(stringify(records));
    expect(csvRecords([['a"b', "c"]])).toBe('"a""b",c\n');
    expect(csvRecords([])).toBe("");
  });
});
