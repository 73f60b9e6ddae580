/**
 * A story's period as collection sheets write it, in the "from" column alone or with a "to"
 * column: a year ("2022"), a range ("2022-2024", "2022 – 2024", "2022 a 2024", "2022 to 2024"),
 * an open range ("2022-", "since 2022", "desde 2022", "a partir de 2022"), a month ("2023-03")
 * or a day ("2023-03-15", "15/03/2023"). Anything else is one error that shows these forms
 * (imports.rowErrors.periodFormat). Pure.
 */
import { dayValue } from "./vocabulary";

export type Precision = "YEAR" | "MONTH" | "DAY";
export type ReadPeriod =
  { ok: true; precision: Precision | null; from: string; to: string } | { ok: false; field: "periodFrom" | "periodTo" };

const YEAR = "(\\d{4})";
const RANGE = new RegExp(`^${YEAR}\\s*(?:[-\u2013\u2014/]|\\s(?:a|al|to|until|hasta)\\s)\\s*${YEAR}$`, "i");
const OPEN = new RegExp(`^(?:(?:since|from|desde|a\\s+partir\\s+de)\\s+${YEAR}|${YEAR}\\s*[-\u2013\u2014]\\s*)$`, "i");

/** One cell's own value: a year, a month or a day, with the precision it implies; null when it is none of them. */
function single(cell: string): { precision: Precision; value: string } | null {
  if (/^\d{4}$/.test(cell)) return { precision: "YEAR", value: cell };
  // "2022-24" is neither a month nor a range written in full: refused with the accepted forms.
  if (/^\d{4}-\d{2}$/.test(cell))
    return /^\d{4}-(0[1-9]|1[0-2])$/.test(cell) ? { precision: "MONTH", value: cell } : null;
  const day = dayValue(cell);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? { precision: "DAY", value: day } : null;
}

/**
 * The period a row gives. `precision` is null when the cells leave it to a precision column (or
 * to the day, as before). A range or an open range in the "from" cell needs the "to" cell empty.
 * `wholePeriod`: the cell is a period column, not a "from" column, so a lone "2022" is that year.
 */
export function readPeriodCells(
  fromCell: string | undefined,
  toCell: string | undefined,
  options: { wholePeriod?: boolean } = {},
): ReadPeriod {
  const from = (fromCell ?? "").trim().replace(/\s+/g, " ");
  const to = (toCell ?? "").trim().replace(/\s+/g, " ");
  if (!from && !to) return { ok: true, precision: null, from: "", to: "" };
  const range = RANGE.exec(from);
  if (range)
    return to ? { ok: false, field: "periodTo" } : { ok: true, precision: "YEAR", from: range[1]!, to: range[2]! };
  const open = OPEN.exec(from);
  if (open)
    return to ? { ok: false, field: "periodTo" } : { ok: true, precision: "YEAR", from: (open[1] ?? open[2])!, to: "" };
  const start = from ? single(from) : null;
  if (from && !start) return { ok: false, field: "periodFrom" };
  const end = to ? single(to) : options.wholePeriod ? start : null;
  if (to && !end) return { ok: false, field: "periodTo" };
  // Both ends at one precision: "2022" to "2023-05" is read at the finer one only if the schema agrees.
  return {
    ok: true,
    precision: start?.precision ?? end?.precision ?? null,
    from: start?.value ?? "",
    to: end?.value ?? "",
  };
}
