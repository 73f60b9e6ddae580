import { describe, expect, it } from "vitest";
import { readPeriodCells } from "@/lib/imports/period-cells";
import { choiceValue } from "@/lib/imports/vocabulary";

describe("a story's period read from its cells", () => {
  it.each([
    ["2022", "", { precision: "YEAR", from: "2022", to: "" }],
    ["2022", "2024", { precision: "YEAR", from: "2022", to: "2024" }],
    ["2022-2024", "", { precision: "YEAR", from: "2022", to: "2024" }],
    ["2022 – 2024", "", { precision: "YEAR", from: "2022", to: "2024" }],
    ["2022/2024", "", { precision: "YEAR", from: "2022", to: "2024" }],
    ["2022 a 2024", "", { precision: "YEAR", from: "2022", to: "2024" }],
    ["2022 to 2024", "", { precision: "YEAR", from: "2022", to: "2024" }],
    ["2022-", "", { precision: "YEAR", from: "2022", to: "" }],
    ["since 2022", "", { precision: "YEAR", from: "2022", to: "" }],
    ["Desde 2022", "", { precision: "YEAR", from: "2022", to: "" }],
    ["a partir de 2022", "", { precision: "YEAR", from: "2022", to: "" }],
    ["2023-03", "2023-05", { precision: "MONTH", from: "2023-03", to: "2023-05" }],
    ["2023-03-15", "", { precision: "DAY", from: "2023-03-15", to: "" }],
    ["15/03/2023", "2024-05-02", { precision: "DAY", from: "2023-03-15", to: "2024-05-02" }],
    ["", "", { precision: null, from: "", to: "" }],
    ["", "2024", { precision: "YEAR", from: "", to: "2024" }],
  ])("reads %j to %j", (from, to, expected) => {
    expect(readPeriodCells(from, to)).toEqual({ ok: true, ...expected });
  });

  it.each([
    ["2022-2024", "2025", "periodTo"],
    ["since 2022", "2024", "periodTo"],
    ["last year", "", "periodFrom"],
    ["2022-24", "", "periodFrom"],
    ["22", "", "periodFrom"],
    ["2022", "soon", "periodTo"],
    ["<script>alert(1)</script>", "", "periodFrom"],
    ['=HYPERLINK("x")', "", "periodFrom"],
    ["2022--2024", "", "periodFrom"],
    ["2".repeat(5000), "", "periodFrom"],
  ])("refuses %j to %j on %s", (from, to, field) => {
    expect(readPeriodCells(from, to)).toEqual({ ok: false, field });
  });
});

describe("a period column (the whole period in one cell)", () => {
  it("reads a lone year, month or day as that year, month or day, and ranges as in a from column", () => {
    expect(readPeriodCells("2022", "", { wholePeriod: true })).toEqual({
      ok: true,
      precision: "YEAR",
      from: "2022",
      to: "2022",
    });
    expect(readPeriodCells("2023-03", "", { wholePeriod: true })).toEqual({
      ok: true,
      precision: "MONTH",
      from: "2023-03",
      to: "2023-03",
    });
    expect(readPeriodCells("2022-2024", "", { wholePeriod: true })).toEqual({
      ok: true,
      precision: "YEAR",
      from: "2022",
      to: "2024",
    });
    expect(readPeriodCells("desde 2022", "", { wholePeriod: true })).toEqual({
      ok: true,
      precision: "YEAR",
      from: "2022",
      to: "",
    });
    expect(readPeriodCells("pronto", "", { wholePeriod: true })).toEqual({ ok: false, field: "periodFrom" });
  });
});

describe("change types as sheets write them", () => {
  it.each([
    ["lack of change", "NO_CHANGE"],
    ["Lack of change", "NO_CHANGE"],
    ["sin cambio", "NO_CHANGE"],
    ["Sin cambios", "NO_CHANGE"],
    ["no change", "NO_CHANGE"],
    ["No hubo cambio", "NO_CHANGE"],
    ["positive", "POSITIVE"],
    ["Cambio negativo", "NEGATIVE"],
  ])("reads %j as %s", (cell, expected) => {
    expect(choiceValue("changeType", cell)).toBe(expected);
  });
});
