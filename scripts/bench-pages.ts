/**
 * `npm run bench:pages`: each page's server time beside the time of its own SQL statements, over
 * HTTP against the production build, on the bench:fieldwork data (100,000 stories, 20,000
 * respondents, 20,000 interviews with long transcripts, 1,000,000 audit events).
 *
 * Uses a database kept by `BENCH_KEEP=1 npm run bench:fieldwork` (or by this bench with BENCH_KEEP=1) when BENCH_REUSE=<its name> is
 * set; otherwise creates one on BENCH_DATABASE_URL (default: the local server), generates the data
 * (BENCH_SCALE shrinks it for a trial run) and drops it at the end. Starts the app with `npm start`
 * (needs `npm run build`) and SQL_STATEMENT_TIMING=1, so the app prints one line per statement with
 * its duration (lib/db.ts); requests go one at a time, so every line belongs to the page asked for.
 *
 * Prints, per page: statements per request, their summed time, the server time (request sent to
 * last byte, on localhost) at p50/p95, server time over SQL time, the HTML's size gzipped, and the
 * CPU time per request of the app's processes and of its database backends. On a machine shared
 * with other work the times swing with the load average (printed at the start and the end); the
 * CPU times do not, and their ratio says what the page costs beside its SQL wherever it runs.
 * Targets (issue 15): <= 8 statements and <= 2x the SQL time per page. Asserts nothing.
 */
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrations";
import { createScratchDatabase, keptDatabaseOptions } from "./bench-database";
import { ensureAuditChain } from "./bench-fieldwork-audit";
import { BENCH, generateFieldwork } from "./bench-fieldwork-data";
import { BENCH_PANELIST, BENCH_ROUNDS, ensureSelectionRounds } from "./bench-fieldwork-rounds";
import { exitUnlessBuilt, leadSessionCookie, measureAppOnScratch, measureRequest } from "./bench-app";
import { cpuAccountingAvailable, cpuByProcess, cpuMs, cpuSpent, processTree } from "./bench-cpu";
import { percentile } from "./bench-stats";

exitUnlessBuilt();

const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? 20) || 20);
/**
 * Rounds of every page, in turn, before anything is measured. A freshly started worker runs its
 * code in V8's interpreter until the code is hot: the frame every page shares took 34 ms in its first
 * tens of requests and about 10 ms once warm. A server in use is warm, so the figures are taken then;
 * BENCH_WARMUP=0 measures a cold start's first requests instead.
 */
const warmupRounds = Math.max(0, Number(process.env.BENCH_WARMUP ?? 30) || 0);
const port = Number(process.env.BENCH_PORT ?? 3203);
const base = `http://localhost:${port}`;
const scratch = await createScratchDatabase(keptDatabaseOptions());
const { name, url, admin } = scratch;
const secret = randomBytes(32).toString("base64");
const e = BENCH.evaluationId;

/**
 * The pages measured: the lists, a record of each kind, the search (a common and a rarer word), the
 * trail, the dashboard, and the selection rounds (scripts/bench-fieldwork-rounds.ts) as the lead
 * and as a panelist sees them. The lead reads each page unless `as` names the panelist.
 */
const PAGES: Array<{ label: string; path: string; as?: "panelist" }> = [
  // What every request costs before a page reads anything: the frame of CPU the others are above.
  { label: "health check (a route handler, no page)", path: "/api/health" },
  { label: "unknown evaluation (404: the frame alone)", path: "/evaluations/no-such-evaluation" },
  { label: "dashboard (evaluation home)", path: `/evaluations/${e}` },
  { label: "story list", path: `/evaluations/${e}/stories` },
  { label: "story list, filtered by stage", path: `/evaluations/${e}/stories?stage=SCREENED` },
  { label: "respondent list", path: `/evaluations/${e}/respondents` },
  { label: "interview list", path: `/evaluations/${e}/interviews` },
  { label: "focus-group list", path: `/evaluations/${e}/focus-groups` },
  { label: "story page", path: `/evaluations/${e}/stories/st500` },
  { label: "interview page (30,000-character transcript)", path: `/evaluations/${e}/interviews/iv500` },
  { label: "search: common word (inspectores)", path: `/evaluations/${e}/search?q=inspectores` },
  { label: "search: rarer word (acoso)", path: `/evaluations/${e}/search?q=acoso` },
  { label: "audit trail", path: `/evaluations/${e}/audit` },
  { label: "round, open (lead: reminder)", path: `/evaluations/${e}/selection/rounds/${BENCH_ROUNDS.open}` },
  {
    label: "round, open (panelist: ballot of 20)",
    path: `/evaluations/${e}/selection/rounds/${BENCH_ROUNDS.open}`,
    as: "panelist",
  },
  {
    label: "round, closed (lead: tally, decision form)",
    path: `/evaluations/${e}/selection/rounds/${BENCH_ROUNDS.closed}`,
  },
  {
    label: "round, decided (lead: tally, decision)",
    path: `/evaluations/${e}/selection/rounds/${BENCH_ROUNDS.decided}`,
  },
];

type Sample = { ms: number; statements: number; sqlMs: number; status: number; gzipBytes: number };

const counter = { statements: 0, sqlMs: 0 };

/** One request; the statements printed meanwhile are the page's. */
async function measure(path: string, cookie: string): Promise<Sample> {
  const { body, ...sample } = await measureRequest(`${base}${path}`, cookie, counter);
  return { ...sample, gzipBytes: gzipSync(body).length };
}

await measureAppOnScratch(scratch, async (startApp) => {
  if (!scratch.reused) {
    console.log(`Scratch database ${name}; migrating and generating the bench:fieldwork data…`);
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {}); // dropped with the database if a step fails; the step's own error is the one to print
    await client.connect();
    await generateFieldwork(client, () => {});
    await ensureAuditChain(client);
    await client.end();
  } else {
    await applyMigrations(url);
    // A database kept before the rounds were part of the data gets them now.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await ensureSelectionRounds(client);
    await client.end();
  }

  // An open session for the lead (u1), as a password sign-in leaves it.
  const cookies = {
    lead: await leadSessionCookie(url, secret),
    panelist: await leadSessionCookie(url, secret, BENCH_PANELIST),
  };
  const app = await startApp({ port, url, secret, base, counter });

  /** CPU ms so far of the app's processes, and of each of the database's backends for this database. */
  const cpuNow = async () => {
    if (!cpuAccountingAvailable || !app.pid) return { app: 0, database: new Map<number, number>() };
    const backends = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [name]);
    return { app: cpuMs(processTree(app.pid)), database: cpuByProcess(backends.rows.map((row) => row.pid)) };
  };
  for (let round = 0; round < warmupRounds; round++) {
    for (const page of PAGES) await measure(page.path, cookies[page.as ?? "lead"]);
  }
  const [one, five, fifteen] = loadavg();
  console.log(
    `\n${runs} runs per page after ${warmupRounds} warm-up rounds of every page and 3 more requests each; ${cpus().length} cores; load average ${one!.toFixed(2)} ${five!.toFixed(2)} ${fifteen!.toFixed(2)}\n`,
  );
  console.log(
    `${"page".padEnd(48)} ${"status".padStart(6)} ${"stmts".padStart(5)} ${"SQL ms".padStart(7)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"ratio".padStart(6)} ${"HTML gz".padStart(8)} ${"app CPU".padStart(8)} ${"DB CPU".padStart(7)}`,
  );
  for (const page of PAGES) {
    const cookie = cookies[page.as ?? "lead"];
    for (let i = 0; i < 3; i++) await measure(page.path, cookie);
    const samples: Sample[] = [];
    const cpuBefore = await cpuNow();
    for (let i = 0; i < runs; i++) samples.push(await measure(page.path, cookie));
    const cpuAfter = await cpuNow();
    const perRequest = (ms: number) => `${(ms / runs).toFixed(1)} ms`;
    const p50 = percentile(
      samples.map((s) => s.ms),
      50,
    );
    const sql = percentile(
      samples.map((s) => s.sqlMs),
      50,
    );
    const statements = percentile(
      samples.map((s) => s.statements),
      50,
    );
    console.log(
      `${page.label.padEnd(48)} ${String(samples[0]!.status).padStart(6)} ${String(statements).padStart(5)} ${sql.toFixed(1).padStart(7)} ${p50.toFixed(1).padStart(7)} ` +
        `${percentile(
          samples.map((s) => s.ms),
          95,
        )
          .toFixed(1)
          .padStart(
            7,
          )} ${(sql > 0 ? p50 / sql : 0).toFixed(1).padStart(6)} ${`${(samples[0]!.gzipBytes / 1024).toFixed(1)} kB`.padStart(8)} ` +
        `${perRequest(cpuAfter.app - cpuBefore.app).padStart(8)} ${perRequest(cpuSpent(cpuBefore.database, cpuAfter.database)).padStart(7)}`,
    );
  }
  const [after] = loadavg();
  console.log(
    `\nload average at the end: ${after!.toFixed(2)}. Ratio: p50 server time over the p50 of the summed statement times. CPU: per request, the app's processes and the database's backends (ticks of 10 ms, summed over the runs; a parallel worker that ended within a run is not counted).`,
  );
});
