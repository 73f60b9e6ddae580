/** A story file's figures as evaluators write them: qualifiers in words or signs, ranges, number cells. */
import { describe, expect, it } from "vitest";
import { figureDraft, qualifierOf, type FigureProblem } from "@/lib/imports/story-children";
import { repeatKindOf, type RepeatRow } from "@/lib/imports/repeat-groups";

const row = (values: Record<string, string>, numeric: string[] = []): RepeatRow => ({
  sheet: "figuras",
  rowNumber: 2,
  values,
  numeric: new Set(numeric),
  columns: {},
});

function draft(values: Record<string, string>, locale: "es" | "en" = "es", numeric: string[] = []) {
  const problems: FigureProblem[] = [];
  const figure = figureDraft(row({ label: "x", ...values }, numeric), locale, problems);
  return {
    qualifier: figure.qualifier,
    value: figure.value,
    valueMax: figure.valueMax,
    problems: problems.map((problem) => problem.code),
  };
}

describe("figure qualifiers", () => {
  it("reads over, about, at least, up to and their Spanish words, signs and enum names", () => {
    expect(["over", "More than", "más de", ">", "MORE_THAN"].map(qualifierOf)).toEqual(Array(5).fill("MORE_THAN"));
    expect(["about", "aproximadamente", "alrededor de", "~"].map(qualifierOf)).toEqual(Array(4).fill("APPROXIMATELY"));
    expect(["at least", "al menos", "por lo menos", ">="].map(qualifierOf)).toEqual(Array(4).fill("AT_LEAST"));
    expect(["up to", "hasta", "como máximo", "<="].map(qualifierOf)).toEqual(Array(4).fill("UP_TO"));
    expect(["under", "menos de", "<"].map(qualifierOf)).toEqual(Array(3).fill("LESS_THAN"));
    expect(qualifierOf("")).toBeNull();
    expect(qualifierOf("quizá")).toBe("unknown");
  });

  it("takes the qualifier from the value's words when its column is empty", () => {
    expect(draft({ value: "more than 10,000" })).toEqual({
      qualifier: "MORE_THAN",
      value: "10,000",
      valueMax: null,
      problems: [],
    });
    expect(draft({ value: "al menos 5" })).toMatchObject({ qualifier: "AT_LEAST", value: "5" });
    expect(draft({ value: "hasta 600,000" })).toMatchObject({ qualifier: "UP_TO", value: "600,000" });
    expect(draft({ value: "over 10,000" }, "en")).toMatchObject({ qualifier: "MORE_THAN", value: "10,000" });
  });

  it("reads a value written as a range as a range, and leaves a negative number alone", () => {
    expect(draft({ value: "1-9" })).toMatchObject({ qualifier: "RANGE", value: "1", valueMax: "9" });
    expect(draft({ value: "entre 1.5 y 2.5" })).toMatchObject({ qualifier: "RANGE", value: "1.5", valueMax: "2.5" });
    expect(draft({ value: "-5" })).toMatchObject({ qualifier: "EXACT", value: "-5", valueMax: null });
  });

  it("writes a number cell back in the batch's language, so 12.345 stays 12.345 and is not refused as ambiguous", () => {
    expect(draft({ value: "1.5" }, "es", ["value"])).toMatchObject({ qualifier: "EXACT", value: "1.5" });
    expect(draft({ value: "12.345" }, "es", ["value"])).toMatchObject({ value: "12.3450" });
    expect(draft({ value: "10000" }, "es", ["value"])).toMatchObject({ value: "10000" });
    expect(draft({ value: "12", qualifier: "nope" }).problems).toEqual(["imports.rowErrors.qualifierUnknown"]);
  });
});

describe("repeat-group sheets", () => {
  it("are known by the group's name, with or without a group prefix or path", () => {
    expect(["figuras", "grp_figures", "story/figures", "Cifras"].map(repeatKindOf)).toEqual(Array(4).fill("figures"));
    expect(["contribuciones", "group_contributions", "Proyectos"].map(repeatKindOf)).toEqual(
      Array(3).fill("contributions"),
    );
    expect(repeatKindOf("otra_hoja")).toBeNull();
  });
});
