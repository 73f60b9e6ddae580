/**
 * The search page: stories, interviews and focus groups of one evaluation at once, each kind
 * only for readers allowed to see it. Per kind, one query: the matches found through the search
 * index, the page of them ranked, with highlighted passages and the number of matches (a second
 * query counts only when the page came back empty). Only the most recent matches are ranked
 * (lib/search/sql.ts); `ts_headline` runs on the page's rows only.
 */
import "server-only";
import type { EvaluationReader } from "@/lib/evaluations/data";
import { evaluationAccess } from "@/lib/evaluations/access";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";
import { findStoryPage, type StoryListRow } from "@/lib/stories/list";
import { storyReadScope } from "@/lib/stories/read-scope";
import { countOf, pagedWithTotal } from "@/lib/tables/paging";
import { SEARCH_PAGE_SIZE, SEARCH_PREVIEW_SIZE, type SearchKind, type SearchState } from "./schema";
import {
  headline,
  marked,
  passageHeadline,
  queryPattern,
  RANKED_ORDER,
  rankedMatches,
  TRANSCRIPT_RANK_WINDOW,
  tsQuery,
} from "./sql";

export type TranscriptHit = {
  id: string;
  date: Date;
  /** The interview's mode or the focus group's topic. */
  label: string;
  state: string | null;
  municipality: string | null;
  /** The matching passage of the transcript, its translation or the notes (sentinel-marked). */
  headline: string;
  headlineLanguage: string | null;
};

export type SearchSection<Row> = {
  rows: Row[];
  total: number;
  page: number;
  pageCount: number;
  /** Set when more matched than were ranked: only this many most recent were ranked by relevance. */
  rankWindow: number | null;
};

export type SearchResults = {
  /** The kinds this reader may search, in display order. */
  kinds: SearchKind[];
  stories?: SearchSection<StoryListRow>;
  interviews?: SearchSection<TranscriptHit>;
  focusGroups?: SearchSection<TranscriptHit>;
};

const TRANSCRIPT_SOURCES = {
  interviews: { table: Prisma.sql`interview`, label: Prisma.sql`t.mode::text`, other: Prisma.sql`t.notes` },
  focusGroups: {
    table: Prisma.sql`focus_group`,
    label: Prisma.sql`t.topic`,
    other: Prisma.sql`concat_ws('. ', rtrim(t.topic, '. '), t.notes)`,
  },
} as const;

const HO = Prisma.sql`ho.h`;
const HT = Prisma.sql`ht.h`;
const HN = Prisma.sql`hn.h`;

/**
 * The SQL of one page of a kind's transcript matches, with their headlines (exported for
 * tests/integration/search-plans.test.ts, which checks that it reads the index).
 */
export function transcriptPageSql(
  kind: keyof typeof TRANSCRIPT_SOURCES,
  evaluationId: string,
  q: string,
  offset: number,
  limit: number,
): Prisma.Sql {
  const { table, label, other } = TRANSCRIPT_SOURCES[kind];
  const query = tsQuery(q);
  const pattern = queryPattern(q);
  const matches = Prisma.sql`SELECT t.id, t.date AS recency FROM ${table} t WHERE t.evaluation_id = ${evaluationId} AND t.search_vector @@ ${query}`;
  // Headlines, each computed once per row (OFFSET 0 keeps PostgreSQL from copying the
  // sub-select into every place that tests it): the passage of the transcript, else of its
  // translation, else the notes, else (rarely: a stem that is not a prefix) the whole transcript.
  return Prisma.sql`
      SELECT t.id, t.date, ${label} AS label, p.state, p.municipality, page.total,
        CASE WHEN ${marked(HO)} THEN ho.h WHEN ${marked(HT)} THEN ht.h WHEN ${marked(HN)} THEN hn.h ELSE coalesce(hw.h, ho.h) END AS headline,
        CASE WHEN NOT ${marked(HO)} AND ${marked(HT)} THEN t.translation_language ELSE t.transcript_language END AS "headlineLanguage"
      FROM (${rankedMatches({ matches, table, evaluationId, query, window: TRANSCRIPT_RANK_WINDOW, limit, offset })}) page
      JOIN ${table} t ON t.evaluation_id = ${evaluationId} AND t.id = page.id
      LEFT JOIN place p ON p.evaluation_id = t.evaluation_id AND p.id = t.place_id
      CROSS JOIN LATERAL (SELECT ${passageHeadline(Prisma.sql`t.transcript_language`, Prisma.sql`t.transcript_original`, query, pattern)} AS h OFFSET 0) ho
      CROSS JOIN LATERAL (SELECT CASE WHEN NOT ${marked(HO)} AND t.transcript_translation IS NOT NULL
        THEN ${passageHeadline(Prisma.sql`t.translation_language`, Prisma.sql`t.transcript_translation`, query, pattern)} END AS h OFFSET 0) ht
      CROSS JOIN LATERAL (SELECT CASE WHEN NOT ${marked(HO)} AND NOT coalesce(${marked(HT)}, false)
        THEN ${headline(Prisma.sql`t.transcript_language`, other, query)} END AS h OFFSET 0) hn
      CROSS JOIN LATERAL (SELECT CASE WHEN NOT ${marked(HO)} AND NOT coalesce(${marked(HT)}, false) AND NOT coalesce(${marked(HN)}, false)
        THEN ${headline(Prisma.sql`t.transcript_language`, Prisma.sql`t.transcript_original`, query)} END AS h OFFSET 0) hw
      ${RANKED_ORDER}`;
}

async function searchTranscripts(
  kind: keyof typeof TRANSCRIPT_SOURCES,
  evaluationId: string,
  q: string,
  page: number,
  pageSize: number,
) {
  const { table } = TRANSCRIPT_SOURCES[kind];
  const query = tsQuery(q);
  const rowsAt = (offset: number, limit: number) =>
    db().$queryRaw<Array<TranscriptHit & { total: number }>>(transcriptPageSql(kind, evaluationId, q, offset, limit));
  const count = async () =>
    countOf(
      await db().$queryRaw<Array<{ total: number }>>`
      SELECT count(*)::int AS total FROM ${table} t WHERE t.evaluation_id = ${evaluationId} AND t.search_vector @@ ${query}`,
    );
  const result = await pagedWithTotal<TranscriptHit>({ page, pageSize }, rowsAt, count);
  return { ...result, rankWindow: result.total > TRANSCRIPT_RANK_WINDOW ? TRANSCRIPT_RANK_WINDOW : null };
}

/** Null when the reader may search none of the kinds here (the page answers 404). */
export async function searchEvaluation(
  evaluationId: string,
  reader: EvaluationReader | null,
  state: SearchState,
): Promise<SearchResults | null> {
  const access = await evaluationAccess(evaluationId, reader);
  if (!access) return null;
  const { roles } = access;
  const kinds = [
    ...(can(roles, "story.view") ? (["stories"] as const) : []),
    ...(can(roles, "interview.view") ? (["interviews", "focusGroups"] as const) : []),
  ];
  if (kinds.length === 0) return null;
  const { q } = state;
  if (!q) return { kinds };

  const wanted = state.kind ? kinds.filter((kind) => kind === state.kind) : kinds;
  const pageSize = state.kind ? SEARCH_PAGE_SIZE : SEARCH_PREVIEW_SIZE;
  const page = state.kind ? state.page : 1;
  const results: SearchResults = { kinds };
  await Promise.all(
    wanted.map(async (kind) => {
      if (kind === "stories") {
        // story.view was checked above, with the other kinds; a panelist finds only their rounds' stories.
        results.stories = await findStoryPage(
          evaluationId,
          { page, pageSize, sort: { id: "relevance", desc: true }, columns: [], filters: { q } },
          storyReadScope(access)!,
        );
      } else {
        results[kind] = await searchTranscripts(kind, evaluationId, q, page, pageSize);
      }
    }),
  );
  return results;
}
