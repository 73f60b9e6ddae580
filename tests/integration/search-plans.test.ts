/**
 * The search queries read the GIN index for common words too. A planner that knows the word
 * estimates from the column's statistics how many rows contain it and, for a common one, prefers
 * a sequential scan that reads every row's search vector (decision 0022). The table here is
 * analyzed and big enough for that to happen to a query written the plain way (the control
 * below), so the loaders' own SQL is shown to take the index where it would not otherwise.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChangeStory, buildInterview, createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

const ROWS = 2000;
const COMMON = "inspectores";
const RARE = "tlaxcalteca";

let database: TestDatabase;
let client: pg.Client;
let mine: EvaluationWithTeam;
const reader = () => ({ id: mine.members.lead.id, isAdmin: false });

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

/** Every scan of the plan (InitPlans and SubPlans included) as "Seq Scan on interview", "Bitmap Index Scan using …". */
async function scansOf(sql: { text: string; values: unknown[] }): Promise<string[]> {
  const result = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
    `EXPLAIN (FORMAT JSON) ${sql.text}`,
    sql.values,
  );
  const scans: string[] = [];
  const walk = (node: PlanNode) => {
    if (node["Node Type"].includes("Scan") && node["Relation Name"])
      scans.push(`${node["Node Type"]} on ${node["Relation Name"]}`);
    if (node["Index Name"]) scans.push(`${node["Node Type"]} using ${node["Index Name"]}`);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(result.rows[0]!["QUERY PLAN"][0]!.Plan);
  return scans;
}

const sqlOf = (sql: Prisma.Sql) => ({ text: sql.text, values: sql.values });
/** The way the query was first written: the words in plain sight of the planner. */
const plainMatch = (table: string, q: string) => ({
  text: `SELECT t.id FROM ${table} t WHERE t.evaluation_id = $1 AND t.search_vector @@ (websearch_to_tsquery('msc_es', $2) || websearch_to_tsquery('msc_en', $2))`,
  values: [mine.evaluation.id, q],
});

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  mine = await createEvaluationWithTeam(database.prisma);
  const e = mine.evaluation.id;
  // Nine rows in ten name the inspectors; three name the rare community. The notes make each row
  // a few hundred bytes, as real rows are, so that the table has pages worth not reading.
  const text = (i: number) =>
    `${i % 10 === 0 ? "La cooperativa cafetalera" : "Los inspectores visitaron la planta"} en la ronda ${i}${i % 700 === 1 ? `, con la comunidad ${RARE}` : ""}.`;
  const notes = "Notas de campo: quién estuvo, qué se acordó y qué queda pendiente para la siguiente visita. ".repeat(
    4,
  );
  await database.prisma.interview.createMany({
    data: Array.from({ length: ROWS }, (_, i) =>
      buildInterview({
        evaluationId: e,
        date: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000),
        transcriptOriginal: text(i),
        notes,
      }),
    ),
  });
  await database.prisma.changeStory.createMany({
    data: Array.from({ length: ROWS }, (_, i) =>
      buildChangeStory({
        evaluationId: e,
        authorId: mine.members.evaluator!.id,
        codeNumber: i + 1,
        title: `Ronda ${i}`,
        whatChanged: text(i),
        whySignificant: notes,
      }),
    ),
  });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // What autovacuum does after a bulk load: statistics (with them the planner knows how common
  // the word is) and the GIN indexes' pending lists merged (until then every search must read
  // them through, and the planner rightly counts that against the index).
  await client.query("VACUUM ANALYZE interview");
  await client.query("VACUUM ANALYZE change_story");
}, 120_000);

afterAll(async () => {
  await client?.end();
  await database?.close();
});

describe("search plans on an analyzed table where one word is in nine rows of ten", () => {
  it("control: the plain query reads every interview and every story for the common word", async () => {
    expect(await scansOf(plainMatch("interview", COMMON))).toContain("Seq Scan on interview");
    expect(await scansOf(plainMatch("change_story", COMMON))).toContain("Seq Scan on change_story");
  });

  it("the search page's transcript query takes the index for common and rare words alike", async () => {
    const { transcriptPageSql } = await import("@/lib/search/data");
    for (const q of [COMMON, RARE, `"${COMMON} visitaron"`]) {
      const scans = await scansOf(sqlOf(transcriptPageSql("interviews", mine.evaluation.id, q, 0, 20)));
      expect(scans, q).toContain("Bitmap Index Scan using interview_search_vector_idx");
      expect(scans, q).not.toContain("Seq Scan on interview");
    }
  });

  it("the stories query, by relevance and by date with a filter, takes the index too", async () => {
    const { storyRowsSql } = await import("@/lib/stories/list");
    for (const q of [COMMON, RARE]) {
      const byRelevance = await scansOf(
        sqlOf(
          storyRowsSql(mine.evaluation.id, { filters: { q }, sort: { id: "relevance", desc: true } }, 0, 25, {
            kind: "ALL",
          }),
        ),
      );
      expect(byRelevance, q).toContain("Bitmap Index Scan using change_story_search_vector_idx");
      expect(byRelevance, q).not.toContain("Seq Scan on change_story");
      const byDate = await scansOf(
        sqlOf(
          storyRowsSql(
            mine.evaluation.id,
            { filters: { q, stage: "DRAFT" }, sort: { id: "updatedAt", desc: true } },
            0,
            25,
            { kind: "ALL" },
          ),
        ),
      );
      expect(byDate, q).toContain("Bitmap Index Scan using change_story_search_vector_idx");
      expect(byDate, q).not.toContain("Seq Scan on change_story");
    }
  });

  it("still finds, counts and pages every match", async () => {
    const { searchEvaluation } = await import("@/lib/search/data");
    const common = await searchEvaluation(mine.evaluation.id, reader(), { q: COMMON, kind: "interviews", page: 2 });
    expect(common!.interviews).toMatchObject({ total: (ROWS * 9) / 10, page: 2 });
    expect(common!.interviews!.rows).toHaveLength(20);
    const rare = await searchEvaluation(mine.evaluation.id, reader(), { q: RARE, page: 1 });
    expect(rare!.interviews!.total).toBe(3);
    expect(rare!.stories!.total).toBe(3);
  });
});
