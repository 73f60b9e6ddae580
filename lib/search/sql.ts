/**
 * SQL fragments for full-text search, shared by the stories table and the search page. User text
 * only ever enters as a bound parameter of Prisma's `sql` template; the fragments themselves are
 * constants.
 *
 * The stored `search_vector` of each row holds every text in its own language's configuration
 * (`msc_es`, `msc_en`: stemming + unaccent), so the query is parsed in both and OR-ed: "niños",
 * "ninos" and "niño" match the Spanish text, "children" the English translation.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { MARK_END, MARK_START } from "./highlight";

/**
 * The search text as a tsquery in both languages. `websearch_to_tsquery` never fails on syntax.
 *
 * Written as a sub-select on purpose: PostgreSQL then computes it once per statement (an InitPlan)
 * and plans without knowing its words. Knowing them, it estimates from the column's statistics
 * how many rows contain a common word ("inspectores": 8,770 of 20,000 interviews) and prefers a
 * sequential scan, which must read and decompress every row's search vector (kept out of line,
 * several kilobytes for a transcript: 400-700 ms for 20,000 interviews). Its cost model does not
 * count those reads. The GIN index answers the same question without reading any vector (a plain
 * word query needs no recheck), so it is the better path for every word, common or rare; with
 * the words unknown, the planner estimates few matches and takes it (12 ms for the same search).
 * tests/integration/search-plans.test.ts checks that it still does.
 */
export function tsQuery(text: string): Prisma.Sql {
  return Prisma.sql`(SELECT websearch_to_tsquery('msc_es', ${text}) || websearch_to_tsquery('msc_en', ${text}))`;
}

/**
 * Relevance (`ts_rank_cd`, which reads each match's whole vector and walks the positions of its
 * terms) is computed for the most recent matches only: up to this many stories, and fewer
 * transcripts, whose vectors are much larger. Older matches follow, newest first, so every match
 * stays reachable; the page says when the window applied.
 */
export const STORY_RANK_WINDOW = 1000;
export const TRANSCRIPT_RANK_WINDOW = 200;

/**
 * One page of matches as (id, recency, rank, total): the `window` most recent matches by relevance,
 * then the rest newest first (rank null); `total` counts every match, so no second query is needed.
 * `matches` selects (id, recency) of every match, through the GIN index (see tsQuery); MATERIALIZED
 * keeps PostgreSQL from walking a date index instead and reading the vector of every row on the
 * way. Each window row's vector is then read once, through the primary key: `ranked` is
 * MATERIALIZED too, so that a plan joining it in a nested loop (the planner expecting one match,
 * as on a table not yet analyzed) cannot rank the whole window again for every match.
 */
export function rankedMatches(options: {
  matches: Prisma.Sql;
  table: Prisma.Sql;
  evaluationId: string;
  query: Prisma.Sql;
  window: number;
  /** Null: every match (exports). */
  limit: number | null;
  offset: number;
}): Prisma.Sql {
  const { matches, table, evaluationId, query, window, limit, offset } = options;
  return Prisma.sql`
    WITH matches AS MATERIALIZED (${matches}),
    recent AS (SELECT m.id FROM matches m ORDER BY m.recency DESC, m.id DESC LIMIT ${window}),
    ranked AS MATERIALIZED (SELECT r.id, (SELECT ts_rank_cd(t.search_vector, ${query}) FROM ${table} t
                              WHERE t.evaluation_id = ${evaluationId} AND t.id = r.id) AS rank
                 FROM recent r)
    SELECT m.id, m.recency, ranked.rank, (SELECT count(*)::int FROM matches) AS total
      FROM matches m LEFT JOIN ranked ON ranked.id = m.id
     ORDER BY ranked.rank DESC NULLS LAST, m.recency DESC, m.id DESC LIMIT ${limit} OFFSET ${offset}`;
}

/** The order of rankedMatches, for a query that selects them as `page`. */
export const RANKED_ORDER = Prisma.sql`ORDER BY page.rank DESC NULLS LAST, page.recency DESC, page.id DESC`;

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * `ts_headline` of one text in its language's configuration, with the sentinels first removed from
 * the text itself (so stored text cannot fake a highlight).
 */
export function headline(language: Prisma.Sql, text: Prisma.Sql, query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ts_headline(msc_search_config(${language}), translate(coalesce(${text}, ''), ${MARK_START + MARK_END}, ''), ${query}, ${HEADLINE_OPTIONS})`;
}

/**
 * Each letter that `unaccent` folds onto an unaccented lexeme letter, in both cases (a stored
 * text's capitals are matched whatever the database's locale says about non-ASCII case).
 */
const LETTER_VARIANTS: ReadonlyArray<[string, string]> = [
  ["a", "[aáàâäãåÁÀÂÄÃÅ]"],
  ["e", "[eéèêëÉÈÊË]"],
  ["i", "[iíìîïÍÌÎÏ]"],
  ["o", "[oóòôöõøÓÒÔÖÕØ]"],
  ["u", "[uúùûüÚÙÛÜ]"],
  ["n", "[nñÑ]"],
  ["c", "[cçÇ]"],
  ["y", "[yýÿÝŸ]"],
];

/**
 * A regular expression (case-insensitive with the 'i' flag) matching the start of any word whose
 * lexeme the query has, in either language, accents ignored: "niños" gives `[nñÑ][iíìîïÍÌÎÏ][nñÑ]`
 * (stem "nin") and finds "Niñas" too. Lexemes with other than ASCII letters and digits (parts of
 * addresses, paths) are left out: they only locate a passage, and the caller falls back to the
 * whole text when nothing was marked. Null when the query has no lexeme.
 */
export function queryPattern(text: string): Prisma.Sql {
  let letters = Prisma.sql`l`;
  for (const [letter, variants] of LETTER_VARIANTS) letters = Prisma.sql`replace(${letters}, ${letter}, ${variants})`;
  return Prisma.sql`(SELECT '\\m(' || string_agg(${letters}, '|') || ')' FROM unnest(tsvector_to_array(to_tsvector('msc_es', ${text}) || to_tsvector('msc_en', ${text}))) l
    WHERE l ~ '^[a-z0-9]+$')`;
}

const PASSAGE_BEFORE = 400;
const PASSAGE_LENGTH = 1200;

/**
 * `ts_headline` parses the whole text it is given, about 10 ms for a 30,000-character transcript.
 * This gives it only a passage around the first place where one of the query's lexemes begins a
 * word (`regexp_instr` with `queryPattern`: about 0.3 ms for such a transcript, where lower-casing
 * and unaccenting it first took 4 ms). Snowball stems are nearly always prefixes of the words they
 * come from; when one is not, the passage has no mark and the caller falls back to a whole-text
 * headline.
 */
export function passageHeadline(
  language: Prisma.Sql,
  text: Prisma.Sql,
  query: Prisma.Sql,
  pattern: Prisma.Sql,
): Prisma.Sql {
  const passage = Prisma.sql`substr(doc.body, greatest(1, doc.at - ${PASSAGE_BEFORE}), ${PASSAGE_LENGTH})`;
  return Prisma.sql`(SELECT ${headline(language, passage, query)}
    FROM (SELECT b.body, coalesce(nullif(regexp_instr(b.body, ${pattern}, 1, 1, 0, 'i'), 0), 1) AS at
            FROM (SELECT coalesce(${text}, '') AS body OFFSET 0) b) doc)`;
}

/** SQL that is true when a headline marked at least one match. */
export function marked(headlineSql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`strpos(${headlineSql}, ${MARK_START}) > 0`;
}
