/**
 * Whose stories get selected, at a glance: the selection rate per storyteller type and per
 * gender as bars on one scale (0 to 100 %), each rate written beside its bar with the counts it
 * is built on, and the one-sentence summary the page and the downloads share.
 *
 * The loader leaves a rate out (null) when nothing was decided or when a count it is built on is
 * shown as "< 5" (meta-loaders.ts). For readers without exact counts every missing rate is worded
 * "not shown": saying "no decision" for some would tell them those counts are zero.
 */
import { INTL_LOCALE } from "@/lib/i18n/config";
import { GENDERS, RESPONDENT_TYPES } from "@/lib/respondents/constants";
import type { BarChart, BarRow } from "./bar-chart";
import type { ChartText } from "./funnel-chart";
import type { DashboardMetaView, StorytellerGroup } from "./meta-loaders";

const DIMENSIONS = ["type", "gender"] as const;
type Dimension = (typeof DIMENSIONS)[number];

function groupName(dimension: Dimension, group: StorytellerGroup, t: ChartText["t"]): string {
  const known = dimension === "type" ? RESPONDENT_TYPES : GENDERS;
  if (!(known as readonly string[]).includes(group.key)) return group.key;
  return t(dimension === "type" ? `respondents.types.${group.key}` : `respondents.genders.${group.key}`);
}

/** What a rate is built on; the loader gives a rate only where both counts are shown. */
const counts = (group: StorytellerGroup) =>
  typeof group.selected === "number" && typeof group.notSelected === "number"
    ? { selected: group.selected, decided: group.selected + group.notSelected }
    : { selected: 0, decided: 0 };

export function selectionRateSummary(view: DashboardMetaView, { t, locale }: ChartText): string {
  if (view.scope.stages.length === 1) return t("dashboardMeta.rates.approvedOnly");
  const percent = new Intl.NumberFormat(INTL_LOCALE[locale], { style: "percent", maximumFractionDigits: 0 });
  const list = new Intl.ListFormat(locale);
  const clause = (dimension: Dimension) => {
    const name = t(`dashboardMeta.storytellers.dimensions.${dimension}`);
    const rated = view.storytellers[dimension].filter((group) => group.rate !== null);
    if (rated.length === 0)
      return t(view.scope.exactCounts ? "dashboardMeta.rates.clauseNoDecision" : "dashboardMeta.rates.clauseHidden", {
        dimension: name,
      });
    // Compared as written (whole percents), so groups that read the same are named together.
    const written = rated.map((group) => ({ group, rate: percent.format(group.rate!) }));
    const byRate = [...written].sort((a, b) => a.group.rate! - b.group.rate!);
    const low = byRate[0]!.rate;
    const high = byRate.at(-1)!.rate;
    const named = (rate: string) =>
      list.format(written.filter((entry) => entry.rate === rate).map((entry) => groupName(dimension, entry.group, t)));
    return low === high
      ? t("dashboardMeta.rates.clauseSame", { dimension: name, rate: low, groups: named(low) })
      : t("dashboardMeta.rates.clauseRange", {
          dimension: name,
          low,
          lowGroups: named(low),
          high,
          highGroups: named(high),
        });
  };
  return t("dashboardMeta.rates.summary", { type: clause("type"), gender: clause("gender") });
}

export function selectionRateChart(view: DashboardMetaView, text: ChartText): BarChart {
  const { t, locale } = text;
  const percent = new Intl.NumberFormat(INTL_LOCALE[locale], { style: "percent", maximumFractionDigits: 0 });
  const approvedOnly = view.scope.stages.length === 1;
  const missing = t(view.scope.exactCounts ? "dashboardMeta.rates.noDecision" : "dashboardMeta.rates.hidden");
  const rows: BarRow[] = approvedOnly
    ? []
    : DIMENSIONS.flatMap((dimension): BarRow[] => [
        { kind: "heading", label: t(`dashboardMeta.rates.heading.${dimension}`) },
        ...view.storytellers[dimension].map((group): BarRow => {
          const label = groupName(dimension, group, t);
          if (group.rate === null)
            return { kind: "bars", label, values: [null], text: missing, title: `${label}: ${missing}` };
          const rate = percent.format(group.rate);
          const { selected, decided } = counts(group);
          return {
            kind: "bars",
            label,
            values: [group.rate],
            text: t("dashboardMeta.rates.rateText", { rate, selected, decided }),
            title: t("dashboardMeta.rates.bar", { group: label, rate, selected, decided }),
          };
        }),
      ]);
  return {
    id: "rate-chart",
    title: t("dashboardMeta.rates.chartTitle"),
    summary: selectionRateSummary(view, text),
    series: [{ label: t("dashboardMeta.rates.values"), fill: "solid" }],
    valuesHeader: t("dashboardMeta.rates.values"),
    rows,
    max: 1,
  };
}
