/**
 * `npm run bench:dashboard`: the dashboard's server time, with no filter and with each filter,
 * beside the time of its SQL statements alone, over HTTP against the production build, on the
 * bench:fieldwork data plus what the meta-monitoring, quantification and coverage views count
 * (scripts/bench-dashboard-data.ts). Also one figure download.
 *
 * Creates a scratch database on BENCH_DATABASE_URL (default: the local server), generates the
 * data (BENCH_SCALE shrinks it: 0.1 is 10,000 stories), starts the app with `npm start` (needs
 * `npm run build`) and SQL_STATEMENT_TIMING=1 so the app prints one line per statement with its
 * duration (lib/db.ts), asks one request at a time as the lead, and drops the database at the end.
 * Prints p50/p95 server time, statements and their summed time per request, each view twice: as
 * kept (nothing changed since the last view, decision 0050) and as the first view after a change
 * (before each request the bench moves one story between two early stages and appends an event to
 * the evaluation's audit chain, as a change through the app does). Asserts nothing.
 * BENCH_KEEP=1 keeps the database and prints its name; BENCH_REUSE=<name> measures a kept one again
 * (migrating it first, generating nothing), so a change to the queries can be measured on the same
 * rows without the quarter of an hour the full size takes to generate.
 */
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { recordAudit } from "../lib/audit";
import { createPrismaClient } from "../lib/db";
import { applyMigrations } from "../lib/db/migrations";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createScratchDatabase, keptDatabaseOptions } from "./bench-database";
import { exitUnlessBuilt, leadSessionCookie, measureAppOnScratch, measureRequest } from "./bench-app";
import { DASHBOARD_CASES, generateDashboardExtras } from "./bench-dashboard-data";
import { BENCH, generateFieldwork } from "./bench-fieldwork-data";
import { percentile } from "./bench-stats";

exitUnlessBuilt();

const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? 20) || 20);
const port = Number(process.env.BENCH_PORT ?? 3204);
const base = `http://localhost:${port}`;
const scratch = await createScratchDatabase(keptDatabaseOptions());
const { name, url, reused } = scratch;
const secret = randomBytes(32).toString("base64");
const home = `/evaluations/${BENCH.evaluationId}`;

const PAGES: Array<{ label: string; path: string }> = [
  ...DASHBOARD_CASES.map(({ label, query }) => {
    const search = new URLSearchParams(query).toString();
    return { label, path: search ? `${home}?${search}` : home };
  }),
  { label: "download: storytellers.xlsx", path: `/api${home}/dashboard/storytellers.xlsx` },
];

let changes: PrismaClient | null = null;
let changed = 0;
/**
 * A change as the app makes one: a story moved between submitted and screened (its tally and
 * story counts follow by trigger, so the counts' appended rows gather and are folded as in real
 * use, decision 0053), and one event on the evaluation's audit chain. The dashboard keeps its
 * counts until that chain moves (lib/dashboard/kept.ts), so the next view reads them all afresh.
 * The stories taken turn by turn among the first thousand at those stages, each back and forth.
 */
const recordChange = () =>
  changes!.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE change_story SET stage = CASE stage WHEN 'SUBMITTED' THEN 'SCREENED'::story_stage ELSE 'SUBMITTED'::story_stage END
       WHERE id = (SELECT id FROM change_story WHERE evaluation_id = ${BENCH.evaluationId} AND stage IN ('SUBMITTED', 'SCREENED')
                    ORDER BY id OFFSET ${changed++ % 1000} LIMIT 1)`;
    await recordAudit(tx, {
      evaluationId: BENCH.evaluationId,
      actorId: null,
      action: "bench.change",
      recordType: "Bench",
    });
  });
const counter = { statements: 0, sqlMs: 0 };
const measure = (path: string, cookie: string) => measureRequest(`${base}${path}`, cookie, counter);

await measureAppOnScratch(scratch, async (startApp) => {
  console.log(
    reused
      ? `Reusing ${name}; migrating…`
      : `Scratch database ${name}; ${BENCH.stories.toLocaleString("en")} stories. Migrating and generating…`,
  );
  await applyMigrations(url);
  if (!reused) {
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    await client.connect();
    await generateFieldwork(client, () => {});
    await generateDashboardExtras(client, console.log);
    await client.end();
  }

  const cookie = await leadSessionCookie(url, secret);
  changes = createPrismaClient(url, 1);
  await startApp({ port, url, secret, base, counter });

  const [one, five] = loadavg();
  console.log(
    `\n${runs} runs each after 3 warm-up requests; ${cpus().length} cores; load average ${one!.toFixed(2)} ${five!.toFixed(2)}\n`,
  );
  console.log(
    `${"dashboard".padEnd(38)} ${"status".padStart(6)} ${"stmts".padStart(5)} ${"SQL p50".padStart(8)} ${"SQL p95".padStart(8)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)}`,
  );
  for (const [page, afterChange] of PAGES.flatMap(
    (page) =>
      [
        [page, false],
        [page, true],
      ] as const,
  )) {
    for (let i = 0; i < 3; i++) await measure(page.path, cookie);
    const samples = [];
    for (let i = 0; i < runs; i++) {
      if (afterChange) await recordChange();
      samples.push(await measure(page.path, cookie));
    }
    const fixed = (values: number[], p: number) => percentile(values, p).toFixed(1);
    console.log(
      `${`${page.label}${afterChange ? ", after a change" : ""}`.padEnd(38)} ${String(samples[0]!.status).padStart(6)} ${String(
        percentile(
          samples.map((s) => s.statements),
          50,
        ),
      ).padStart(5)} ` +
        `${fixed(
          samples.map((s) => s.sqlMs),
          50,
        ).padStart(8)} ${fixed(
          samples.map((s) => s.sqlMs),
          95,
        ).padStart(8)} ${fixed(
          samples.map((s) => s.ms),
          50,
        ).padStart(7)} ${fixed(
          samples.map((s) => s.ms),
          95,
        ).padStart(7)}`,
    );
  }
  console.log(
    `\nload average at the end: ${loadavg()[0]!.toFixed(2)}. SQL: the summed time of the request's statements (they run in parallel, so it can exceed the server time).`,
  );
  await changes.$disconnect();
});
