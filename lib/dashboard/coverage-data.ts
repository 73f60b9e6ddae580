/**
 * Quantification (MSC step 8) and coverage of feedback (step 6) and validation, counted in
 * PostgreSQL: one grouped query each, scoped by the evaluation, under the dashboard's filters and
 * the reader's stages. Callers decide who may see what (meta-loaders.ts).
 */
import "server-only";
import type { StoryReadScope } from "@/lib/stories/read-scope";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { StoryStage } from "@/lib/generated/prisma/enums";
import { countedStories } from "./count-sql";
import { narrowsStories, storiesJoined, storiesPickedBy, storyConditions, tallyConditions } from "./filter-sql";
import { SELECTED_STAGES } from "./meta-data";
import { SELECTED_ONWARD_STAGES } from "@/lib/stories/types";
import type { DashboardFilters } from "./schema";

/** Selected stories still on the path: a story dropped after validation adds no figures (its were not borne out). */
const ON_THE_PATH: readonly StoryStage[] = SELECTED_ONWARD_STAGES;

const stageList = (stages: readonly StoryStage[]) =>
  Prisma.join(stages.map((stage) => Prisma.sql`${stage}::story_stage`));

/** At most this many figures are listed for a label that cannot be summed. */
export const LISTED_FIGURES = 20;

export type MagnitudeRow = {
  domainId: string | null;
  /** The label as first written (the group ignores case, accents and spacing). */
  label: string;
  unit: string | null;
  figures: number;
  stories: number;
  approvedStories: number;
  /** Null when the group cannot be summed (a range, "more than", or a percentage). */
  total: string | null;
  approvedTotal: string | null;
  /** The figures one by one when they cannot be summed, the first LISTED_FIGURES of them. */
  listed: Array<{ qualifier: string; value: string; valueMax: string | null }> | null;
};

/**
 * Magnitude figures of selected stories (approved ones apart) per primary domain, grouped where
 * label and unit agree. The label is compared without case, accents or repeated spaces
 * (story_figure.label_key, kept with the figure: normalize NFD, then the combining marks
 * dropped); the unit without case or outer spaces.
 * Sums are exact decimals, returned as text so no precision is lost on the way to the page.
 *
 * One pass over the figures, grouped without ordering them (decision 0047's costliest habits
 * avoided): the group keys are compared byte by byte (COLLATE "C": the same groups, since the
 * database's collation is deterministic, without locale-aware comparisons), stories are counted
 * by their ids compared the same way, and the label as first written is looked up afterwards for
 * the group's first story (min(story_id) orders as `ORDER BY story_id` does). The figures listed
 * for a group that cannot be summed are kept as parallel arrays, filled row by row by the same
 * aggregate step and so aligned, and only LISTED_FIGURES of them are picked, by a bounded sort,
 * for those groups alone.
 */
export async function rollUpMagnitudes(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): Promise<MagnitudeRow[]> {
  const selected = stages.filter((stage) => ON_THE_PATH.includes(stage));
  if (selected.length === 0) return [];
  // The stories come from the table that picks them at least cost (storiesPickedBy). The tally
  // holds their stage and primary domain: no join to domain_assignment. From change_story, the
  // primary domain is one index probe per figure, for those few stories; a join made PostgreSQL
  // hash every current domain of the evaluation (85,000 at the bench's size).
  const stories =
    storiesPickedBy(filters, selected, scope) === "tally"
      ? Prisma.sql`SELECT t.evaluation_id, t.story_id, t.stage, t.primary_domain_id AS domain_id
          FROM story_tally t WHERE ${tallyConditions(evaluationId, filters, selected, scope)}`
      : Prisma.sql`SELECT s.evaluation_id, s.id AS story_id, s.stage,
            (SELECT da.domain_id FROM domain_assignment da WHERE da.evaluation_id = s.evaluation_id AND da.story_id = s.id
                AND da.kind = 'PRIMARY' AND da.ended_at IS NULL) AS domain_id
          FROM change_story s WHERE ${storyConditions(evaluationId, filters, selected, scope)}`;
  return db().$queryRaw<MagnitudeRow[]>`
    WITH figures AS (
      SELECT m.domain_id COLLATE "C" AS domain_id, f.label_key COLLATE "C" AS label_key,
             lower(btrim(coalesce(f.unit, ''))) COLLATE "C" AS unit_key,
             m.story_id, m.stage = 'APPROVED' AS approved, f.qualifier, f.value, f.value_max, f.position
        FROM (${stories}) m
        JOIN story_figure f ON f.evaluation_id = m.evaluation_id AND f.story_id = m.story_id
    ), grouped AS (
      SELECT domain_id, label_key, unit_key, min(story_id) AS first_story,
             count(*)::int AS figures, count(DISTINCT story_id COLLATE "C")::int AS stories,
             count(DISTINCT story_id COLLATE "C") FILTER (WHERE approved)::int AS approved_stories,
             bool_and(qualifier IN ('EXACT', 'APPROXIMATELY')) AND unit_key <> '%' AS summable,
             sum(value) AS total, coalesce(sum(value) FILTER (WHERE approved), 0) AS approved_total,
             array_agg(value) AS "values", array_agg(story_id) AS story_ids, array_agg(position) AS positions,
             array_agg(qualifier) AS qualifiers, array_agg(value_max) AS value_maxes
        FROM figures
       GROUP BY domain_id, label_key, unit_key
    )
    SELECT g.domain_id AS "domainId", first.label, first.unit, g.figures, g.stories, g.approved_stories AS "approvedStories",
           CASE WHEN g.summable THEN g.total::text END AS total,
           CASE WHEN g.summable THEN g.approved_total::text END AS "approvedTotal",
           CASE WHEN NOT g.summable THEN (
             SELECT to_json(array_agg(json_build_object('qualifier', l.qualifier::text, 'value', l.value::text, 'valueMax', l.value_max::text)
                                      ORDER BY l.value, l.story_id, l.position))
               FROM (SELECT u.* FROM unnest(g."values", g.story_ids, g.positions, g.qualifiers, g.value_maxes) AS u(value, story_id, position, qualifier, value_max)
                      ORDER BY u.value, u.story_id, u.position
                      LIMIT ${Prisma.raw(String(LISTED_FIGURES))}) l) END AS listed
      FROM grouped g
     CROSS JOIN LATERAL (
       SELECT f.label, f.unit FROM story_figure f
        WHERE f.evaluation_id = ${evaluationId} AND f.story_id = g.first_story
          AND f.label_key COLLATE "C" = g.label_key AND lower(btrim(coalesce(f.unit, ''))) COLLATE "C" = g.unit_key
        ORDER BY f.position LIMIT 1) first
     ORDER BY g.domain_id COLLATE "default", g.label_key COLLATE "default", g.unit_key COLLATE "default"`;
}

export type AtRiskTagRow = { groupId: string; nameEn: string; nameEs: string; collected: number; selected: number };

/** Per at-risk group of the evaluation: stories tagged with it, and those of them selected (countedStories). */
export async function countAtRiskTags(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): Promise<AtRiskTagRow[]> {
  return db().$queryRaw<AtRiskTagRow[]>`
    WITH tagged AS (
      SELECT x.key AS group_id, sum(x.stories)::int AS collected,
             coalesce(sum(x.stories) FILTER (WHERE x.stage IN (${stageList(SELECTED_STAGES)})), 0)::int AS selected
        FROM (${countedStories(evaluationId, filters, stages, scope, "TAG")}) x
       GROUP BY x.key
      HAVING sum(x.stories) > 0
    )
    SELECT g.id AS "groupId", g.name_en AS "nameEn", g.name_es AS "nameEs", coalesce(t.collected, 0) AS collected, coalesce(t.selected, 0) AS selected
      FROM at_risk_group g LEFT JOIN tagged t ON t.group_id = g.id
     WHERE g.evaluation_id = ${evaluationId}
     ORDER BY g.position`;
}

export type FeedbackRow = {
  roundId: string;
  roundName: string;
  decidedAt: Date;
  candidates: number;
  withFeedback: number;
  withStorytellers: number;
};

/**
 * Per decided round: its candidates matching the filters, those with feedback to their
 * storytellers recorded in the decision, and those that have storytellers at all.
 *
 * Feedback is joined (one row at most per decision and story). Whether a candidate has
 * storytellers is one probe of story_teller's (evaluation, story) index, reading the index alone:
 * the evaluation is the parameter, not the story's column, which made each probe an index scan
 * with a heap visit and the statement's estimate cross `jit_above_cost` at 10,000 candidates
 * (compiling took most of its time). Hashing every storyteller of the evaluation instead (a
 * semi-join) cost more under narrow filters, and a join to the candidates' distinct stories ran
 * once per candidate when the filters made PostgreSQL expect one. One decision per round.
 */
export async function countFeedback(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): Promise<FeedbackRow[]> {
  // The candidates' stories are read from the table that picks them at least cost (storiesJoined);
  // with no story condition, not at all (the candidate's foreign key holds its evaluation). `told`
  // stays a probe of story_teller: the tally's storytellers leave out those excluded by consent
  // withdrawal, and a candidate told only by them has storytellers all the same.
  const stories = narrowsStories(filters, stages, scope)
    ? storiesJoined(evaluationId, filters, stages, scope, "c")
    : null;
  const storyId = stories ? stories.id : Prisma.sql`c.story_id`;
  return db().$queryRaw<FeedbackRow[]>`
    WITH candidates AS (
      SELECT r.id AS round_id, r.name, d.decided_at, f.story_id IS NOT NULL AS fed_back,
             EXISTS (SELECT 1 FROM story_teller st WHERE st.evaluation_id = ${evaluationId} AND st.story_id = ${storyId}) AS told
        FROM selection_decision d
        JOIN selection_round r ON r.evaluation_id = d.evaluation_id AND r.id = d.round_id
        JOIN round_candidate c ON c.evaluation_id = r.evaluation_id AND c.round_id = r.id
        ${stories ? Prisma.sql`JOIN ${stories.table}` : Prisma.empty}
        LEFT JOIN storyteller_feedback f ON f.evaluation_id = d.evaluation_id AND f.decision_id = d.id AND f.story_id = ${storyId}
       WHERE d.evaluation_id = ${evaluationId} AND ${stories ? stories.conditions : Prisma.sql`TRUE`}
    )
    SELECT c.round_id AS "roundId", c.name AS "roundName", c.decided_at AS "decidedAt", count(*)::int AS candidates,
           count(*) FILTER (WHERE c.fed_back)::int AS "withFeedback", count(*) FILTER (WHERE c.told)::int AS "withStorytellers"
      FROM candidates c
     GROUP BY c.round_id, c.name, c.decided_at
     ORDER BY c.decided_at, c.round_id`;
}

export type ValidationStratumRow = {
  roundId: string;
  roundName: string;
  stratum: string | null;
  drawn: number;
  reached: number;
};

/**
 * Per validation round and stratum: respondents in the sample and those reached (with at least
 * one response recorded). The state filter is the respondent's; the other filters keep rounds
 * that took back a story matching them.
 */
export async function countValidationCoverage(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): Promise<ValidationStratumRow[]> {
  const storyFilters: DashboardFilters = { ...filters, state: undefined };
  const narrowed = Object.values(storyFilters).some(Boolean) || stages.length < Object.values(StoryStage).length;
  // A round's stories are read from the table that picks them at least cost (storiesJoined).
  const stories = storiesJoined(evaluationId, storyFilters, stages, scope, "vs");
  const roundMatches = narrowed
    ? Prisma.sql`EXISTS (SELECT 1 FROM validation_round_story vs JOIN ${stories.table}
        WHERE vs.evaluation_id = ${evaluationId} AND vs.validation_round_id = v.id AND ${stories.conditions})`
    : Prisma.sql`TRUE`;
  const stateMatches = filters.state ? Prisma.sql`r.state = ${filters.state}` : Prisma.sql`TRUE`;
  return db().$queryRaw<ValidationStratumRow[]>`
    SELECT v.id AS "roundId", v.name AS "roundName", m.stratum, count(*)::int AS drawn,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM validation_response x WHERE x.evaluation_id = m.evaluation_id
                                            AND x.validation_round_id = m.validation_round_id AND x.respondent_id = m.respondent_id))::int AS reached
      FROM validation_round v
      JOIN validation_sample_member m ON m.evaluation_id = v.evaluation_id AND m.validation_round_id = v.id
      JOIN respondent r ON r.evaluation_id = m.evaluation_id AND r.id = m.respondent_id
     WHERE v.evaluation_id = ${evaluationId} AND ${stateMatches} AND ${roundMatches}
     GROUP BY v.id, v.name, v.starts_on, m.stratum
     ORDER BY v.starts_on, v.id, m.stratum NULLS LAST`;
}
