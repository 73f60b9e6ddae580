/**
 * The public facts of the reference evaluation (a copy of the shared fixture, so installs do not
 * need it) and the small parsers that turn its text into column values.
 */
import type { FigureQualifier } from "@/lib/generated/prisma/enums";
import { day } from "@/tests/factories/ids";
import fixtureJson from "./usmca-evaluation.json" with { type: "json" };

export type SampleOutcome = {
  domain: number;
  change_type: string;
  title: string;
  period: string;
  states: string[];
  sectors: string[];
  figures: Array<{ label: string; value: number | string; qualifier?: string }>;
};

export type EvaluationFixture = {
  evaluation: {
    name: string;
    client: string;
    evaluator: string;
    period: { from: string; to: string };
    languages: string[];
  };
  domains: Array<{ order: number; name_en: string; name_es: string }>;
  projects: Array<{ acronym: string; office: string; name: string; funding: string[] }>;
  usmca_priorities: string[];
  sample_outcomes: SampleOutcome[];
};

export const fixture: EvaluationFixture = fixtureJson;

/** "2024-03" as the first day of that month. */
export function monthStart(yearMonth: string): Date {
  return day(`${yearMonth}-01`);
}

/** "2025-05" as the last day of that month. */
export function monthEnd(yearMonth: string): Date {
  const [year, month] = yearMonth.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0));
}

/**
 * A story period written in years, as the learning brief writes them: "2022-2023", "2023", or an
 * open end "2023-". Stored as whole years (precision YEAR); an open end leaves `to` null.
 */
export function parseYearPeriod(text: string): { from: Date; to: Date | null } {
  const match = /^(\d{4})(?:(-)(\d{4})?)?$/.exec(text.trim());
  if (!match) throw new Error(`parseYearPeriod: cannot read "${text}"`);
  const [, from, dash, to] = match;
  const lastYear = to ?? (dash ? null : from);
  return { from: day(`${from}-01-01`), to: lastYear ? day(`${lastYear}-12-31`) : null };
}

/** A fixture figure as StoryFigure columns: "over" becomes MORE_THAN, "1-9" a RANGE. */
export function parseFigure(figure: SampleOutcome["figures"][number]): {
  qualifier: FigureQualifier;
  value: number;
  valueMax: number | null;
} {
  if (typeof figure.value === "string") {
    const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(figure.value);
    if (!range) throw new Error(`parseFigure: cannot read "${figure.value}"`);
    return { qualifier: "RANGE", value: Number(range[1]), valueMax: Number(range[2]) };
  }
  const qualifiers: Record<string, FigureQualifier> = { over: "MORE_THAN", about: "APPROXIMATELY", under: "LESS_THAN" };
  const qualifier = figure.qualifier ? qualifiers[figure.qualifier] : "EXACT";
  if (!qualifier) throw new Error(`parseFigure: unknown qualifier "${figure.qualifier}"`);
  return { qualifier, value: figure.value, valueMax: null };
}
