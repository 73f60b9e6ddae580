/**
 * A story's magnitude figures as typed → their plain stored values, read with lib/written-number.ts
 * in the convention of the language the person wrote in (`numberLocale`; none means the plain
 * stored form). The story schema runs this twice: once to report every problem (even while other
 * fields are wrong, so all errors show at once) and once to write the values. Pure.
 */
import { readWrittenNumber, type NumberReader } from "@/lib/written-number";

type TypedFigure = { qualifier: string; value: string; valueMax?: string | null; unit: string | null };
export type FigureIssue = { path: PropertyKey[]; message: string };

/** The schema's message for a reading problem ("numberRequired" is the form's plain "required"). */
function messageOf(problem: string): string {
  return problem === "numberRequired" ? "required" : problem;
}

/** A plain value as a whole number of ten-thousandths: compared exactly, however many digits. */
function scaled(value: string): bigint {
  const [integer = "0", fraction = ""] = value.replace("-", "").split(".");
  const magnitude = BigInt(integer + fraction.padEnd(4, "0"));
  return value.startsWith("-") ? -magnitude : magnitude;
}

export function readFigures<F extends TypedFigure>(
  figures: readonly F[],
  reader: NumberReader,
): { figures: Array<F & { valueMax: string | null }>; issues: FigureIssue[] } {
  const issues: FigureIssue[] = [];
  const read = figures.map((figure, index) => {
    // A figure that is not even an object is refused by its own schema; nothing to read here.
    if (typeof figure !== "object" || figure === null) return figure as F & { valueMax: string | null };
    let unit = figure.unit;
    const take = (text: string | null | undefined, field: "value" | "valueMax"): string | null => {
      if (typeof text !== "string" && text != null) return null;
      const reading = readWrittenNumber(text ?? "", reader);
      if (!reading.ok) {
        issues.push({ path: [index, field], message: messageOf(reading.problem) });
        return null;
      }
      // "81 %" fills an empty unit; a percent sign next to another unit contradicts it.
      if (reading.percent) {
        if (!unit) unit = "%";
        else if (unit !== "%") issues.push({ path: [index, field], message: "numberPercentUnit" });
      }
      return reading.value;
    };
    const value = take(figure.value, "value");
    const valueMax = figure.qualifier === "RANGE" ? take(figure.valueMax, "valueMax") : null;
    if (value !== null && valueMax !== null && scaled(valueMax) < scaled(value))
      issues.push({ path: [index, "valueMax"], message: "rangeOrder" });
    return { ...figure, value: value ?? figure.value, valueMax, unit };
  });
  return { figures: read, issues };
}
