/**
 * Each dashboard figure as a table for download: its columns (text or number) and rows, built
 * from the views the loaders return, so a file shows exactly what the page shows the same reader
 * ("< 5" included). Pure: the route handler (lib/dashboard/download.ts) loads and writes.
 */
import type { Cell } from "@/lib/exports/writers";
import { GENDERS, RESPONDENT_TYPES } from "@/lib/respondents/constants";
import type { PlanStatus } from "./coverage-plan";
import { domainName, figure, number, text, type FigureTable, type Translate, type Views } from "./figure-cells";
import type { DashboardView, StateRow } from "./loaders";
import type { DashboardMetaView } from "./meta-loaders";
import { META_FIGURES } from "./meta-figures";
import type { Figure } from "./policy";

export const DASHBOARD_FIGURES = [
  "funnel",
  "respondents",
  "states",
  "storytellers",
  "change-types",
  "interviewers",
  "panels",
  "magnitudes",
  "at-risk-tags",
  "feedback",
  "validation",
  "plan",
] as const;
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number];

/** The views a figure is built from: only the loader a figure needs is called (`figureSource`). */
export type FigureViews = {
  dashboard: DashboardView | null;
  meta: DashboardMetaView | null;
  locale: "es" | "en";
  t: Translate;
};

const FROM_DASHBOARD: ReadonlySet<DashboardFigure> = new Set(["funnel", "respondents", "states", "plan"]);
/** Which loader a figure's figures come from. */
export function figureSource(figureName: DashboardFigure): "dashboard" | "meta" {
  return FROM_DASHBOARD.has(figureName) ? "dashboard" : "meta";
}

function funnel({ dashboard, locale, t }: Views): FigureTable {
  const { stages, rows, totals, total } = dashboard.funnel;
  return {
    title: t("dashboard.funnel.title"),
    columns: [
      text(t("dashboard.funnel.domain")),
      ...stages.map((stage) => number(t(`tables.stage.${stage}`))),
      number(t("dashboard.funnel.total")),
    ],
    rows: [
      ...rows.map((row) => [
        domainName(row.domain, locale, t("dashboard.funnel.noDomain")),
        ...stages.map((stage) => row.counts[stage] ?? 0),
        row.total,
      ]),
      [t("dashboard.funnel.allDomains"), ...stages.map((stage) => totals[stage] ?? 0), total],
    ],
  };
}

function respondents({ dashboard, t }: Views): FigureTable {
  const { who, scope } = dashboard;
  return {
    title: t("dashboard.who.caption"),
    columns: [
      text(t("dashboard.who.type")),
      ...GENDERS.map((gender) => number(t(`respondents.genders.${gender}`))),
      ...(scope.exactCounts ? [number(t("dashboard.who.total"))] : []),
    ],
    rows: [
      ...RESPONDENT_TYPES.map((type) => [
        t(`respondents.types.${type}`),
        ...GENDERS.map((gender) => figure(who.cells[type]![gender]!)),
        ...(scope.exactCounts ? [who.typeTotals[type] ?? null] : []),
      ]),
      ...(scope.exactCounts
        ? [[t("dashboard.who.total"), ...GENDERS.map((gender) => who.genderTotals[gender] ?? null), who.total]]
        : []),
    ],
  };
}

function states({ dashboard, t }: Views): FigureTable {
  const { states: rows, elsewhere } = dashboard.where;
  const participants = rows.some((row) => row.participants !== null);
  // The map's plan mark in words, as the page's table writes it (decision 0045).
  const plan = rows.some((row) => row.plan !== null);
  const line = (
    name: string,
    row: { stories: number; interviews: Figure; participants: number | null; plan?: StateRow["plan"] },
  ): Cell[] => [
    name,
    row.stories,
    figure(row.interviews),
    ...(participants ? [row.participants] : []),
    ...(plan ? [row.plan ? t(`dashboard.where.planMark.${row.plan}`) : null] : []),
  ];
  return {
    title: t("dashboard.where.caption"),
    columns: [
      text(t("dashboard.where.state")),
      number(t("dashboard.where.stories")),
      number(t("dashboard.where.interviews")),
      ...(participants ? [number(t("dashboard.where.participants"))] : []),
      ...(plan ? [text(t("dashboard.where.planColumn"))] : []),
    ],
    rows: [...rows.map((row) => line(row.name, row)), line(t("dashboard.where.elsewhere"), elsewhere)],
  };
}

/** Fieldwork against the plan, as the page's table shows it (empty without a plan or for panelists). */
function plan({ dashboard, t }: Views): FigureTable {
  const status = (value: PlanStatus | null) => (value ? t(`dashboard.plan.${STATUS_KEYS[value]}`) : null);
  return {
    title: t("dashboard.plan.caption"),
    columns: [
      text(t("dashboard.plan.region")),
      number(t("dashboard.plan.plannedInterviews")),
      number(t("dashboard.plan.doneInterviews")),
      number(t("dashboard.plan.interviewGap")),
      number(t("dashboard.plan.plannedFocusGroups")),
      number(t("dashboard.plan.doneFocusGroups")),
      number(t("dashboard.plan.focusGroupGap")),
      text(t("dashboard.plan.status")),
    ],
    rows: (dashboard.plan?.rows ?? []).map((row) => [
      row.countryCode ? `${row.name} (${row.countryCode})` : row.name,
      row.plannedInterviews,
      figure(row.doneInterviews),
      row.interviewGap,
      row.plannedFocusGroups,
      figure(row.doneFocusGroups),
      row.focusGroupGap,
      status(row.status),
    ]),
  };
}

export const STATUS_KEYS = {
  NOT_REACHED: "notReached",
  BEHIND: "behind",
  MET: "met",
  UNPLANNED: "unplanned",
} as const satisfies Record<PlanStatus, string>;

const BUILDERS: Record<DashboardFigure, (views: Views) => FigureTable> = {
  funnel,
  respondents,
  states,
  ...META_FIGURES,
  plan,
};

export function figureTable(figureName: DashboardFigure, views: FigureViews): FigureTable {
  if ((figureSource(figureName) === "dashboard" ? views.dashboard : views.meta) === null)
    throw new Error(`figure ${figureName} needs its view`);
  // The check above guarantees the one view the builder reads.
  return BUILDERS[figureName](views as Views);
}
