/**
 * Each dashboard figure as a table for download: its columns (text or number) and rows, built
 * from the views the loaders return, so a file shows exactly what the page shows the same reader
 * ("< 5" included). Pure: the route handler (lib/dashboard/download.ts) loads and writes.
 */
import type { EvaluationRole } from "@/lib/generated/prisma/enums";
import { ChangeType } from "@/lib/generated/prisma/enums";
import type { Cell, SheetColumn } from "@/lib/exports/writers";
import { GENDERS, RESPONDENT_TYPES } from "@/lib/respondents/constants";
import type { PlanStatus } from "./coverage-plan";
import type { DashboardView, StateRow } from "./loaders";
import type { StorytellerDimension } from "./meta-data";
import type { DashboardMetaView } from "./meta-loaders";
import { UNDER_5, type Figure } from "./policy";

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

export const PANEL_ROLES = [
  "LEAD",
  "EVALUATOR",
  "PANELIST",
  "ANALYST",
  "REVIEWER",
] as const satisfies readonly EvaluationRole[];
export const PANEL_ROLE_FIELDS = {
  LEAD: "leads",
  EVALUATOR: "evaluators",
  PANELIST: "panelists",
  ANALYST: "analysts",
  REVIEWER: "reviewers",
} as const;

export type FigureTable = { title: string; columns: SheetColumn[]; rows: Cell[][] };
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const text = (header: string): SheetColumn => ({ header, kind: "text" });
const number = (header: string): SheetColumn => ({ header, kind: "number" });
/** "< 5" stays text in the file, as on the page; every other count stays a number. */
const figure = (value: Figure | null): Cell => (value === UNDER_5 ? "< 5" : value);
const CHANGE_TYPES = Object.values(ChangeType);

/** The views a figure is built from: only the loader a figure needs is called (`figureSource`). */
export type FigureViews = {
  dashboard: DashboardView | null;
  meta: DashboardMetaView | null;
  locale: "es" | "en";
  t: Translate;
};
type Views = { dashboard: DashboardView; meta: DashboardMetaView; locale: "es" | "en"; t: Translate };

const FROM_DASHBOARD: ReadonlySet<DashboardFigure> = new Set(["funnel", "respondents", "states", "plan"]);
/** Which loader a figure's figures come from. */
export function figureSource(figureName: DashboardFigure): "dashboard" | "meta" {
  return FROM_DASHBOARD.has(figureName) ? "dashboard" : "meta";
}
const domainName = (domain: { nameEn: string; nameEs: string } | null, locale: "es" | "en", none: string) =>
  domain ? (locale === "es" ? domain.nameEs : domain.nameEn) : none;

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

function storytellers({ meta, locale, t }: Views): FigureTable {
  const name = (dimension: StorytellerDimension, key: string, names?: { en: string; es: string }) =>
    dimension === "type"
      ? t(`respondents.types.${key}`)
      : dimension === "gender"
        ? t(`respondents.genders.${key}`)
        : dimension === "atRisk"
          ? (names?.[locale] ?? key)
          : key;
  const s = (key: string) => t(`dashboardMeta.storytellers.${key}`);
  const dimensions: StorytellerDimension[] = ["type", "gender", "state", "atRisk"];
  return {
    title: s("title"),
    columns: [
      text(s("dimension")),
      text(s("group")),
      number(s("storytellers")),
      number(s("told")),
      number(s("selected")),
      number(s("notSelected")),
      number(s("approved")),
      number(s("rate")),
    ],
    rows: dimensions.flatMap((dimension) =>
      meta.storytellers[dimension].map((group) => [
        s(`dimensions.${dimension}`),
        name(dimension, group.key, group.name),
        figure(group.storytellers),
        figure(group.told),
        figure(group.selected),
        figure(group.notSelected),
        figure(group.approved),
        group.rate,
      ]),
    ),
  };
}

function changeTypes({ meta, locale, t }: Views): FigureTable {
  const { rows, totals, total } = meta.changeTypes;
  const c = (key: string) => t(`dashboardMeta.changeTypes.${key}`);
  return {
    title: c("title"),
    columns: [
      text(c("domain")),
      ...CHANGE_TYPES.map((type) => number(t(`tables.changeType.${type}`))),
      number(c("total")),
    ],
    rows: [
      ...rows.map((row) => [
        domainName(row.domain, locale, c("noDomain")),
        ...CHANGE_TYPES.map((type) => row.counts[type]),
        row.total,
      ]),
      [c("allDomains"), ...CHANGE_TYPES.map((type) => totals[type]), total],
    ],
  };
}

function interviewers({ meta, t }: Views): FigureTable {
  const c = (key: string) => t(`dashboardMeta.interviewers.${key}`);
  return {
    title: c("title"),
    columns: [text(c("interviewer")), number(c("stories")), number(c("selected"))],
    rows: meta.interviewers.map((row) => [row.userId === null ? c("none") : row.name, row.stories, row.selected]),
  };
}

function panels({ meta, locale, t }: Views): FigureTable {
  const c = (key: string) => t(`dashboardMeta.panels.${key}`);
  return {
    title: c("title"),
    columns: [
      text(c("panel")),
      text(c("level")),
      text(t("dashboardMeta.changeTypes.domain")),
      number(c("members")),
      ...PANEL_ROLES.map((role) => number(t(`roles.${role}`))),
      number(c("decisions")),
      number(c("dissent")),
      number(c("ballots")),
      number(c("against")),
    ],
    rows: meta.panels.map((panel) => [
      panel.name,
      t(`selection.levels.${panel.level}`),
      panel.domain ? domainName(panel.domain, locale, "") : null,
      panel.members,
      ...PANEL_ROLES.map((role) => panel[PANEL_ROLE_FIELDS[role]]),
      panel.decisions,
      panel.decisionsWithDissent,
      panel.approvalBallots,
      panel.approvalBallotsAgainst,
    ]),
  };
}

/** A listed figure in words: "more than 10000", "from 1 to 9". */
export function listedFigure(
  figure: { qualifier: string; value: string; valueMax: string | null },
  unit: string | null,
  t: Translate,
): string {
  const value = String(Number(figure.value));
  const worded =
    figure.qualifier === "EXACT"
      ? value
      : t(`stories.figureValues.${figure.qualifier}`, { value, max: String(Number(figure.valueMax ?? 0)) });
  return unit ? `${worded} ${unit.trim()}` : worded;
}

function magnitudes({ meta, locale, t }: Views): FigureTable {
  const c = (key: string) => t(`dashboardMeta.magnitudes.${key}`);
  return {
    title: c("title"),
    columns: [
      text(c("domain")),
      text(c("label")),
      text(c("unit")),
      number(c("stories")),
      number(c("total")),
      number(c("approvedStories")),
      number(c("approvedTotal")),
      text(c("listedHeader")),
    ],
    rows: meta.magnitudes.map((row) => [
      domainName(row.domain, locale, c("noDomain")),
      row.label,
      row.unit,
      row.stories,
      row.total === null ? null : Number(row.total),
      row.approvedStories,
      row.approvedTotal === null ? null : Number(row.approvedTotal),
      row.listed ? row.listed.map((item) => listedFigure(item, row.unit, t)).join("; ") : null,
    ]),
  };
}

function atRiskTags({ meta, locale, t }: Views): FigureTable {
  const c = (key: string) => t(`dashboardMeta.atRiskTags.${key}`);
  return {
    title: c("title"),
    columns: [text(c("group")), number(c("collected")), number(c("selected"))],
    rows: meta.atRiskTags.map((tag) => [locale === "es" ? tag.nameEs : tag.nameEn, tag.collected, tag.selected]),
  };
}

function feedback({ meta, t }: Views): FigureTable {
  const c = (key: string) => t(`dashboardMeta.feedback.${key}`);
  return {
    title: c("title"),
    columns: [text(c("round")), number(c("candidates")), number(c("withFeedback")), number(c("withStorytellers"))],
    rows: meta.feedback.rounds.map((round) => [
      round.roundName,
      round.candidates,
      round.withFeedback,
      round.withStorytellers,
    ]),
  };
}

/** A stratum in words: "Union member, Oaxaca, Woman"; null (added by hand) as such. */
export function stratumName(stratum: { type: string; state: string; gender: string } | null, t: Translate): string {
  if (!stratum) return t("dashboardMeta.validation.manual");
  return [t(`respondents.types.${stratum.type}`), stratum.state, t(`respondents.genders.${stratum.gender}`)].join(", ");
}

function validation({ meta, t }: Views): FigureTable {
  const c = (key: string) => t(`dashboardMeta.validation.${key}`);
  const totals = meta.validation.totals.filter((round) => round.drawn !== null);
  return {
    title: c("title"),
    columns: [text(c("round")), text(c("stratum")), number(c("drawn")), number(c("reached"))],
    rows: [
      ...meta.validation.strata.map((row) => [
        row.roundName,
        stratumName(row.stratum, t),
        figure(row.drawn),
        figure(row.reached),
      ]),
      ...totals.map((round) => [round.roundName, c("roundTotal"), round.drawn, round.reached]),
    ],
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
  storytellers,
  "change-types": changeTypes,
  interviewers,
  panels,
  magnitudes,
  "at-risk-tags": atRiskTags,
  feedback,
  validation,
  plan,
};

export function figureTable(figureName: DashboardFigure, views: FigureViews): FigureTable {
  if ((figureSource(figureName) === "dashboard" ? views.dashboard : views.meta) === null)
    throw new Error(`figure ${figureName} needs its view`);
  // The check above guarantees the one view the builder reads.
  return BUILDERS[figureName](views as Views);
}
