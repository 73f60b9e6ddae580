/**
 * The funnel at a glance: stories at each step of the path, all domains together, one bar per
 * step with its number written beside it, and the one-sentence summary the page and the downloads
 * share. The table by domain (components/dashboard/funnel-table.tsx) carries every figure.
 */
import { INTL_LOCALE } from "@/lib/i18n/config";
import type { BarChart } from "./bar-chart";
import type { DashboardView } from "./loaders";

type Translate = (key: string, values?: Record<string, string | number>) => string;
export type ChartText = { t: Translate; locale: "es" | "en" };

export function funnelSummary(funnel: DashboardView["funnel"], { t, locale }: ChartText): string {
  const approved = funnel.totals.APPROVED ?? 0;
  if (funnel.stages.length === 1) return t("dashboard.funnel.summaryApproved", { total: funnel.total });
  if (funnel.total === 0) return t("dashboard.funnel.summary", { total: 0, approved });
  const topCount = Math.max(...funnel.stages.map((stage) => funnel.totals[stage] ?? 0));
  // Every step with the most stories, so a tie is not reported as one step.
  const top = new Intl.ListFormat(locale).format(
    funnel.stages
      .filter((stage) => (funnel.totals[stage] ?? 0) === topCount)
      .map((stage) => t(`tables.stage.${stage}`)),
  );
  return t("dashboard.funnel.summaryTop", { total: funnel.total, approved, top, topCount });
}

export function funnelChart(funnel: DashboardView["funnel"], text: ChartText): BarChart {
  const { t, locale } = text;
  const number = new Intl.NumberFormat(INTL_LOCALE[locale]);
  return {
    id: "funnel-chart",
    title: t("dashboard.funnel.chartTitle"),
    summary: funnelSummary(funnel, text),
    series: [{ label: t("dashboard.funnel.chartValues"), fill: "solid" }],
    valuesHeader: t("dashboard.funnel.chartValues"),
    rows: funnel.stages.map((stage) => {
      const count = funnel.totals[stage] ?? 0;
      const step = t(`tables.stage.${stage}`);
      return {
        kind: "bars",
        label: step,
        values: [count],
        text: number.format(count),
        title: t("dashboard.funnel.chartBar", { step, count }),
      };
    }),
  };
}
