/**
 * A story row's repetitions → the figures and contributions the story form sends. A figure's
 * number stays the text the file holds and is read by the story schema in the batch's number
 * language (lib/written-number.ts), as the form reads it; a number an XLSX cell holds as a number
 * is written back in that language first (it is a value, not a person's writing). The qualifier
 * comes from its own column, or from the value's words ("over 10,000", "más de 600,000"), and a
 * value written as a range ("1-9") is a range. Pure.
 */
import type { NumberLocale } from "@/lib/written-number";
import { writtenNumber } from "@/lib/written-number";
import type { FigureQualifier } from "@/lib/generated/prisma/enums";
import { normalizeName } from "./mapping";
import type { RepeatRow } from "./repeat-groups";

/** Words (normalised) and signs for each qualifier, in English and Spanish. */
const QUALIFIER_WORDS: Record<FigureQualifier, string[]> = {
  EXACT: ["exact", "exactly", "exactamente", "exacto", "="],
  APPROXIMATELY: [
    "about",
    "approximately",
    "approx",
    "around",
    "circa",
    "roughly",
    "aproximadamente",
    "aprox",
    "alrededor_de",
    "cerca_de",
    "unos",
    "unas",
    "~",
    "≈",
  ],
  MORE_THAN: ["over", "more_than", "above", "greater_than", "mas_de", "por_encima_de", "superior_a", ">"],
  LESS_THAN: ["under", "less_than", "below", "fewer_than", "menos_de", "por_debajo_de", "inferior_a", "<"],
  AT_LEAST: ["at_least", "minimum", "al_menos", "por_lo_menos", "minimo", "como_minimo", ">=", "≥"],
  UP_TO: ["up_to", "at_most", "maximum", "hasta", "como_maximo", "a_lo_sumo", "maximo", "<=", "≤"],
  RANGE: ["range", "between", "rango", "entre"],
};

const BY_WORD = new Map<string, FigureQualifier>();
for (const [qualifier, words] of Object.entries(QUALIFIER_WORDS) as Array<[FigureQualifier, string[]]>) {
  BY_WORD.set(normalizeName(qualifier), qualifier);
  for (const word of words) BY_WORD.set(word, qualifier);
}

/** The qualifier a cell names; null for an empty cell, "unknown" for anything else. */
export function qualifierOf(cell: string): FigureQualifier | null | "unknown" {
  const trimmed = cell.trim();
  if (!trimmed) return null;
  return BY_WORD.get(trimmed) ?? BY_WORD.get(normalizeName(trimmed)) ?? "unknown";
}

/** Longest first, so "more than" is not read as "more" and ">=" not as ">". */
const PREFIXES = [...BY_WORD.keys()]
  .filter((word) => word !== "=" && !["exact", "range", "rango"].includes(word))
  .sort((a, b) => b.length - a.length);

/** "over 10,000" → MORE_THAN and "10,000"; a value without words is returned as it is. */
function splitWords(value: string): { qualifier: FigureQualifier | null; rest: string } {
  const text = value.trim();
  for (const word of PREFIXES) {
    const written = word.replace(/_/g, "\\s+");
    const pattern = new RegExp(`^${written.replace(/[>=<~≈≥≤]/g, (sign) => `\\${sign}`)}\\s*`, "i");
    const plain = text.normalize("NFD").replace(/\p{M}/gu, "");
    const match = pattern.exec(plain);
    if (match && /\d/.test(plain.slice(match[0].length)))
      return { qualifier: BY_WORD.get(word)!, rest: text.slice(match[0].length) };
  }
  return { qualifier: null, rest: text };
}

/** "1-9", "1 – 9", "1 a 9", "1 to 9", "between 1 and 9", "entre 1 y 9": both ends; null for anything else. */
function rangeEnds(value: string): { from: string; to: string } | null {
  const text = value.trim().replace(/^(?:between|entre)\s+/i, "");
  const match =
    /^(\d[\d.,\u00A0\u202F ]*?)\s*(?:[-\u2013\u2014]|\s(?:a|to|and|y|al|hasta)\s)\s*(\d[\d.,\u00A0\u202F ]*)$/i.exec(
      text,
    );
  return match ? { from: match[1]!.trim(), to: match[2]!.trim() } : null;
}

export type FigureDraft = {
  label: string;
  labelTranslation: string;
  qualifier: string;
  value: string;
  valueMax: string | null;
  unit: string;
  unitTranslation: string;
};
export type FigureProblem = { row: RepeatRow; field: string; code: string };

function asWritten(row: RepeatRow, field: string, locale: NumberLocale): string {
  const text = row.values[field] ?? "";
  return row.numeric.has(field) ? writtenNumber(text, locale) : text;
}

export function figureDraft(row: RepeatRow, locale: NumberLocale, problems: FigureProblem[]): FigureDraft {
  const named = qualifierOf(row.values.qualifier ?? "");
  if (named === "unknown") problems.push({ row, field: "qualifier", code: "imports.rowErrors.qualifierUnknown" });
  let value = asWritten(row, "value", locale);
  let valueMax = row.values.valueMax ? asWritten(row, "valueMax", locale) : null;
  let qualifier: FigureQualifier = named === "unknown" || named === null ? "EXACT" : named;
  if (named === null && !row.numeric.has("value")) {
    const words = splitWords(value);
    if (words.qualifier) {
      qualifier = words.qualifier;
      value = words.rest;
    }
  }
  const range =
    !row.numeric.has("value") && (qualifier === "RANGE" || (named === null && qualifier === "EXACT"))
      ? rangeEnds(value)
      : null;
  if (range && valueMax === null) {
    qualifier = "RANGE";
    value = range.from;
    valueMax = range.to;
  }
  return {
    label: row.values.label ?? "",
    labelTranslation: row.values.labelTranslation ?? "",
    qualifier,
    value,
    valueMax,
    unit: row.values.unit ?? "",
    unitTranslation: row.values.unitTranslation ?? "",
  };
}
