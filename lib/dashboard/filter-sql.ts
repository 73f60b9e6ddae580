/**
 * The dashboard's filters as SQL conditions, one function per kind of record, every one scoped by
 * the evaluation. Each value is a parameter (Prisma's tagged template), never text in the query.
 *
 * What each filter means for each kind of record:
 * - stories: domain = current primary domain (as in the stories table); state = a place of the
 *   story lies in it; project = the project contributed; period = the story's own period overlaps
 *   it (a story without a period does not match); change type = the story's.
 * - interviews and focus groups: state = their place's state; project = discussed there;
 *   period = held within it; domain and change type = a source of a story of that domain or type.
 * - respondents: state = the respondent's; project and period = took part in an interview or focus
 *   group that matches them; domain and change type = told a story of that domain or type.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { inRegion } from "@/lib/places/region-sql";
import { parseRegionToken, regionToken } from "@/lib/places/regions";
import { StoryStage } from "@/lib/generated/prisma/enums";
import type { StoryReadScope } from "@/lib/stories/read-scope";
import { storyScopeSql } from "@/lib/stories/scope-sql";
import type { DashboardFilters } from "./schema";

const ALL_STAGES = Object.values(StoryStage).length;
/** At most this many stages (approved only) make change_story's stage index narrow enough to start from. */
const FEW_STAGES = 1;

const and = (conditions: Prisma.Sql[]) => Prisma.join(conditions, " AND ");

function primaryDomainIs(evaluationId: string, domainId: string, story: Prisma.Sql) {
  return Prisma.sql`EXISTS (SELECT 1 FROM domain_assignment da WHERE da.evaluation_id = ${evaluationId}
    AND da.story_id = ${story} AND da.domain_id = ${domainId} AND da.kind = 'PRIMARY' AND da.ended_at IS NULL)`;
}

/**
 * The stage and change type asked for, on a row that holds the story's own (its row, its tally
 * row or its counts: `row` is an alias written in the statement, never input). Every stage: no
 * condition at all. Otherwise typed values, so an index on the stage can serve it.
 */
export function stageAndTypeConditions(
  row: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
): Prisma.Sql[] {
  const alias = Prisma.raw(row);
  const conditions: Prisma.Sql[] = [];
  if (stages.length < ALL_STAGES)
    conditions.push(
      Prisma.sql`${alias}.stage IN (${Prisma.join(stages.map((stage) => Prisma.sql`${stage}::story_stage`))})`,
    );
  if (filters.changeType) conditions.push(Prisma.sql`${alias}.change_type = ${filters.changeType}::change_type`);
  return conditions;
}

/** Whether the filters, stages or scope leave out any story of the evaluation. */
export function narrowsStories(
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): boolean {
  return Object.values(filters).some(Boolean) || stages.length < ALL_STAGES || scope.kind !== "ALL";
}

/** Stories in the reader's `scope` matching the filters and at one of `stages`; the alias is `s`. */
export function storyConditions(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): Prisma.Sql {
  const conditions = [Prisma.sql`s.evaluation_id = ${evaluationId}`];
  if (scope.kind !== "ALL") conditions.push(storyScopeSql(evaluationId, scope, Prisma.sql`s.id`));
  conditions.push(...stageAndTypeConditions("s", filters, stages));
  if (filters.domain) conditions.push(primaryDomainIs(evaluationId, filters.domain, Prisma.sql`s.id`));
  if (filters.state) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM story_place sp JOIN place p ON p.evaluation_id = sp.evaluation_id AND p.id = sp.place_id
      WHERE sp.evaluation_id = ${evaluationId} AND sp.story_id = s.id AND ${inRegion("p", filters.state)})`);
  }
  if (filters.project) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM story_contribution sc
      WHERE sc.evaluation_id = ${evaluationId} AND sc.story_id = s.id AND sc.project_id = ${filters.project})`);
  }
  if (filters.from || filters.to) conditions.push(Prisma.sql`s.period_from IS NOT NULL`);
  if (filters.from) conditions.push(Prisma.sql`coalesce(s.period_to, 'infinity'::date) >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`s.period_from <= ${filters.to}::date`);
  return and(conditions);
}

/**
 * The same stories as `storyConditions`, read from their tally alone (story_tally, alias `t`,
 * decision 0049): the story's stage, change type, period and current primary domain are kept
 * there, and its places' regions and projects as arrays that a GIN index narrows.
 */
export function tallyConditions(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): Prisma.Sql {
  const conditions = [Prisma.sql`t.evaluation_id = ${evaluationId}`];
  if (scope.kind !== "ALL") conditions.push(storyScopeSql(evaluationId, scope, Prisma.sql`t.story_id`));
  conditions.push(...stageAndTypeConditions("t", filters, stages));
  if (filters.domain) conditions.push(Prisma.sql`t.primary_domain_id = ${filters.domain}`);
  if (filters.state) {
    const region = regionToken(parseRegionToken(filters.state));
    conditions.push(Prisma.sql`t.place_regions @> ARRAY[${region}]::text[]`);
  }
  if (filters.project) conditions.push(Prisma.sql`t.project_ids @> ARRAY[${filters.project}]::text[]`);
  if (filters.from || filters.to) conditions.push(Prisma.sql`t.period_from IS NOT NULL`);
  if (filters.from) conditions.push(Prisma.sql`coalesce(t.period_to, 'infinity'::date) >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`t.period_from <= ${filters.to}::date`);
  return and(conditions);
}

/**
 * Which table picks the stories matching the filters, stages and scope at least cost, as measured
 * on 100,000 stories (bench:dashboard-statements). The tally has no index on stage or change type
 * and is read whole for them; change_story has both, and story_contribution one on the project:
 * approved stories only, one change type or one project are picked there. A domain, state or
 * period is picked from the tally (an index on the primary domain, GIN on the regions, the period
 * at hand), where change_story joins domains and places or reads its wide rows. With no filter, a
 * panelist's scope narrows more from change_story; every stage is read from the tally, once.
 */
export function storiesPickedBy(
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
): "tally" | "story" {
  if (filters.changeType || stages.length <= FEW_STAGES) return "story";
  if (filters.domain || filters.state || filters.from || filters.to) return "tally";
  if (filters.project) return "story";
  return scope.kind === "ALL" ? "tally" : "story";
}

/** The stories of rows joined to them, as `storiesJoined` picks them. */
export type JoinedStories = {
  /** What follows `JOIN`: the table and its join condition. */
  table: Prisma.Sql;
  /** The story's id in that table. */
  id: Prisma.Sql;
  /** The stories matching the filters, stages and scope, in that table. */
  conditions: Prisma.Sql;
};

/**
 * The stories of the rows aliased `row` (their `evaluation_id` and `story_id`; an alias written in
 * the statement, never input), from the table storiesPickedBy names: the tally (alias `t`) or
 * change_story (`s`).
 */
export function storiesJoined(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
  row: string,
): JoinedStories {
  const alias = Prisma.raw(row);
  return storiesPickedBy(filters, stages, scope) === "tally"
    ? {
        table: Prisma.sql`story_tally t ON t.evaluation_id = ${alias}.evaluation_id AND t.story_id = ${alias}.story_id`,
        id: Prisma.sql`t.story_id`,
        conditions: tallyConditions(evaluationId, filters, stages, scope),
      }
    : {
        table: Prisma.sql`change_story s ON s.evaluation_id = ${alias}.evaluation_id AND s.id = ${alias}.story_id`,
        id: Prisma.sql`s.id`,
        conditions: storyConditions(evaluationId, filters, stages, scope),
      };
}

/**
 * Stories of the domain and change type asked for (any stage): those fieldwork and people are
 * linked to. Read from the stories' tally rows (alias `ls`), which hold both.
 */
function linkedStoryConditions(filters: DashboardFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.changeType) conditions.push(Prisma.sql`ls.change_type = ${filters.changeType}::change_type`);
  if (filters.domain) conditions.push(Prisma.sql`ls.primary_domain_id = ${filters.domain}`);
  return conditions;
}

/**
 * An interview (`kind` interview) or focus group (`kind` focus_group) as a story's source, directly
 * or through an excerpt; alias `f`. Written as `f.id IN (... UNION ALL ...)`, with no reference to
 * `f` inside, so PostgreSQL hashes the sources once: a correlated `ss.x = f.id OR te.x = f.id` can
 * be neither hashed nor indexed and compared every interview with every source (decision 0045).
 */
function sourceOfLinkedStory(
  evaluationId: string,
  filters: DashboardFilters,
  kind: "interview" | "focus_group",
): Prisma.Sql | null {
  const linked = linkedStoryConditions(filters);
  if (linked.length === 0) return null;
  const column = kind === "interview" ? Prisma.sql`interview_id` : Prisma.sql`focus_group_id`;
  return Prisma.sql`f.id IN (
      SELECT ss.${column} FROM story_source ss
        JOIN story_tally ls ON ls.evaluation_id = ss.evaluation_id AND ls.story_id = ss.story_id
       WHERE ss.evaluation_id = ${evaluationId} AND ss.${column} IS NOT NULL AND ${and(linked)}
      UNION ALL
      SELECT te.${column} FROM story_source ss
        JOIN story_tally ls ON ls.evaluation_id = ss.evaluation_id AND ls.story_id = ss.story_id
        JOIN transcript_excerpt te ON te.evaluation_id = ss.evaluation_id AND te.id = ss.excerpt_id
       WHERE ss.evaluation_id = ${evaluationId} AND te.${column} IS NOT NULL AND ${and(linked)})`;
}

/**
 * Interviews (`interview`) or focus groups (`focus_group`) matching the filters; alias `f`, its
 * place `fp`. None at all for a reader who does not see the fieldwork (`seesFieldwork` false).
 */
export function fieldworkConditions(
  evaluationId: string,
  filters: DashboardFilters,
  kind: "interview" | "focus_group",
  seesFieldwork = true,
): Prisma.Sql {
  const conditions = [Prisma.sql`f.evaluation_id = ${evaluationId}`];
  if (!seesFieldwork) conditions.push(Prisma.sql`FALSE`);
  if (filters.state) conditions.push(inRegion("fp", filters.state));
  if (filters.from) conditions.push(Prisma.sql`f.date >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`f.date <= ${filters.to}::date`);
  if (filters.project) {
    conditions.push(
      kind === "interview"
        ? Prisma.sql`EXISTS (SELECT 1 FROM interview_project ip WHERE ip.evaluation_id = ${evaluationId} AND ip.interview_id = f.id AND ip.project_id = ${filters.project})`
        : Prisma.sql`EXISTS (SELECT 1 FROM focus_group_project gp WHERE gp.evaluation_id = ${evaluationId} AND gp.focus_group_id = f.id AND gp.project_id = ${filters.project})`,
    );
  }
  const linked = sourceOfLinkedStory(evaluationId, filters, kind);
  if (linked) conditions.push(linked);
  return and(conditions);
}

/**
 * The fieldwork part of the filters only (project, period), for "took part in matching fieldwork".
 * One uncorrelated `r.id IN (... UNION ALL ...)`, hashed once, rather than two correlated EXISTS
 * joined by OR, which PostgreSQL runs once per respondent (decision 0045).
 */
function tookPartIn(evaluationId: string, filters: DashboardFilters): Prisma.Sql | null {
  if (!filters.project && !filters.from && !filters.to) return null;
  const fieldworkOnly: DashboardFilters = { project: filters.project, from: filters.from, to: filters.to };
  return Prisma.sql`r.id IN (
      SELECT ir.respondent_id FROM interview_respondent ir JOIN interview f ON f.evaluation_id = ir.evaluation_id AND f.id = ir.interview_id
       WHERE ir.evaluation_id = ${evaluationId} AND ${fieldworkConditions(evaluationId, fieldworkOnly, "interview")}
      UNION ALL
      SELECT gr.respondent_id FROM focus_group_participant gr JOIN focus_group f ON f.evaluation_id = gr.evaluation_id AND f.id = gr.focus_group_id
       WHERE gr.evaluation_id = ${evaluationId} AND ${fieldworkConditions(evaluationId, fieldworkOnly, "focus_group")})`;
}

/** Respondents matching the filters, leaving out those excluded by consent withdrawal (and all, without `seesFieldwork`); alias `r`. */
export function respondentConditions(
  evaluationId: string,
  filters: DashboardFilters,
  seesFieldwork = true,
): Prisma.Sql {
  const conditions = [Prisma.sql`r.evaluation_id = ${evaluationId}`, Prisma.sql`r.excluded_at IS NULL`];
  if (!seesFieldwork) conditions.push(Prisma.sql`FALSE`);
  if (filters.state) conditions.push(inRegion("r", filters.state));
  const fieldwork = tookPartIn(evaluationId, filters);
  if (fieldwork) conditions.push(fieldwork);
  const linked = linkedStoryConditions(filters);
  if (linked.length > 0) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM story_teller st JOIN story_tally ls ON ls.evaluation_id = st.evaluation_id AND ls.story_id = st.story_id
      WHERE st.evaluation_id = ${evaluationId} AND st.respondent_id = r.id AND ${and(linked)})`);
  }
  return and(conditions);
}
