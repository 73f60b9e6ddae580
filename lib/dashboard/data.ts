/**
 * The dashboard's counts, each one grouped query in PostgreSQL: no query per row and no story,
 * interview or respondent loaded into Node. Callers decide who may see what (loaders.ts).
 */
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { regionTokenSql } from "@/lib/places/region-sql";
import { parseRegionToken, regionToken } from "@/lib/places/regions";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { countedStories } from "./count-sql";
import { fieldworkConditions, respondentConditions } from "./filter-sql";
import type { StoryReadScope } from "@/lib/stories/read-scope";
import type { DashboardFilters } from "./schema";

/** Whose counts: the reader's story scope, and whether they see the fieldwork (respondents, interviews, focus groups). */
export type CountScope = { stories: StoryReadScope; seesFieldwork: boolean };

export type FunnelCell = { domainId: string | null; stage: StoryStage; stories: number };

/** Stories per current primary domain (null: none yet) and stage. */
export async function countFunnel(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: CountScope,
): Promise<FunnelCell[]> {
  return db().$queryRaw<FunnelCell[]>`
    SELECT x.domain_id AS "domainId", x.stage::text AS stage, sum(x.stories)::int AS stories
      FROM (${countedStories(evaluationId, filters, stages, scope.stories, "STORY")}) x
     GROUP BY x.domain_id, x.stage
    HAVING sum(x.stories) > 0`;
}

/** The evaluation's domains in order, retired ones too (their stories still count). */
export async function listDomains(evaluationId: string) {
  return db().domain.findMany({
    where: { evaluationId },
    orderBy: { position: "asc" },
    select: { id: true, nameEn: true, nameEs: true, retiredAt: true },
  });
}

/** The projects the filter form offers. */
export async function listProjects(evaluationId: string) {
  return db().project.findMany({
    where: { evaluationId },
    orderBy: { acronym: "asc" },
    select: { id: true, acronym: true, name: true },
  });
}

/** The evaluation's countries other than Mexico, for the table of regions abroad. */
export async function listCountries(evaluationId: string) {
  return db().placeCountry.findMany({
    where: { evaluationId },
    orderBy: { code: "asc" },
    select: {
      code: true,
      nameEs: true,
      nameEn: true,
      places: { where: { municipality: null }, orderBy: { state: "asc" }, select: { state: true } },
    },
  });
}

export type TypeGenderCell = { type: string; gender: string; respondents: number };

export async function countRespondentsByTypeAndGender(
  evaluationId: string,
  filters: DashboardFilters,
  scope: CountScope,
): Promise<TypeGenderCell[]> {
  return db().$queryRaw<TypeGenderCell[]>`
    SELECT r.type::text AS type, r.gender::text AS gender, count(*)::int AS respondents
      FROM respondent r
     WHERE ${respondentConditions(evaluationId, filters, scope.seesFieldwork)}
     GROUP BY r.type, r.gender`;
}

export type StateCounts = {
  state: string | null;
  stories: number;
  interviews: number;
  focusGroups: number;
  knownParticipants: number;
  anonymousParticipants: number;
};

/**
 * Per state: stories with a place in it (a story placed in two states counts in both),
 * interviews held there, focus groups held there and their participants (registered and anonymous).
 * State null: stories, interviews and focus groups with no place recorded.
 */
export async function countByState(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: CountScope,
): Promise<StateCounts[]> {
  const interviews = fieldworkConditions(evaluationId, filters, "interview", scope.seesFieldwork);
  const focusGroups = fieldworkConditions(evaluationId, filters, "focus_group", scope.seesFieldwork);
  // Under a state filter, a story placed there and elsewhere counts for that state only.
  const storyRegion = filters.state
    ? Prisma.sql`WHERE x.key = ${regionToken(parseRegionToken(filters.state))}`
    : Prisma.empty;
  // A story with no place counts once under null (countedStories).
  return db().$queryRaw<StateCounts[]>`
    WITH story_states AS (
      SELECT x.key AS state, sum(x.stories)::int AS stories
        FROM (${countedStories(evaluationId, filters, stages, scope.stories, "REGION")}) x
       ${storyRegion}
       GROUP BY 1
      HAVING sum(x.stories) > 0
    ), interview_states AS (
      SELECT ${regionTokenSql("fp")} AS state, count(*)::int AS interviews
        FROM interview f LEFT JOIN place fp ON fp.evaluation_id = f.evaluation_id AND fp.id = f.place_id
       WHERE ${interviews}
       GROUP BY 1
    ), known AS (
      SELECT gr.focus_group_id, count(*)::int AS participants
        FROM focus_group_participant gr
        JOIN respondent r ON r.evaluation_id = gr.evaluation_id AND r.id = gr.respondent_id
       WHERE gr.evaluation_id = ${evaluationId} AND r.excluded_at IS NULL
       GROUP BY gr.focus_group_id
    ), group_states AS (
      SELECT ${regionTokenSql("fp")} AS state, count(*)::int AS groups, coalesce(sum(k.participants), 0)::int AS known, coalesce(sum(f.anonymous_participant_count), 0)::int AS anonymous
        FROM focus_group f
        LEFT JOIN place fp ON fp.evaluation_id = f.evaluation_id AND fp.id = f.place_id
        LEFT JOIN known k ON k.focus_group_id = f.id
       WHERE ${focusGroups}
       GROUP BY 1
    ), states AS (
      SELECT state FROM story_states UNION SELECT state FROM interview_states UNION SELECT state FROM group_states
    )
    SELECT states.state, coalesce(ss.stories, 0) AS stories, coalesce(si.interviews, 0) AS interviews,
           coalesce(sg.groups, 0) AS "focusGroups", coalesce(sg.known, 0) AS "knownParticipants", coalesce(sg.anonymous, 0) AS "anonymousParticipants"
      FROM states
      LEFT JOIN story_states ss ON ss.state IS NOT DISTINCT FROM states.state
      LEFT JOIN interview_states si ON si.state IS NOT DISTINCT FROM states.state
      LEFT JOIN group_states sg ON sg.state IS NOT DISTINCT FROM states.state`;
}

/** Audit actions that record a read, not a change: "respondent.identity.read", "story.export", "brief.download". */
const READ_ACTION = "\\.(read|export|download)$";

/**
 * The newest hash of the evaluation's audit chain and of the installation's, leaving out the events
 * that record a read (an export, a download, an identity or file read): together they change with
 * every change the dashboard could count (kept.ts), and a download of one of its own figures does
 * not make the next view read everything again. Each is a step or a few down a unique index.
 */
export async function readChangeMark(evaluationId: string): Promise<string> {
  const [row] = await db().$queryRaw<Array<{ evaluation: string | null; installation: string | null }>>`
    SELECT (SELECT hash FROM audit_event WHERE evaluation_id = ${evaluationId} AND action !~ ${READ_ACTION}
             ORDER BY sequence DESC LIMIT 1) AS evaluation,
           (SELECT hash FROM audit_event WHERE evaluation_id IS NULL AND action !~ ${READ_ACTION}
             ORDER BY sequence DESC LIMIT 1) AS installation`;
  return `${row?.evaluation ?? "-"}/${row?.installation ?? "-"}`;
}

/**
 * Appended story-count rows that may wait before a reading folds them (decision 0053): about
 * seventy stories changed. Folding that many takes tens of milliseconds; reading them unfolded
 * costs the counts less than a millisecond.
 */
export const FOLD_AT = 2_000;

/**
 * Folds the evaluation's appended story-count rows into one row per key, when FOLD_AT or more are
 * waiting and no other process is folding them (story_count_fold). The counts are right either
 * way; folding keeps them few. At most once per request.
 */
export const foldStoryCounts = cache(async (evaluationId: string): Promise<void> => {
  await db().$queryRaw`SELECT story_count_fold(${evaluationId}, ${FOLD_AT}::int)`;
});
