/**
 * The dashboard as the reader may see it: null for anyone who may not open it (the page answers
 * 404). The read policy is applied here, before anything reaches the page: reviewers and others
 * who do not read stories get approved outcomes only, and readers without exact counts get every
 * respondent count under 5 as "< 5" and no totals that would give the hidden cells away;
 * panelists count only the stories of the rounds they sit on, and no fieldwork.
 */
import { evaluationAccess, type Reader } from "@/lib/evaluations/access";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { GENDERS, RESPONDENT_TYPES } from "@/lib/respondents/constants";
import { findState, MEXICO_STATES } from "@/lib/places/catalogue";
import { parseRegionToken, regionToken } from "@/lib/places/regions";
import { ALL_STORIES, storyReadScope } from "@/lib/stories/read-scope";
import {
  countByState,
  countFunnel,
  countRespondentsByTypeAndGender,
  listCountries,
  listDomains,
  listProjects,
  type CountScope,
} from "./data";
import { dashboardScope, respondentFigure, respondentTotal, UNDER_5, type DashboardScope, type Figure } from "./policy";
import type { DashboardFilters } from "./schema";
import { keeperFor } from "./kept";
import { loadWaitingFor, type WaitingItem } from "./waiting";
import { planCoverage, statePlanMarks, type PlanView, type StatePlanMark } from "./coverage-plan";
import { listFieldworkPlan } from "@/lib/fieldwork-plan/data";

export type FunnelRow = {
  /** null: stories with no primary domain yet. */
  domain: { id: string; nameEn: string; nameEs: string } | null;
  counts: Partial<Record<StoryStage, number>>;
  total: number;
};

/**
 * `participants` is null for readers without exact counts (see `whereOf`); interviews under 5
 * reach them as "< 5", as on the fieldwork plan's table (decision 0045). `plan` marks a state the
 * fieldwork plan names (`statePlanMarks`); null outside the plan or without a plan view.
 */
export type StateRow = {
  name: string;
  iso: string;
  stories: number;
  interviews: Figure;
  participants: number | null;
  plan: StatePlanMark | null;
};
/** A region outside Mexico: in the table under the map, which has no shapes for it. */
export type RegionAbroadRow = {
  countryCode: string;
  countryEs: string;
  countryEn: string;
  name: string;
  stories: number;
  interviews: Figure;
  participants: number | null;
};

export type DashboardView = {
  scope: DashboardScope;
  funnel: {
    stages: readonly StoryStage[];
    rows: FunnelRow[];
    totals: Partial<Record<StoryStage, number>>;
    total: number;
  };
  who: {
    cells: Record<string, Record<string, Figure>>;
    typeTotals: Record<string, number | null>;
    genderTotals: Record<string, number | null>;
    total: number | null;
    /** `total` is null when a part is shown as "< 5": the total would give the part away. */
    focusGroups: { known: Figure; anonymous: Figure; total: Figure | null };
  };
  where: {
    states: StateRow[];
    /** Regions of the evaluation's other countries that anything counted here names, by country and name. */
    abroad: RegionAbroadRow[];
    /** Interviews and focus groups with no place (or a place outside the catalogue), and stories with no place. */
    elsewhere: { stories: number; interviews: Figure; participants: number | null };
  };
  /** Fieldwork against the plan; null for readers who do not see the fieldwork (panelists). */
  plan: PlanView | null;
  waiting: WaitingItem[];
  choices: {
    domains: Array<{ id: string; nameEn: string; nameEs: string }>;
    projects: Array<{ id: string; acronym: string; name: string }>;
    /** Other countries' regions for the state filter, by their filter value ("GT:Quetzaltenango"). */
    regionsAbroad: Array<{ value: string; name: string; countryEs: string; countryEn: string }>;
  };
};

function funnelOf(
  cells: Awaited<ReturnType<typeof countFunnel>>,
  domains: Awaited<ReturnType<typeof listDomains>>,
  stages: readonly StoryStage[],
) {
  const rows = new Map<string | null, FunnelRow>();
  for (const domain of domains) {
    rows.set(domain.id, {
      domain: { id: domain.id, nameEn: domain.nameEn, nameEs: domain.nameEs },
      counts: {},
      total: 0,
    });
  }
  const totals: Partial<Record<StoryStage, number>> = {};
  let total = 0;
  for (const cell of cells) {
    const row = rows.get(cell.domainId) ?? { domain: null, counts: {}, total: 0 };
    rows.set(cell.domainId, row);
    row.counts[cell.stage] = (row.counts[cell.stage] ?? 0) + cell.stories;
    row.total += cell.stories;
    totals[cell.stage] = (totals[cell.stage] ?? 0) + cell.stories;
    total += cell.stories;
  }
  // Retired domains only while stories still stand in them; "no domain yet" only when it has any.
  const retired = new Set(domains.filter((domain) => domain.retiredAt).map((domain) => domain.id));
  const shown = [...rows.entries()]
    .filter(([id, row]) => (id === null ? row.total > 0 : !retired.has(id) || row.total > 0))
    .map(([, row]) => row);
  return { stages, rows: shown, totals, total };
}

function whoOf(
  cells: Awaited<ReturnType<typeof countRespondentsByTypeAndGender>>,
  scope: DashboardScope,
): Omit<DashboardView["who"], "focusGroups"> {
  const exact: Record<string, Record<string, number>> = {};
  for (const type of RESPONDENT_TYPES) exact[type] = Object.fromEntries(GENDERS.map((gender) => [gender, 0]));
  for (const cell of cells) exact[cell.type]![cell.gender] = cell.respondents;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    cells: Object.fromEntries(
      RESPONDENT_TYPES.map((type) => [
        type,
        Object.fromEntries(GENDERS.map((gender) => [gender, respondentFigure(exact[type]![gender]!, scope)])),
      ]),
    ),
    typeTotals: Object.fromEntries(
      RESPONDENT_TYPES.map((type) => [type, respondentTotal(sum(Object.values(exact[type]!)), scope)]),
    ),
    genderTotals: Object.fromEntries(
      GENDERS.map((gender) => [
        gender,
        respondentTotal(sum(RESPONDENT_TYPES.map((type) => exact[type]![gender]!)), scope),
      ]),
    ),
    total: respondentTotal(sum(cells.map((cell) => cell.respondents)), scope),
  };
}

/**
 * Participants per state go only to readers with exact counts: beside the head-counts under
 * "Who", a state shown as "< 5" could be worked out by subtraction.
 */
function whereOf(
  counts: Awaited<ReturnType<typeof countByState>>,
  countries: Awaited<ReturnType<typeof listCountries>>,
  scope: DashboardScope,
) {
  const byIso = new Map<string, { stories: number; interviews: number; participants: number }>();
  const abroad: RegionAbroadRow[] = [];
  const elsewhere = { stories: 0, interviews: 0, participants: 0 };
  let known = 0;
  let anonymous = 0;
  for (const row of counts) {
    known += row.knownParticipants;
    anonymous += row.anonymousParticipants;
    const region = row.state ? parseRegionToken(row.state) : null;
    const country = region?.countryCode ? countries.find((entry) => entry.code === region.countryCode) : undefined;
    if (region && country) {
      const participants = respondentTotal(row.knownParticipants + row.anonymousParticipants, scope);
      abroad.push({
        countryCode: country.code,
        countryEs: country.nameEs,
        countryEn: country.nameEn,
        name: region.state,
        stories: row.stories,
        interviews: respondentFigure(row.interviews, scope),
        participants,
      });
      continue;
    }
    const state = region && !region.countryCode ? findState(region.state) : null;
    const target = state ? (byIso.get(state.iso) ?? { stories: 0, interviews: 0, participants: 0 }) : elsewhere;
    target.stories += row.stories;
    target.interviews += row.interviews;
    target.participants += row.knownParticipants + row.anonymousParticipants;
    if (state) byIso.set(state.iso, target);
  }
  const states = MEXICO_STATES.map((state): StateRow => {
    const figures = byIso.get(state.iso) ?? { stories: 0, interviews: 0, participants: 0 };
    return {
      name: state.name,
      iso: state.iso,
      stories: figures.stories,
      interviews: respondentFigure(figures.interviews, scope),
      participants: respondentTotal(figures.participants, scope),
      plan: null,
    };
  });
  const parts = { known: respondentFigure(known, scope), anonymous: respondentFigure(anonymous, scope) };
  const partHidden = parts.known === UNDER_5 || parts.anonymous === UNDER_5;
  return {
    where: {
      states,
      abroad: abroad.sort((a, b) => a.countryCode.localeCompare(b.countryCode) || a.name.localeCompare(b.name, "es")),
      elsewhere: {
        ...elsewhere,
        interviews: respondentFigure(elsewhere.interviews, scope),
        participants: respondentTotal(elsewhere.participants, scope),
      },
    },
    focusGroups: { ...parts, total: partHidden ? null : known + anonymous },
  };
}

export async function loadDashboard(
  evaluationId: string,
  reader: Reader | null,
  filters: DashboardFilters,
  now = new Date(),
): Promise<DashboardView | null> {
  const access = await evaluationAccess(evaluationId, reader);
  if (!access) return null;
  const { roles } = access;
  const scope = dashboardScope(roles);
  if (!scope) return null;
  // Those who do not read stories count approved outcomes across the evaluation (scope.stages);
  // a panelist counts the stories of their opened rounds and none of the fieldwork behind them.
  const stories = storyReadScope(access) ?? ALL_STORIES;
  const counted: CountScope = { stories, seesFieldwork: stories.kind === "ALL" };
  const keep = keeperFor(evaluationId, [filters, scope.stages, counted]);

  const [funnelCells, domains, typeGender, stateCounts, projects, waiting, countries, plan] = await Promise.all([
    keep("funnel", () => countFunnel(evaluationId, filters, scope.stages, counted)),
    listDomains(evaluationId),
    keep("respondents", () => countRespondentsByTypeAndGender(evaluationId, filters, counted)),
    keep("states", () => countByState(evaluationId, filters, scope.stages, counted)),
    listProjects(evaluationId),
    loadWaitingFor(evaluationId, access.user.id, roles, now),
    listCountries(evaluationId),
    counted.seesFieldwork ? listFieldworkPlan(evaluationId) : null,
  ]);
  const { where, focusGroups } = whereOf(stateCounts, countries, scope);
  const planView = plan ? planCoverage(plan, stateCounts, filters, scope) : null;
  if (planView) {
    const marks = statePlanMarks(planView, scope);
    where.states = where.states.map((state) => ({ ...state, plan: marks.get(state.iso) ?? null }));
  }
  return {
    scope,
    funnel: funnelOf(funnelCells, domains, scope.stages),
    who: { ...whoOf(typeGender, scope), focusGroups },
    where,
    plan: planView,
    waiting,
    choices: {
      domains: domains.filter((domain) => !domain.retiredAt).map(({ id, nameEn, nameEs }) => ({ id, nameEn, nameEs })),
      projects,
      regionsAbroad: countries.flatMap((country) =>
        country.places.map((region) => ({
          value: regionToken({ countryCode: country.code, state: region.state }),
          name: region.state,
          countryEs: country.nameEs,
          countryEn: country.nameEn,
        })),
      ),
    },
  };
}
