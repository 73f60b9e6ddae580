/**
 * The stories table: one page of an evaluation's change stories, filtered, sorted and paged in
 * PostgreSQL, optionally full-text searched. Two queries per page, whatever its size: the rows
 * (primary domain and states come from sub-selects run for the page's rows only) and the count.
 * The SQL is written out (Prisma's tagged template, every value a parameter) because the filters
 * need semi-joins and the search needs the tsvector column that Prisma's query API cannot reach.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { inRegion } from "@/lib/places/region-sql";
import type { ChangeType, DatePrecision, StoryStage } from "@/lib/generated/prisma/enums";
import { headline, marked, rankedMatches, STORY_RANK_WINDOW, tsQuery } from "@/lib/search/sql";
import type { StoryFilters } from "@/lib/tables/lists";
import { countOf, orderBy, pagedList, pagedWithTotal, type ListPage } from "@/lib/tables/paging";
import type { TableState } from "@/lib/tables/url-state";
import type { StoryReadScope } from "./read-scope";
import { storyScopeSql } from "./scope-sql";

export type StoryListRow = {
  id: string;
  code: string;
  title: string;
  titleTranslation: string | null;
  originalLanguage: string;
  translationLanguage: string | null;
  changeType: ChangeType;
  stage: StoryStage;
  periodFrom: Date | null;
  periodTo: Date | null;
  periodPrecision: DatePrecision;
  updatedAt: Date;
  /** The current primary domain, if the story has one. */
  primaryDomainId: string | null;
  /** States of the story's places, each once, in order. */
  states: string[];
  /** While searching: the matching passage, matches between MARK_START and MARK_END. */
  headline: string | null;
  /** The language of that passage (the original's or the translation's). */
  headlineLanguage: string | null;
};

export type StoryListPage = ListPage<StoryListRow> & {
  /** Set when sorted by relevance and more stories matched: only this many most recent were ranked. */
  rankWindow: number | null;
};

const SORTS = {
  code: Prisma.sql`s.code_number`,
  title: Prisma.sql`s.title`,
  changeType: Prisma.sql`s.change_type`,
  stage: Prisma.sql`s.stage`,
  period: Prisma.sql`s.period_from`,
  updatedAt: Prisma.sql`s.updated_at`,
} as const;

/** Relevance: the ranked window first, then older matches newest first (see rankedMatches). */
const RELEVANCE_ORDER = Prisma.sql`ORDER BY s.rank DESC NULLS LAST, s.recency DESC, s.id DESC`;

const CURRENT_PRIMARY = Prisma.sql`da.evaluation_id = s.evaluation_id AND da.story_id = s.id AND da.kind = 'PRIMARY' AND da.ended_at IS NULL`;

function whereOf(evaluationId: string, filters: StoryFilters, scope: StoryReadScope): Prisma.Sql {
  const conditions = [Prisma.sql`s.evaluation_id = ${evaluationId}`];
  if (scope.kind !== "ALL") conditions.push(storyScopeSql(evaluationId, scope, Prisma.sql`s.id`));
  if (filters.stage) conditions.push(Prisma.sql`s.stage = ${filters.stage}::story_stage`);
  if (filters.changeType) conditions.push(Prisma.sql`s.change_type = ${filters.changeType}::change_type`);
  // Domain and state filters are sets of story ids, written inside coalesce() so that PostgreSQL
  // keeps them as one hashed sub-plan (ids read from an index once) and filters the walk in sort
  // order. As a semi-join it probes an index per story and, when titles and domains correlate,
  // misjudges how far it must walk: 600 ms instead of 10 ms for 100,000 stories. Hashing needs the
  // ids to fit in hash memory (8 MB by default), ample for any one domain's or state's stories.
  if (filters.domain) {
    conditions.push(Prisma.sql`coalesce(s.id IN (SELECT da.story_id FROM domain_assignment da
      WHERE da.evaluation_id = ${evaluationId} AND da.domain_id = ${filters.domain} AND da.kind = 'PRIMARY' AND da.ended_at IS NULL), false)`);
  }
  if (filters.state) {
    conditions.push(Prisma.sql`coalesce(s.id IN (SELECT sp.story_id FROM story_place sp JOIN place p ON p.evaluation_id = sp.evaluation_id AND p.id = sp.place_id
      WHERE sp.evaluation_id = ${evaluationId} AND ${inRegion("p", filters.state)}), false)`);
  }
  if (filters.atRiskGroup) {
    conditions.push(Prisma.sql`coalesce(s.id IN (SELECT sg.story_id FROM story_at_risk_group sg
      WHERE sg.evaluation_id = ${evaluationId} AND sg.group_id = ${filters.atRiskGroup}), false)`);
  }
  if (filters.updatedFrom) conditions.push(Prisma.sql`s.updated_at >= ${filters.updatedFrom}::date`);
  if (filters.updatedTo) conditions.push(Prisma.sql`s.updated_at < ${filters.updatedTo}::date + 1`);
  if (filters.q) conditions.push(Prisma.sql`s.search_vector @@ ${tsQuery(filters.q)}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * The number of matching stories. Filtering by domain alone counts the domain's current primary
 * assignments (an index-only scan): each is one story of this evaluation, which the partial unique
 * index and the composite foreign key guarantee, so no join with 100,000 stories is needed.
 */
async function countStories(evaluationId: string, filters: StoryFilters, scope: StoryReadScope): Promise<number> {
  const { domain, ...others } = filters;
  if (scope.kind === "ALL" && domain && Object.values(others).every((value) => value === undefined)) {
    return countOf(
      await db().$queryRaw<Array<{ total: number }>>`
      SELECT count(*)::int AS total FROM domain_assignment da
       WHERE da.evaluation_id = ${evaluationId} AND da.domain_id = ${domain} AND da.kind = 'PRIMARY' AND da.ended_at IS NULL`,
    );
  }
  return countOf(
    await db().$queryRaw<Array<{ total: number }>>`
    SELECT count(*)::int AS total FROM change_story s WHERE ${whereOf(evaluationId, filters, scope)}`,
  );
}

const PAGE_COLUMNS = Prisma.sql`s.id, s.evaluation_id, s.code, s.code_number, s.title, s.title_translation, s.what_changed,
  s.what_changed_translation, s.why_significant, s.why_significant_translation, s.original_language, s.translation_language,
  s.change_type, s.stage, s.period_from, s.period_to, s.period_precision, s.updated_at`;

/** The page's rows: `pageSql` selects PAGE_COLUMNS (and `rank`) of the page; the rest is per row of it. */
function selectPage(
  pageSql: Prisma.Sql,
  order: Prisma.Sql,
  q: string | undefined,
  extra: Prisma.Sql = Prisma.empty,
): Prisma.Sql {
  const query = q ? tsQuery(q) : null;
  // The fields joined as sentences for the headline; a field that already ends with a full stop
  // loses it first, so the excerpt never reads "…voto.. «La empresa…".
  const original = Prisma.sql`concat_ws('. ', rtrim(s.title, '. '), rtrim(s.what_changed, '. '), s.why_significant)`;
  const translation = Prisma.sql`concat_ws('. ', rtrim(s.title_translation, '. '), rtrim(s.what_changed_translation, '. '), s.why_significant_translation)`;
  const fromTranslation = Prisma.sql`ht.h IS NOT NULL AND ${marked(Prisma.sql`ht.h`)}`;
  const headlineSql = query
    ? Prisma.sql`CASE WHEN ${fromTranslation} THEN ht.h ELSE ho.h END AS headline,
        CASE WHEN ${fromTranslation} THEN s.translation_language ELSE s.original_language END AS "headlineLanguage"`
    : Prisma.sql`NULL::text AS headline, NULL::text AS "headlineLanguage"`;
  const lateral = query
    ? // OFFSET 0: each headline once per row, not copied into every expression that tests it.
      Prisma.sql`CROSS JOIN LATERAL (SELECT ${headline(Prisma.sql`s.original_language`, original, query)} AS h OFFSET 0) ho
       CROSS JOIN LATERAL (SELECT CASE WHEN s.translation_language IS NOT NULL AND NOT ${marked(Prisma.sql`ho.h`)}
         THEN ${headline(Prisma.sql`s.translation_language`, translation, query)} END AS h OFFSET 0) ht`
    : Prisma.empty;
  return Prisma.sql`
    SELECT s.id, s.code, s.title, s.title_translation AS "titleTranslation", s.original_language AS "originalLanguage",
      s.translation_language AS "translationLanguage", s.change_type::text AS "changeType", s.stage::text AS stage,
      s.period_from AS "periodFrom", s.period_to AS "periodTo", s.period_precision::text AS "periodPrecision", s.updated_at AS "updatedAt",
      (SELECT da.domain_id FROM domain_assignment da WHERE ${CURRENT_PRIMARY}) AS "primaryDomainId",
      ARRAY(SELECT DISTINCT p.state || coalesce(' (' || p.country_code || ')', '') AS name FROM story_place sp JOIN place p ON p.evaluation_id = sp.evaluation_id AND p.id = sp.place_id
             WHERE sp.evaluation_id = s.evaluation_id AND sp.story_id = s.id ORDER BY name) AS states,
      ${headlineSql} ${extra}
    FROM (${pageSql}) s ${lateral}
    ${order}`;
}

/** The list's order: relevance only while searching, else the chosen column. */
function orderOf(state: Pick<TableState<StoryFilters>, "filters" | "sort">): {
  byRelevance: boolean;
  order: Prisma.Sql;
} {
  const byRelevance = Boolean(state.filters.q) && state.sort.id === "relevance";
  const sort = !byRelevance && state.sort.id === "relevance" ? { id: "updatedAt", desc: true } : state.sort;
  return { byRelevance, order: byRelevance ? RELEVANCE_ORDER : orderBy(SORTS, sort, Prisma.sql`s.id`) };
}

/**
 * The rows' SQL for a window of the list (`limit` null: every row, for exports). Sorted by
 * relevance, each row also carries the number of matches as `total`.
 */
export function storyRowsSql(
  evaluationId: string,
  state: Pick<TableState<StoryFilters>, "filters" | "sort">,
  offset: number,
  limit: number | null,
  scope: StoryReadScope,
): Prisma.Sql {
  const { filters } = state;
  const where = whereOf(evaluationId, filters, scope);
  const { byRelevance, order } = orderOf(state);
  if (!byRelevance) {
    return selectPage(
      Prisma.sql`SELECT ${PAGE_COLUMNS} FROM change_story s WHERE ${where} ${order} LIMIT ${limit} OFFSET ${offset}`,
      order,
      filters.q,
    );
  }
  return selectPage(
    Prisma.sql`SELECT ${PAGE_COLUMNS}, page.rank, page.recency, page.total
      FROM (${rankedMatches({
        matches: Prisma.sql`SELECT s.id, s.updated_at AS recency FROM change_story s WHERE ${where}`,
        table: Prisma.sql`change_story`,
        evaluationId,
        query: tsQuery(filters.q ?? ""),
        window: STORY_RANK_WINDOW,
        limit,
        offset,
      })}) page
      JOIN change_story s ON s.evaluation_id = ${evaluationId} AND s.id = page.id`,
    order,
    filters.q,
    Prisma.sql`, s.total`,
  );
}

/**
 * Every story the list holds under `filters` within the reader's `scope` (id, code and code number,
 * in no order), as SQL for an export's other sheets to join their rows on: the same filter and scope
 * as the rows, never a list of ids held in memory.
 */
export function storyMatchesSql(evaluationId: string, filters: StoryFilters, scope: StoryReadScope): Prisma.Sql {
  return Prisma.sql`SELECT s.id, s.code, s.code_number FROM change_story s WHERE ${whereOf(evaluationId, filters, scope)}`;
}

/**
 * One page of the stories in `scope`. It checks no access: callers ask first and pass the reader's
 * scope (lib/stories/loaders.ts `loadStoryList` for the table, lib/search/data.ts for the search page).
 */
export async function findStoryPage(
  evaluationId: string,
  state: TableState<StoryFilters>,
  scope: StoryReadScope,
): Promise<StoryListPage> {
  const { filters } = state;
  const count = () => countStories(evaluationId, filters, scope);
  if (orderOf(state).byRelevance) {
    const rowsAt = (offset: number, limit: number) =>
      db().$queryRaw<Array<StoryListRow & { total: number }>>(storyRowsSql(evaluationId, state, offset, limit, scope));
    const page = await pagedWithTotal<StoryListRow>(state, rowsAt, count);
    return { ...page, rankWindow: page.total > STORY_RANK_WINDOW ? STORY_RANK_WINDOW : null };
  }
  const rowsAt = (offset: number, limit: number) =>
    db().$queryRaw<StoryListRow[]>(storyRowsSql(evaluationId, state, offset, limit, scope));
  const page = await pagedList(state, rowsAt, count);
  return { ...page, rankWindow: null };
}
