/**
 * `npm run bench:dashboard-statements`: what each of the dashboard's counting statements costs on
 * its own, for the first view after a change (when every count is read afresh, decision 0050).
 * Prints figures; asserts nothing.
 *
 * Needs a database kept by `BENCH_KEEP=1 npm run bench:dashboard` (BENCH_REUSE=<its name>); it is
 * only read. For no filter and each filter of bench:dashboard, the two loaders run once as the
 * lead with every statement captured, then each statement that counts runs again alone on one
 * connection, three times, and the fastest is printed: the page runs them side by side, so their
 * sum is what the machine has to find, not what a reader waits. BENCH_SERIAL=1 runs them without
 * PostgreSQL's parallel workers, so each time is one core's work, comparable on a busy machine.
 * BENCH_PLANS=1 also prints each plan (EXPLAIN ANALYZE, BUFFERS).
 */
import { loadavg } from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { DASHBOARD_CASES } from "./bench-dashboard-data";
import { createScratchDatabase, keptDatabaseOptions, useDatabaseInProcess } from "./bench-database";
import { BENCH } from "./bench-fieldwork-data";

const { reuse } = keptDatabaseOptions();
if (!reuse) {
  console.error("Set BENCH_REUSE to a database kept by `BENCH_KEEP=1 npm run bench:dashboard`.");
  process.exit(1);
}
const scratch = await createScratchDatabase({ reuse, keep: true });
type Captured = { query: string; params: unknown[] };
const captured: Captured[] = [];
const prisma = new PrismaClient({
  adapter: new PrismaPg({ connectionString: scratch.url, max: 1 }),
  log: [{ emit: "event", level: "query" }],
});
prisma.$on("query", (event) => captured.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
useDatabaseInProcess(scratch.url, prisma);
const { loadDashboard } = await import("../lib/dashboard/loaders");
const { loadDashboardMeta } = await import("../lib/dashboard/meta-loaders");
const { dashboardFilterSchema } = await import("../lib/dashboard/schema");

const client = new pg.Client({ connectionString: scratch.url });
await client.connect();
if (process.env.BENCH_SERIAL === "1") await client.query("SET max_parallel_workers_per_gather = 0");
const lead = { id: "u1", isAdmin: false };
/** A statement by its first words after the SELECT or WITH: enough to tell the twelve apart. */
const named = (query: string) => query.replace(/\s+/g, " ").trim().slice(0, 90);

async function fastest({ query, params }: Captured): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    await client.query(query, params);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

try {
  console.log(
    `Database ${scratch.name}; ${process.env.BENCH_SERIAL === "1" ? "no parallel workers" : "PostgreSQL's parallel workers allowed"}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  for (const { label, query } of DASHBOARD_CASES) {
    const filters = dashboardFilterSchema.parse(query);
    captured.length = 0;
    await loadDashboard(BENCH.evaluationId, lead, filters);
    await loadDashboardMeta(BENCH.evaluationId, lead, filters);
    // The statements that count; the lists of domains, projects and countries are lookups.
    const counting = captured.filter(({ query }) => /\bcount\(|\bsum\(/.test(query));
    console.log(`\n${label}: ${counting.length} counting statements of ${captured.length}`);
    let total = 0;
    for (const statement of counting) {
      const ms = await fastest(statement);
      total += ms;
      console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${named(statement.query)}`);
      if (process.env.BENCH_PLANS === "1") {
        const plan = await client.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`,
          statement.params,
        );
        for (const row of plan.rows) console.log(`             ${row["QUERY PLAN"]}`);
      }
    }
    console.log(`  ${total.toFixed(1).padStart(8)} ms  in all`);
  }
  console.log(`\nload average at the end: ${loadavg()[0]!.toFixed(2)}`);
} finally {
  await client.end();
  await prisma.$disconnect();
  await scratch.drop();
}
