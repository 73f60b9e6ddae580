/**
 * `npm run bench:voting`: 200 panelists each submitting their 3 ballots against the running app on
 * real PostgreSQL, then a check in the database. Prints figures; asserts nothing.
 *
 * Creates a scratch database on the server in BENCH_DATABASE_URL (default: the local server),
 * migrates it, writes one evaluation with a panel of 200 panelists (each with an open session, as a
 * sign-in leaves) and one OPEN scoring round of 3 stories per scenario, starts the app on it with
 * `npm start` (port BENCH_PORT, default 3202; needs `npm run build` first) and runs the scenarios,
 * once with each number of workers in BENCH_WORKERS (default "1,<cores>": one process, then one
 * per core; see docs/decisions/0023-one-worker-per-core.md):
 *
 * - floor: 200 requests of the app's most trivial server action (it sets the language cookie) at
 *   once: what a simultaneous burst costs before any voting work;
 * - sheets at once: each panelist's 3 ballots in one request, as the ballot form sends them, all
 *   200 in the same instant;
 * - single ballots at once: 600 requests of one ballot each, all in the same instant;
 * - sheets within N seconds: the 200 submissions at random moments over N seconds, as when a panel
 *   votes together at the end of a meeting.
 *
 * For each: p50/p95/max latency, the CPU the app's processes and its PostgreSQL backends spent
 * per request (steady whatever else the machine runs), and the counts of accepted, refused, lost
 * and duplicate ballots and server errors. The target: the sheets at once within twice the floor's p95 of the same run.
 * Ends with one line per number of workers. Drops its database at the end.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { encode } from "next-auth/jwt";
import { createPrismaClient } from "../lib/db";
import { cpuAccountingAvailable, cpuByProcess, cpuMs, cpuSpent, processTree } from "./bench-cpu";
import { applyMigrations } from "../lib/db/migrations";
import { buildChangeStory, buildDomain, buildEvaluation, buildMembership, buildUser } from "../tests/factories";
import { benchAppEnv, exitUnlessBuilt, stopApp as stopRunningApp, waitHealthy } from "./bench-app";
import { createScratchDatabase } from "./bench-database";
import { percentile } from "./bench-stats";

exitUnlessBuilt();
const PANELISTS = 200;
const BALLOTS_EACH = 3;
/**
 * BENCH_SCENARIOS picks what runs beside the floor and the sheets at once (default all:
 * "singles,5,10,30"); e.g. "30" for a shorter run that still shows a sheet's CPU without a queue.
 */
const scenarios = new Set((process.env.BENCH_SCENARIOS ?? "singles,5,10,30").split(",").map((s) => s.trim()));
const WINDOWS_S = [5, 10, 30].filter((seconds) => scenarios.has(String(seconds)));
/** The sheets at once may take at most this many times the floor's p95 measured in the same run. */
const TARGET_FLOOR_RATIO = 2;
const workerCounts = [...new Set((process.env.BENCH_WORKERS ?? `1,${availableParallelism()}`).split(",").map(Number))];
if (workerCounts.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) {
  console.error("BENCH_WORKERS must list whole numbers from 1 to 16, such as 1,2.");
  process.exit(1);
}
const port = Number(process.env.BENCH_PORT ?? 3202);
const base = `http://localhost:${port}`;
const secret = randomBytes(32).toString("base64");
const scratch = await createScratchDatabase();
const { name, url, admin } = scratch;

type Vote = { storyId: string; score: number; reason: string };
type Outcome = { ms: number; status: number; ok: boolean; code: string };
type Submission = { panelistId: string; votes: Vote[] };

/** The action's id as the build registered it (what a browser sends in the Next-Action header). */
function actionId(exportName: string, file: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(
    ([, value]) => value.exportedName === exportName && (value.filename ?? "").includes(file),
  );
  if (!entry) throw new Error(`No server action ${exportName} in the build: rebuild (npm run build).`);
  return entry[0];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Before a burst, waits out the server's keep-alive (5 s), so that no request of the burst goes
 * out on a kept-alive connection the server is closing at that moment (a failure the app never
 * sees). A failed request then names its cause (FETCH_FAILED:<code>).
 */
const idleConnectionsClosed = () => sleep(6_000);

let app: ReturnType<typeof spawn> | null = null;
// ── the app, started like `npm start` does for a real database, with a given number of workers
const identityKey = randomBytes(32).toString("base64");
async function startApp(workers: number) {
  console.log(
    `\n── ${workers} worker${workers === 1 ? "" : "s"}: starting the app on ${base} (scratch database ${name})…`,
  );
  app = spawn("npm", ["start"], {
    env: benchAppEnv({ port, url, secret, base, workers, identityKey }),
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitHealthy(base, 120_000);
}
async function stopApp() {
  const running = app;
  app = null;
  await stopRunningApp(running);
}

type CpuSnapshot = { app: number; database: Map<number, number> };
async function cpuSnapshot(): Promise<CpuSnapshot | null> {
  if (!cpuAccountingAvailable || !app?.pid) return null;
  const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [name]);
  return { app: cpuMs(processTree(app.pid)), database: cpuByProcess(rows.map((row) => row.pid)) };
}
/** CPU per request between two snapshots; a backend that appeared in between counts from zero. */
function cpuPerRequest(before: CpuSnapshot | null, after: CpuSnapshot | null, requests: number): string {
  if (!before || !after) return "";
  const database = cpuSpent(before.database, after.database);
  return ` · CPU per request: app ${((after.app - before.app) / requests).toFixed(1)} ms, PostgreSQL ${(database / requests).toFixed(1)} ms`;
}

const prisma = createPrismaClient(url);
try {
  await applyMigrations(url);
  // ── the world: one evaluation, a lead, 200 panelists (+1 for warm-up), 3 stories, a round per scenario
  const evaluation = buildEvaluation({ name: "Bench voting" });
  const lead = buildUser({ name: "Bench lead" });
  const panelists = Array.from({ length: PANELISTS + 1 }, (_, i) => buildUser({ name: `Bench panelist ${i}` }));
  const domain = buildDomain({ evaluationId: evaluation.id, position: 1 });
  const stories = Array.from({ length: BALLOTS_EACH }, () =>
    buildChangeStory({ evaluationId: evaluation.id, authorId: lead.id, stage: "IN_SELECTION" }),
  );
  await prisma.evaluation.create({ data: evaluation });
  await prisma.user.createMany({ data: [lead, ...panelists] });
  await prisma.evaluationMember.createMany({
    data: [
      buildMembership({ evaluationId: evaluation.id, userId: lead.id, roles: ["LEAD"] }),
      ...panelists.map((p) => buildMembership({ evaluationId: evaluation.id, userId: p.id, roles: ["PANELIST"] })),
    ],
  });
  await prisma.domain.create({ data: domain });
  await prisma.changeStory.createMany({ data: stories });
  const panel = await prisma.selectionPanel.create({
    data: { evaluationId: evaluation.id, name: "Bench panel", level: "DOMAIN", domainId: domain.id },
  });
  await prisma.panelMember.createMany({
    data: panelists.map((p) => ({ evaluationId: evaluation.id, panelId: panel.id, userId: p.id })),
  });
  async function openRound(label: string): Promise<string> {
    const round = await prisma.selectionRound.create({
      data: {
        evaluationId: evaluation.id,
        panelId: panel.id,
        name: `Bench round ${label}`,
        domainId: domain.id,
        method: "SCORING",
        scoreScaleMax: 5,
        deadline: new Date(Date.now() + 86_400_000),
        status: "OPEN",
        version: 2,
      },
    });
    await prisma.roundCandidate.createMany({
      data: stories.map((story) => ({ evaluationId: evaluation.id, roundId: round.id, storyId: story.id })),
    });
    return round.id;
  }
  // An open session per panelist, and its cookie, as a password sign-in would leave them.
  const cookies = new Map<string, string>();
  for (const panelist of panelists) {
    const session = await prisma.userSession.create({
      data: { userId: panelist.id, expiresAt: new Date(Date.now() + 8 * 3_600_000) },
    });
    const token = await encode({
      token: { sub: panelist.id, sid: session.id, name: panelist.name, email: panelist.email },
      secret,
    });
    cookies.set(panelist.id, `next-auth.session-token=${token}`);
  }

  const castId = actionId("castSelectionBallots", "lib/selection/actions");
  const localeId = actionId("setLocale", "lib/i18n/actions");

  /** One request of the ballot form: the panelist's votes on one round. */
  async function cast(roundId: string, submission: Submission): Promise<Outcome> {
    const started = performance.now();
    try {
      const response = await fetch(`${base}/evaluations/${evaluation.id}/selection/rounds/${roundId}`, {
        method: "POST",
        headers: {
          "Next-Action": castId,
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
          Origin: base,
          Cookie: cookies.get(submission.panelistId)!,
        },
        body: JSON.stringify([{ evaluationId: evaluation.id, roundId, votes: submission.votes }]),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      const line = text.split("\n").find((l) => l.includes('"ok":'));
      const result = line
        ? (JSON.parse(line.slice(line.indexOf(":") + 1)) as { ok: boolean; error?: string; reason?: string })
        : null;
      return {
        ms,
        status: response.status,
        ok: result?.ok === true,
        code: result ? (result.ok ? "OK" : `${result.error}${result.reason ? `:${result.reason}` : ""}`) : "NO_RESULT",
      };
    } catch (error) {
      // fetch says only "fetch failed"; the cause names what the connection did (reset, closed, timeout).
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      return {
        ms: performance.now() - started,
        status: 0,
        ok: false,
        code: `FETCH_FAILED:${cause?.code ?? cause?.message ?? (error as Error).message}`,
      };
    }
  }

  /** The trivial action: sets the language cookie. Its argument is a FormData, as React encodes one. */
  async function trivial(panelistId: string): Promise<Outcome> {
    const started = performance.now();
    const form = new FormData();
    form.append("1_locale", "es");
    form.append("0", JSON.stringify(["$K1"]));
    const response = await fetch(`${base}/evaluations/${evaluation.id}`, {
      method: "POST",
      headers: { "Next-Action": localeId, Accept: "text/x-component", Origin: base, Cookie: cookies.get(panelistId)! },
      body: form,
    });
    await response.text();
    return {
      ms: performance.now() - started,
      status: response.status,
      ok: response.ok,
      code: response.ok ? "OK" : `HTTP_${response.status}`,
    };
  }

  const vote = (storyId: string, score: number, panelistId: string): Vote => ({
    storyId,
    score,
    reason: `Razón del panelista ${panelistId}.`,
  });
  const counted = panelists.slice(0, PANELISTS);
  const sheets: Submission[] = counted.map((p, i) => ({
    panelistId: p.id,
    votes: stories.map((story, j) => vote(story.id, ((i + j) % 5) + 1, p.id)),
  }));
  const singles: Submission[] = sheets.flatMap((sheet) =>
    sheet.votes.map((v) => ({ panelistId: sheet.panelistId, votes: [v] })),
  );

  type Summary = {
    workers: number;
    floorP95: number;
    sheetsP95: number;
    lost: number;
    duplicates: number;
    errors: number;
  };
  const summaries: Summary[] = [];
  const warm = panelists[PANELISTS]!;

  for (const workers of workerCounts) {
    await startApp(workers);
    const run = `${workers}w`;
    // Warm-up by the extra panelist on a round of its own (the first requests load and cache code);
    // in bursts of parallel connections, so that every worker is warm; not counted.
    const warmRound = await openRound(`${run} warm-up`);
    for (let burst = 0; burst < 5; burst += 1) {
      await Promise.all(Array.from({ length: workers * 4 }, () => trivial(warm.id)));
      await Promise.all(
        Array.from({ length: workers * 2 }, (_, i) =>
          cast(warmRound, {
            panelistId: warm.id,
            votes: stories.map((story, j) => vote(story.id, ((burst + i + j) % 5) + 1, warm.id)),
          }),
        ),
      );
    }
    const alone: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const outcome = await cast(warmRound, {
        panelistId: warm.id,
        votes: stories.map((story, j) => vote(story.id, ((i + j) % 5) + 1, warm.id)),
      });
      if (i === 0 && !outcome.ok) throw new Error(`Warm-up ballot refused: ${outcome.status} ${outcome.code}`);
      if (i >= 10) alone.push(outcome.ms);
    }
    const floorAlone: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const outcome = await trivial(warm.id);
      if (i >= 10) floorAlone.push(outcome.ms);
    }
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    console.log(
      `one request at a time (warm): a sheet of 3 ballots p50 ${percentile(alone, 50).toFixed(1)} ms; the trivial action p50 ${percentile(floorAlone, 50).toFixed(1)} ms`,
    );

    function report(label: string, outcomes: Outcome[], wallMs: number, extra = "") {
      // Sorted for the max; the percentiles sort their own copy.
      const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      const errors = outcomes.filter(
        (o) => o.status >= 500 || o.status === 0 || o.code === "UNEXPECTED" || o.code === "NO_RESULT",
      ).length;
      console.log(
        `${label.padEnd(34)} ${String(outcomes.length).padStart(4)} req in ${(wallMs / 1000).toFixed(2).padStart(5)} s · p50 ${percentile(times, 50).toFixed(0).padStart(5)} ms · p95 ${p95.toFixed(0).padStart(5)} ms · max ${times.at(-1)!.toFixed(0).padStart(5)} ms · server errors ${errors}${extra}`,
      );
      return { p95, errors };
    }

    /** Fires the submissions at the given offsets (ms from now), then checks the round's ballots in the database. */
    async function scenario(label: string, submissions: Submission[], offsets: number[]) {
      const roundId = await openRound(`${run} ${label}`);
      await idleConnectionsClosed();
      const cpuBefore = await cpuSnapshot();
      const started = performance.now();
      const outcomes = await Promise.all(
        submissions.map(async (submission, i) =>
          (offsets[i]! > 0 ? sleep(offsets[i]!) : Promise.resolve()).then(() => cast(roundId, submission)),
        ),
      );
      const wall = performance.now() - started;
      const cpu = cpuPerRequest(cpuBefore, await cpuSnapshot(), submissions.length);
      const rows = await prisma.ballot.findMany({ where: { roundId }, select: { panelistId: true, storyId: true } });
      const stored = new Set(rows.map((r) => `${r.panelistId}/${r.storyId}`));
      const accepted = submissions.filter((_, i) => outcomes[i]!.ok);
      const lost = accepted
        .flatMap((s) => s.votes.map((v) => `${s.panelistId}/${v.storyId}`))
        .filter((key) => !stored.has(key)).length;
      const refusals = new Map<string, number>();
      for (const o of outcomes.filter((o) => !o.ok)) refusals.set(o.code, (refusals.get(o.code) ?? 0) + 1);
      const ballots = submissions.reduce((sum, s) => sum + s.votes.length, 0);
      return {
        ...report(
          label,
          outcomes,
          wall,
          ` · ballots stored ${rows.length}/${ballots}, lost ${lost}, duplicates ${rows.length - stored.size}${refusals.size ? `, refused ${[...refusals].map(([k, v]) => `${k}: ${v}`).join(", ")}` : ""}${cpu}`,
        ),
        lost,
        duplicates: rows.length - stored.size,
      };
    }

    console.log(
      `${PANELISTS} panelists × ${BALLOTS_EACH} ballots; target: the sheets at once within ${TARGET_FLOOR_RATIO}× the floor's p95`,
    );
    await idleConnectionsClosed();
    const floorCpu = await cpuSnapshot();
    const floorStarted = performance.now();
    const floorOutcomes = await Promise.all(counted.map((p) => trivial(p.id)));
    const floor = report(
      "floor: trivial action, all at once",
      floorOutcomes,
      performance.now() - floorStarted,
      cpuPerRequest(floorCpu, await cpuSnapshot(), counted.length),
    );
    const atOnce = await scenario(
      "sheets, all at once",
      sheets,
      sheets.map(() => 0),
    );
    summaries.push({
      workers,
      floorP95: floor.p95,
      sheetsP95: atOnce.p95,
      lost: atOnce.lost,
      duplicates: atOnce.duplicates,
      errors: atOnce.errors,
    });
    if (scenarios.has("singles"))
      await scenario(
        "single ballots, all at once",
        singles,
        singles.map(() => 0),
      );
    for (const seconds of WINDOWS_S) {
      await scenario(
        `sheets within ${seconds} s`,
        sheets,
        sheets.map(() => Math.random() * seconds * 1000),
      );
    }
    await stopApp();
  }

  console.log(
    `\n200 sheets at the same instant (machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}):`,
  );
  for (const s of summaries) {
    const ratio = s.sheetsP95 / s.floorP95;
    console.log(
      `${String(s.workers).padStart(2)} worker${s.workers === 1 ? " " : "s"} · p95 ${s.sheetsP95.toFixed(0).padStart(5)} ms = ${ratio.toFixed(1)}× the floor's ${s.floorP95.toFixed(0)} ms ${ratio <= TARGET_FLOOR_RATIO ? "(within" : "(over"} the ${TARGET_FLOOR_RATIO}× target) · lost ${s.lost}, duplicates ${s.duplicates}, server errors ${s.errors}`,
    );
  }
} finally {
  await stopApp();
  await prisma.$disconnect();
  await scratch.drop();
}
