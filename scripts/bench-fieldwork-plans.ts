/**
 * The search page's plans in full, for a word most transcripts contain and a word few do: the
 * plan that reads every row's search vector instead of the index shows up here as a sequential
 * scan with thousands of shared buffers read (the vectors are TOASTed, outside the table's pages).
 */
import type pg from "pg";
import { RARE_WORD } from "./bench-fieldwork-data";

/** "inspectores" is in 8,770 of the 20,000 generated interviews; the rare word in 10 (and 20 stories). */
export const SEARCH_WORDS = { common: "inspectores", rare: RARE_WORD } as const;

type Captured = { query: string; params: unknown[] };

export async function printSearchPlans(
  client: pg.Client,
  words: { common: string; rare: string },
  capture: (q: string) => Promise<Captured[]>,
): Promise<void> {
  for (const [which, q] of Object.entries(words)) {
    const queries = (await capture(q)).filter((captured) => captured.query.includes("search_vector"));
    console.log(
      `\nSearch page plans, ${which} word "${q}" (EXPLAIN (ANALYZE, BUFFERS)): ${queries.length} search queries`,
    );
    for (const { query, params } of queries) {
      const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params);
      console.log(`  ${query.replace(/\s+/g, " ").trim().slice(0, 100)}…`);
      for (const row of result.rows) console.log(`    ${row["QUERY PLAN"]}`);
    }
  }
}
