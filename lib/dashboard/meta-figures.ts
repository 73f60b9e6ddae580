/**
 * The meta-monitoring, quantification and coverage figures (MSC steps 6, 8 and 9) as tables for
 * download, built from the meta view as the page shows it to the same reader. Pure.
 */
import type { EvaluationRole } from "@/lib/generated/prisma/enums";
import { ChangeType } from "@/lib/generated/prisma/enums";
import { domainName, figure, number, text, type FigureTable, type Translate, type Views } from "./figure-cells";
import type { StorytellerDimension } from "./meta-data";

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

const CHANGE_TYPES = Object.values(ChangeType);

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

export const META_FIGURES = {
  storytellers,
  "change-types": changeTypes,
  interviewers,
  panels,
  magnitudes,
  "at-risk-tags": atRiskTags,
  feedback,
  validation,
} satisfies Record<string, (views: Views) => FigureTable>;
