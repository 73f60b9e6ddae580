/**
 * Interviews planned and held per region as an SVG bar chart: a hatched bar for the plan, a solid
 * bar for what was held, and both numbers written at the end of each row, so colour is never the
 * only signal. Attributes only (the page's CSP forbids inline styles); every text is escaped.
 * The page shows it inline and the download is the same text.
 */
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

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const WIDTH = 880;
const LABEL = 200;
const BARS = 440;
const ROW = 34;
const TOP = 44;
const PLANNED_FILL = "url(#plan-hatch)";
const HELD_FILL = "#1f4e79";

export function planChartSvg(rows: PlanRow[], words: PlanChartWords): string {
  const held = (row: PlanRow) => (row.doneInterviews === UNDER_5 ? null : row.doneInterviews);
  const scale = Math.max(1, ...rows.map((row) => Math.max(row.plannedInterviews, held(row) ?? 0)));
  const length = (value: number) => Math.round((value / scale) * BARS);
  const height = TOP + rows.length * ROW + 16;
  const lines = rows.map((row, index) => {
    const y = TOP + index * ROW;
    const name = words.regionName(row);
    const done = held(row);
    const doneText = done === null ? words.underFive : words.number(done);
    const plannedText = words.number(row.plannedInterviews);
    return [
      `<g><title>${escape(words.bar(name, plannedText, doneText))}</title>`,
      `<text x="${LABEL - 8}" y="${y + 17}" font-size="13" text-anchor="end">${escape(name)}</text>`,
      `<rect x="${LABEL}" y="${y + 2}" width="${length(row.plannedInterviews)}" height="12" fill="${PLANNED_FILL}" stroke="#4d4d4d" stroke-width="0.8"/>`,
      done === null ? "" : `<rect x="${LABEL}" y="${y + 16}" width="${length(done)}" height="12" fill="${HELD_FILL}"/>`,
      `<text x="${LABEL + BARS + 8}" y="${y + 17}" font-size="13">${escape(`${plannedText} / ${doneText}`)}</text>`,
      `</g>`,
    ].join("");
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="plan-chart-title plan-chart-desc">`,
    `<title id="plan-chart-title">${escape(words.title)}</title>`,
    `<desc id="plan-chart-desc">${escape(words.summary)}</desc>`,
    `<defs><pattern id="plan-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#4d4d4d" stroke-width="1.5"/></pattern></defs>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    // The legend: a key for each bar, in words beside its swatch.
    `<rect x="${LABEL}" y="10" width="16" height="12" fill="${PLANNED_FILL}" stroke="#4d4d4d" stroke-width="0.8"/>`,
    `<text x="${LABEL + 22}" y="21" font-size="13">${escape(words.planned)}</text>`,
    `<rect x="${LABEL + 150}" y="10" width="16" height="12" fill="${HELD_FILL}"/>`,
    `<text x="${LABEL + 172}" y="21" font-size="13">${escape(words.held)}</text>`,
    // The numbers' column says which is which, so "12 / < 5" reads without the colours.
    `<text x="${LABEL + BARS + 8}" y="21" font-size="13">${escape(`${words.planned} / ${words.held}`)}</text>`,
    ...lines,
    `</svg>`,
    "",
  ].join("\n");
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
