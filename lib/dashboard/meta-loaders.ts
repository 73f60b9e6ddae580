/**
 * The dashboard's meta-monitoring, quantification and coverage views, as the reader may see them:
 * null for anyone who may not open the dashboard. The same scope as loadDashboard (policy.ts):
 * readers who do not read stories count approved outcomes only, and readers without exact counts
 * get every count tied to respondents (storyteller groups, validation strata) under 5 as "< 5",
 * with no totals beside such cells.
 */
import { ALL_STORIES, storyReadScope } from "@/lib/stories/read-scope";
import { evaluationAccess, type Reader } from "@/lib/evaluations/access";
import { ChangeType } from "@/lib/generated/prisma/enums";
import { GENDERS, RESPONDENT_TYPES } from "@/lib/respondents/constants";
import { parseStratum } from "@/lib/validation/sampling";
import {
  countAtRiskTags,
  countFeedback,
  countValidationCoverage,
  rollUpMagnitudes,
  type AtRiskTagRow,
  type MagnitudeRow,
} from "./coverage-data";
import { listDomains } from "./data";
import { keeperFor } from "./kept";
import {
  countChangeTypesByDomain,
  countPanels,
  countStoriesByInterviewer,
  countStoriesByStorytellerGroup,
  type InterviewerRow,
  type PanelRow,
  type StorytellerDimension,
} from "./meta-data";
import { dashboardScope, respondentFigure, respondentTotal, UNDER_5, type DashboardScope, type Figure } from "./policy";
import type { DashboardFilters } from "./schema";

type DomainName = { id: string; nameEn: string; nameEs: string };

export type StorytellerGroup = {
  key: string;
  /** At-risk groups carry their names; types, genders and states are translated by key. */
  name?: { en: string; es: string };
  storytellers: Figure;
  told: Figure;
  selected: Figure;
  notSelected: Figure;
  approved: Figure;
  /** Selected / (selected + not selected); null when nothing was decided or a part is hidden. */
  rate: number | null;
};

export type DashboardMetaView = {
  scope: DashboardScope;
  storytellers: Record<StorytellerDimension, StorytellerGroup[]>;
  changeTypes: {
    rows: Array<{ domain: DomainName | null; counts: Record<ChangeType, number>; total: number }>;
    totals: Record<ChangeType, number>;
    total: number;
  };
  interviewers: InterviewerRow[];
  panels: Array<PanelRow & { domain: DomainName | null }>;
  magnitudes: Array<MagnitudeRow & { domain: DomainName | null }>;
  atRiskTags: AtRiskTagRow[];
  feedback: { rounds: Awaited<ReturnType<typeof countFeedback>>; candidates: number; withFeedback: number };
  validation: {
    strata: Array<{
      roundId: string;
      roundName: string;
      stratum: { type: string; state: string; gender: string } | null;
      drawn: Figure;
      reached: Figure;
      /** Sampled people not yet reached; null for readers without exact counts (strata-on-page.ts). */
      unreached: number | null;
    }>;
    /** Per round; null for readers without exact counts (a total beside "< 5" gives it away). */
    totals: Array<{ roundId: string; roundName: string; drawn: number | null; reached: number | null }>;
  };
};

const CHANGE_TYPES = Object.values(ChangeType);
const zeroCounts = () => Object.fromEntries(CHANGE_TYPES.map((type) => [type, 0])) as Record<ChangeType, number>;

function storytellerGroups(
  rows: Awaited<ReturnType<typeof countStoriesByStorytellerGroup>>,
  atRisk: AtRiskTagRow[],
  scope: DashboardScope,
) {
  const find = (dimension: StorytellerDimension, key: string) =>
    rows.find((row) => row.dimension === dimension && row.key === key);
  const group = (dimension: StorytellerDimension, key: string, name?: StorytellerGroup["name"]): StorytellerGroup => {
    const row = find(dimension, key) ?? { storytellers: 0, told: 0, selected: 0, notSelected: 0, approved: 0 };
    const figures = {
      storytellers: respondentFigure(row.storytellers, scope),
      told: respondentFigure(row.told, scope),
      selected: respondentFigure(row.selected, scope),
      notSelected: respondentFigure(row.notSelected, scope),
      approved: respondentFigure(row.approved, scope),
    };
    const decided = row.selected + row.notSelected;
    const hidden = figures.selected === UNDER_5 || figures.notSelected === UNDER_5;
    // Readers of approved outcomes only see no decisions, so no rate.
    const rate = scope.stages.length > 1 && decided > 0 && !hidden ? row.selected / decided : null;
    return { key, ...(name ? { name } : {}), ...figures, rate };
  };
  const states = [...new Set(rows.filter((row) => row.dimension === "state").map((row) => row.key))].sort((a, b) =>
    a.localeCompare(b, "es"),
  );
  return {
    type: RESPONDENT_TYPES.map((type) => group("type", type)),
    gender: GENDERS.map((gender) => group("gender", gender)),
    state: states.map((state) => group("state", state)),
    atRisk: atRisk.map((tag) => group("atRisk", tag.groupId, { en: tag.nameEn, es: tag.nameEs })),
  };
}

function changeTypesOf(
  cells: Awaited<ReturnType<typeof countChangeTypesByDomain>>,
  domains: Map<string, DomainName>,
): DashboardMetaView["changeTypes"] {
  const rows = new Map<string | null, DashboardMetaView["changeTypes"]["rows"][number]>();
  const totals = zeroCounts();
  let total = 0;
  for (const cell of cells) {
    const row = rows.get(cell.domainId) ?? {
      domain: cell.domainId ? (domains.get(cell.domainId) ?? null) : null,
      counts: zeroCounts(),
      total: 0,
    };
    rows.set(cell.domainId, row);
    row.counts[cell.changeType as ChangeType] += cell.stories;
    row.total += cell.stories;
    totals[cell.changeType as ChangeType] += cell.stories;
    total += cell.stories;
  }
  const order = [...domains.keys()];
  const position = (id: string | null) => (id === null ? order.length : order.indexOf(id));
  return {
    rows: [...rows.entries()].sort(([a], [b]) => position(a) - position(b)).map(([, row]) => row),
    totals,
    total,
  };
}

function validationOf(
  rows: Awaited<ReturnType<typeof countValidationCoverage>>,
  scope: DashboardScope,
): DashboardMetaView["validation"] {
  const totals = new Map<string, { roundId: string; roundName: string; drawn: number; reached: number }>();
  const strata = rows.map((row) => {
    const round = totals.get(row.roundId) ?? { roundId: row.roundId, roundName: row.roundName, drawn: 0, reached: 0 };
    totals.set(row.roundId, round);
    round.drawn += row.drawn;
    round.reached += row.reached;
    const parsed = row.stratum ? parseStratum(row.stratum) : null;
    // A region abroad shows its country's code, as the lists do: "Quetzaltenango (GT)".
    const stratum = parsed
      ? {
          type: parsed.type,
          state: parsed.countryCode ? `${parsed.state} (${parsed.countryCode})` : parsed.state,
          gender: parsed.gender,
        }
      : null;
    return {
      roundId: row.roundId,
      roundName: row.roundName,
      stratum,
      drawn: respondentFigure(row.drawn, scope),
      reached: respondentFigure(row.reached, scope),
      unreached: scope.exactCounts ? row.drawn - row.reached : null,
    };
  });
  return {
    strata,
    totals: [...totals.values()].map((round) => ({
      ...round,
      drawn: respondentTotal(round.drawn, scope),
      reached: respondentTotal(round.reached, scope),
    })),
  };
}

export async function loadDashboardMeta(
  evaluationId: string,
  reader: Reader | null,
  filters: DashboardFilters,
): Promise<DashboardMetaView | null> {
  const access = await evaluationAccess(evaluationId, reader);
  if (!access) return null;
  const scope = dashboardScope(access.roles);
  if (!scope) return null;
  const { stages } = scope;
  // Panels count every round unless a filter or the reader's stages narrow the candidates.
  const restricted = Object.values(filters).some(Boolean) || stages.length === 1;

  // The reader's story scope (a panelist: their opened rounds' candidates); reviewers read approved
  // outcomes through their stages. Who told the stories, who interviewed and whom validation reached
  // are fieldwork, which only those who read every story see (decision 0030).
  const stories = storyReadScope(access) ?? ALL_STORIES;
  const fieldwork = stories.kind === "ALL";
  const keep = keeperFor(evaluationId, [filters, stages, stories]);
  const [groups, atRisk, changeTypes, interviewers, panels, magnitudes, feedback, validation, domainList] =
    await Promise.all([
      fieldwork
        ? keep("storytellers", () => countStoriesByStorytellerGroup(evaluationId, filters, stages, stories))
        : [],
      keep("atRiskTags", () => countAtRiskTags(evaluationId, filters, stages, stories)),
      keep("changeTypes", () => countChangeTypesByDomain(evaluationId, filters, stages, stories)),
      fieldwork ? keep("interviewers", () => countStoriesByInterviewer(evaluationId, filters, stages, stories)) : [],
      keep("panels", () => countPanels(evaluationId, filters, stages, restricted, stories)),
      keep("magnitudes", () => rollUpMagnitudes(evaluationId, filters, stages, stories)),
      keep("feedback", () => countFeedback(evaluationId, filters, stages, stories)),
      fieldwork ? keep("validation", () => countValidationCoverage(evaluationId, filters, stages, stories)) : [],
      listDomains(evaluationId),
    ]);
  const domains = new Map(domainList.map(({ id, nameEn, nameEs }) => [id, { id, nameEn, nameEs }]));
  const domainOf = (id: string | null) => (id ? (domains.get(id) ?? null) : null);
  return {
    scope,
    storytellers: storytellerGroups(groups, atRisk, scope),
    changeTypes: changeTypesOf(changeTypes, domains),
    interviewers,
    panels: panels.map((panel) => ({ ...panel, domain: domainOf(panel.domainId) })),
    magnitudes: magnitudes.map((row) => ({ ...row, domain: domainOf(row.domainId) })),
    atRiskTags: atRisk,
    feedback: {
      rounds: feedback,
      candidates: feedback.reduce((sum, round) => sum + round.candidates, 0),
      withFeedback: feedback.reduce((sum, round) => sum + round.withFeedback, 0),
    },
    validation: validationOf(validation, scope),
  };
}
