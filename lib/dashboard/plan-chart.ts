/**
 * Interviews planned and held per region as a bar chart (lib/dashboard/bar-chart.ts): a hatched
 * bar for the plan, a solid bar for what was held, and both numbers written at the end of each
 * row. A held figure shown as "< 5" gets no bar, only its words.
 */
import { barChartSvg, type BarChart } from "./bar-chart";
import type { PlanRow } from "./coverage-plan";
import { UNDER_5 } from "./policy";

export type PlanChartWords = {
  title: string;
  summary: string;
  planned: string;
  held: string;
  /** "Oaxaca: 12 planned, 8 held", the title of one row's bars. */
  bar: (region: string, planned: string, held: string) => string;
  regionName: (row: PlanRow) => string;
  number: (value: number) => string;
  underFive: string;
};

export function planChartSvg(rows: PlanRow[], words: PlanChartWords): string {
  return barChartSvg(planChart(rows, words));
}

export function planChart(rows: PlanRow[], words: PlanChartWords): BarChart {
  return {
    id: "plan-chart",
    title: words.title,
    summary: words.summary,
    series: [
      { label: words.planned, fill: "hatch" },
      { label: words.held, fill: "solid" },
    ],
    valuesHeader: `${words.planned} / ${words.held}`,
    rows: rows.map((row) => {
      const held = row.doneInterviews === UNDER_5 ? null : row.doneInterviews;
      const heldText = held === null ? words.underFive : words.number(held);
      const plannedText = words.number(row.plannedInterviews);
      const name = words.regionName(row);
      return {
        kind: "bars",
        label: name,
        values: [row.plannedInterviews, held],
        text: `${plannedText} / ${heldText}`,
        title: words.bar(name, plannedText, heldText),
      };
    }),
  };
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The one-sentence summary of the plan view, for the page and the downloads alike. */
export function planSummary(
  plan: { plannedInterviews: number; doneInterviews: number | null; notReached: number | null },
  t: Translate,
): string {
  return plan.doneInterviews === null || plan.notReached === null
    ? t("dashboard.plan.summaryHidden", { planned: plan.plannedInterviews })
    : t("dashboard.plan.summary", {
        planned: plan.plannedInterviews,
        done: plan.doneInterviews,
        notReached: plan.notReached,
      });
}

/** The chart's words in one language; `t` reads the dashboard's messages. */
export function planChartWords(t: Translate, number: (value: number) => string, summary: string): PlanChartWords {
  return {
    title: t("dashboard.plan.chartTitle"),
    summary,
    planned: t("dashboard.plan.chartPlanned"),
    held: t("dashboard.plan.chartDone"),
    bar: (region, planned, held) => t("dashboard.plan.chartBar", { region, planned, done: held }),
    regionName: (row) => (row.countryCode ? `${row.name} (${row.countryCode})` : row.name),
    number,
    underFive: "< 5",
  };
}
