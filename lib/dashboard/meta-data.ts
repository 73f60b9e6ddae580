/**
 * Meta-monitoring (MSC step 9), counted in PostgreSQL: whose stories are told, selected and
 * approved, change types per domain, stories per interviewer, and who sits on the panels. Each
 * function is one grouped query scoped by the evaluation, under the dashboard's filters and the
 * reader's stages; callers decide who may see what (meta-loaders.ts).
 */
import "server-only";
import type { StoryReadScope } from "@/lib/stories/read-scope";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { SELECTED_ONWARD_STAGES } from "@/lib/stories/types";
import { countedStories } from "./count-sql";
import { narrowsStories, storiesJoined, tallyConditions } from "./filter-sql";
import type { DashboardFilters } from "./schema";

/**
 * The steps a story stands at once a panel has selected it, for "whose stories get selected":
 * every step from SELECTED on (RETURNED too) and NOT_VALIDATED, since a story its respondents
 * later disputed and the lead dropped was still the panel's choice (decision 0042). Selection rate
 * = selected / (selected + not selected). Quantification sums only the stories still on the path
 * (SELECTED_ONWARD_STAGES): a dropped story's figures were not borne out.
 */
export const SELECTED_STAGES: readonly StoryStage[] = [...SELECTED_ONWARD_STAGES, "NOT_VALIDATED"];

const stageList = (stages: readonly StoryStage[]) =>
  Prisma.join(stages.map((stage) => Prisma.sql`${stage}::story_stage`));

export type StorytellerDimension = "type" | "gender" | "state" | "atRisk";
export type StorytellerGroupRow = {
  dimension: StorytellerDimension;
  /** The type, gender, state name or at-risk group id. */
  key: string;
  storytellers: number;
  told: number;
  selected: number;
  notSelected: number;
  approved: number;
};

/**
 * Per storyteller type, gender, state and at-risk group: storytellers and their stories (a story
 * told by two groups counts in both; each story once per group). Respondents excluded by consent
 * withdrawal are left out. Each story's groups are made distinct when its tally is written
 * (decision 0049), so stories are summed without `count(DISTINCT)`, from the story counts where
 * they can answer (decision 0053); storytellers are the respondents of the matching stories, each
 * counted once in each of their groups.
 */
export async function countStoriesByStorytellerGroup(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): Promise<StorytellerGroupRow[]> {
  // The stories per group are summed (countedStories). The storytellers, each counted once however
  // many stories they told, come from the matching stories' tally rows; when every story matches,
  // they are the respondents who told any (not excluded, as the tally has them), a semi-join with
  // story_teller, which costs about half of unnesting every tally's storytellers and making them
  // distinct.
  const storytellersOf = narrowsStories(filters, stages, scope)
    ? Prisma.sql`r.id IN (SELECT unnest(storyteller_ids) FROM matched)`
    : Prisma.sql`r.excluded_at IS NULL AND EXISTS (SELECT 1 FROM story_teller st WHERE st.evaluation_id = ${evaluationId} AND st.respondent_id = r.id)`;
  return db().$queryRaw<StorytellerGroupRow[]>`
    WITH matched AS (
      SELECT t.storyteller_ids FROM story_tally t WHERE ${tallyConditions(evaluationId, filters, stages, scope)}
    ), stories AS (
      SELECT x.key, sum(x.stories)::int AS told,
             coalesce(sum(x.stories) FILTER (WHERE x.stage IN (${stageList(SELECTED_STAGES)})), 0)::int AS selected,
             coalesce(sum(x.stories) FILTER (WHERE x.stage = 'NOT_SELECTED'), 0)::int AS "notSelected",
             coalesce(sum(x.stories) FILTER (WHERE x.stage = 'APPROVED'), 0)::int AS approved
        FROM (${countedStories(evaluationId, filters, stages, scope, "GROUP")}) x
       GROUP BY x.key
      HAVING sum(x.stories) > 0
    ), tellers AS MATERIALIZED (
      SELECT r.id, r.type::text AS type, r.gender::text AS gender, r.state
        FROM respondent r
       WHERE r.evaluation_id = ${evaluationId} AND ${storytellersOf}
    ), people AS (
      SELECT 'type:' || type AS key, count(*)::int AS storytellers FROM tellers GROUP BY type
      UNION ALL SELECT 'gender:' || gender, count(*)::int FROM tellers GROUP BY gender
      UNION ALL SELECT 'state:' || state, count(*)::int FROM tellers GROUP BY state
      UNION ALL SELECT 'atRisk:' || rg.group_id, count(*)::int
        FROM tellers t JOIN respondent_at_risk_group rg ON rg.evaluation_id = ${evaluationId} AND rg.respondent_id = t.id
       GROUP BY rg.group_id
    )
    SELECT split_part(s.key, ':', 1) AS dimension, substr(s.key, strpos(s.key, ':') + 1) AS key,
           p.storytellers, s.told, s.selected, s."notSelected", s.approved
      FROM stories s JOIN people p ON p.key = s.key`;
}

export type ChangeTypeCell = { domainId: string | null; changeType: string; stories: number };

/** Positive, negative and "no change" stories per current primary domain (null: none yet). */
export async function countChangeTypesByDomain(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): Promise<ChangeTypeCell[]> {
  return db().$queryRaw<ChangeTypeCell[]>`
    SELECT x.domain_id AS "domainId", x.change_type::text AS "changeType", sum(x.stories)::int AS stories
      FROM (${countedStories(evaluationId, filters, stages, scope, "STORY")}) x
     GROUP BY x.domain_id, x.change_type
    HAVING sum(x.stories) > 0`;
}

export type InterviewerRow = { userId: string | null; name: string | null; stories: number; selected: number };

/**
 * Stories per interviewer of their source interviews (directly or through an excerpt); a story
 * from two interviewers counts for both. userId null: stories with no interview among their sources.
 */
export async function countStoriesByInterviewer(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): Promise<InterviewerRow[]> {
  // A story with none counts once under null (countedStories).
  return db().$queryRaw<InterviewerRow[]>`
    WITH counted AS (
      SELECT x.key AS user_id, sum(x.stories)::int AS stories,
             coalesce(sum(x.stories) FILTER (WHERE x.stage IN (${stageList(SELECTED_STAGES)})), 0)::int AS selected
        FROM (${countedStories(evaluationId, filters, stages, scope, "INTERVIEWER")}) x
       GROUP BY x.key
      HAVING sum(x.stories) > 0
    )
    SELECT c.user_id AS "userId", u.name, c.stories, c.selected
      FROM counted c LEFT JOIN app_user u ON u.id = c.user_id
     ORDER BY c.stories DESC, u.name`;
}

export type PanelRow = {
  panelId: string;
  name: string;
  level: string;
  domainId: string | null;
  members: number;
  /** Members holding each evaluation role (one member may hold several). */
  leads: number;
  evaluators: number;
  panelists: number;
  analysts: number;
  reviewers: number;
  decisions: number;
  decisionsWithDissent: number;
  /** Ballots in approval rounds against the decision: approved but not selected, or the reverse. */
  approvalBallots: number;
  approvalBallotsAgainst: number;
};

/**
 * Who sits on each panel (by evaluation role: the app records no type or gender for a panel
 * member) and how often the panel wrote down dissent. Under a filter, or for readers who see
 * approved outcomes only, panels and decisions count only where a candidate matches.
 */
export async function countPanels(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  restricted: boolean,
  scope: StoryReadScope,
): Promise<PanelRow[]> {
  // A candidate's story is read from the table that picks the stories at least cost (storiesJoined).
  const stories = storiesJoined(evaluationId, filters, stages, scope, "c");
  const matchingCandidate = (round: Prisma.Sql) =>
    restricted
      ? Prisma.sql`EXISTS (SELECT 1 FROM round_candidate c JOIN ${stories.table}
          WHERE c.evaluation_id = ${evaluationId} AND c.round_id = ${round} AND ${stories.conditions})`
      : Prisma.sql`TRUE`;
  return db().$queryRaw<PanelRow[]>`
    WITH rounds AS (
      SELECT r.id, r.panel_id, r.method FROM selection_round r WHERE r.evaluation_id = ${evaluationId} AND ${matchingCandidate(Prisma.sql`r.id`)}
    ), members AS (
      SELECT pm.panel_id, count(*)::int AS members,
             count(*) FILTER (WHERE 'LEAD' = ANY(em.roles))::int AS leads,
             count(*) FILTER (WHERE 'EVALUATOR' = ANY(em.roles))::int AS evaluators,
             count(*) FILTER (WHERE 'PANELIST' = ANY(em.roles))::int AS panelists,
             count(*) FILTER (WHERE 'ANALYST' = ANY(em.roles))::int AS analysts,
             count(*) FILTER (WHERE 'REVIEWER' = ANY(em.roles))::int AS reviewers
        FROM panel_member pm
        LEFT JOIN evaluation_member em ON em.evaluation_id = pm.evaluation_id AND em.user_id = pm.user_id
       WHERE pm.evaluation_id = ${evaluationId}
       GROUP BY pm.panel_id
    ), decisions AS (
      SELECT r.panel_id, count(*)::int AS decisions, count(*) FILTER (WHERE nullif(btrim(d.dissent), '') IS NOT NULL)::int AS dissent
        FROM selection_decision d JOIN rounds r ON r.id = d.round_id
       WHERE d.evaluation_id = ${evaluationId}
       GROUP BY r.panel_id
    ), ballots AS (
      SELECT r.panel_id, count(*)::int AS ballots,
             count(*) FILTER (WHERE b.approved <> (x.story_id IS NOT NULL))::int AS against
        FROM ballot b
        JOIN rounds r ON r.id = b.round_id AND r.method = 'APPROVAL'
        JOIN selection_decision d ON d.evaluation_id = b.evaluation_id AND d.round_id = b.round_id
        -- Joined rather than looked up per ballot (30,000 index probes at the bench's size).
        LEFT JOIN selected_story x ON x.evaluation_id = d.evaluation_id AND x.decision_id = d.id AND x.story_id = b.story_id
       WHERE b.evaluation_id = ${evaluationId}
       GROUP BY r.panel_id
    )
    SELECT p.id AS "panelId", p.name, p.level::text AS level, p.domain_id AS "domainId",
           coalesce(m.members, 0) AS members, coalesce(m.leads, 0) AS leads, coalesce(m.evaluators, 0) AS evaluators,
           coalesce(m.panelists, 0) AS panelists, coalesce(m.analysts, 0) AS analysts, coalesce(m.reviewers, 0) AS reviewers,
           coalesce(d.decisions, 0) AS decisions, coalesce(d.dissent, 0) AS "decisionsWithDissent",
           coalesce(b.ballots, 0) AS "approvalBallots", coalesce(b.against, 0) AS "approvalBallotsAgainst"
      FROM selection_panel p
      LEFT JOIN members m ON m.panel_id = p.id
      LEFT JOIN decisions d ON d.panel_id = p.id
      LEFT JOIN ballots b ON b.panel_id = p.id
     WHERE p.evaluation_id = ${evaluationId}
       AND (${restricted ? Prisma.sql`FALSE` : Prisma.sql`TRUE`} OR EXISTS (SELECT 1 FROM rounds r WHERE r.panel_id = p.id))
     ORDER BY p.level, p.name`;
}
