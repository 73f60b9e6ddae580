/**
 * The dashboard's story counts as SQL (decision 0053): the stories matching the filters, counted
 * under one kind of thing (the story itself, a storyteller group, an interviewer, a region, an
 * at-risk tag), from the story counts where they can answer and from the tally otherwise.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { StoryCountKind, StoryStage } from "@/lib/generated/prisma/enums";
import type { StoryReadScope } from "@/lib/stories/read-scope";
import { stageAndTypeConditions, tallyConditions } from "./filter-sql";
import type { DashboardFilters } from "./schema";

const and = (conditions: Prisma.Sql[]) => Prisma.join(conditions, " AND ");

/** The year of a whole-year bound: `from` on 1 January, `to` on 31 December; null otherwise. */
function wholeYear(day: string, bound: "from" | "to"): number | null {
  return day.slice(5) === (bound === "from" ? "01-01" : "12-31") ? Number(day.slice(0, 4)) : null;
}

/**
 * The same stories as `tallyConditions`, on the story counts (story_count, alias `c`, decision
 * 0053), or null where those cannot say: they are kept per stage, current primary domain, change
 * type and years of the story's period, for every story, so they answer no state or project
 * filter, no reader who reads only some stories, and a period only in whole years. A story's
 * period overlaps years Y1 to Y2 exactly when it ends in Y1 or later (or never) and starts in Y2
 * or earlier.
 */
export function countConditions(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): Prisma.Sql | null {
  if (scope.kind !== "ALL" || filters.state || filters.project) return null;
  const fromYear = filters.from ? wholeYear(filters.from, "from") : undefined;
  const toYear = filters.to ? wholeYear(filters.to, "to") : undefined;
  if (fromYear === null || toYear === null) return null;
  const conditions = [Prisma.sql`c.evaluation_id = ${evaluationId}`, ...stageAndTypeConditions("c", filters, stages)];
  if (filters.domain) conditions.push(Prisma.sql`c.primary_domain_id = ${filters.domain}`);
  if (fromYear !== undefined || toYear !== undefined) conditions.push(Prisma.sql`c.period_from_year IS NOT NULL`);
  if (fromYear !== undefined) conditions.push(Prisma.sql`coalesce(c.period_to_year, 9999) >= ${fromYear}::int`);
  if (toYear !== undefined) conditions.push(Prisma.sql`c.period_from_year <= ${toYear}::int`);
  return and(conditions);
}

/** Each kind as the tally holds it: one value per story, or an array unnested (none: one null where a row of "none" is shown). */
const TALLY_KEYS: Record<StoryCountKind, Prisma.Sql> = {
  STORY: Prisma.sql`NULL::text`,
  GROUP: Prisma.sql`unnest(t.storyteller_groups)`,
  INTERVIEWER: Prisma.sql`unnest(CASE WHEN cardinality(t.interviewer_ids) = 0 THEN '{NULL}' ELSE t.interviewer_ids END)`,
  REGION: Prisma.sql`unnest(CASE WHEN cardinality(t.place_regions) = 0 THEN '{NULL}' ELSE t.place_regions END)`,
  TAG: Prisma.sql`unnest(t.at_risk_group_ids)`,
};

/**
 * The stories matching the filters, counted under `kind`, as rows of (stage, domain_id,
 * change_type, key, stories) to be summed by the caller (groups whose sum is 0 left out): from the
 * story counts where they can answer (a few thousand rows), otherwise from the tally (one row per
 * story and key, `stories` 1). One definition for both, so every count reads the same either way.
 */
export function countedStories(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
  kind: StoryCountKind,
): Prisma.Sql {
  const counted = countConditions(evaluationId, filters, stages, scope);
  if (!counted) return talliedStories(evaluationId, filters, stages, scope, kind);
  return Prisma.sql`SELECT c.stage, c.primary_domain_id AS domain_id, c.change_type, c.key, c.stories
      FROM story_count c WHERE ${counted} AND c.kind = ${kind}::story_count_kind`;
}

/** `countedStories` read from the tally alone, whatever the filters. */
export function talliedStories(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
  kind: StoryCountKind,
): Prisma.Sql {
  return Prisma.sql`SELECT t.stage, t.primary_domain_id AS domain_id, t.change_type, ${TALLY_KEYS[kind]} AS key, 1 AS stories
      FROM story_tally t WHERE ${tallyConditions(evaluationId, filters, stages, scope)}`;
}
