/**
 * `npm run bench:voting`: 200 panelists each submitting 3 ballots at once (600 concurrent server
 * action requests) against the running app on real PostgreSQL, then a check in the database.
 * Creates a scratch database on the server in BENCH_DATABASE_URL (default: the local server),
 * migrates it, writes one evaluation with an OPEN scoring round of 3 stories on a panel of 200
 * panelists (each with an open session, as a sign-in leaves), starts the app on it with
 * `npm start` (port BENCH_PORT, default 3202; needs `npm run build` first, like bench:start),
 * and fires the submissions. Prints p50/p95/max latency and the counts of accepted, refused, lost
 * and duplicate ballots and server errors. Drops its database at the end. Asserts nothing.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { createPrismaClient } from "../lib/db";
import { applyMigrations } from "../lib/db/migrations";
import { buildChangeStory, buildDomain, buildEvaluation, buildMembership, buildUser } from "../tests/factories";

if (!existsSync(".next/BUILD_ID")) {
  console.error("Run `npm run build` first: this measures the running app, not the build.");
  process.exit(1);
}
const PANELISTS = 200;
const BALLOTS_EACH = 3;
const port = Number(process.env.BENCH_PORT ?? 3202);
const base = `http://localhost:${port}`;
const secret = randomBytes(32).toString("base64");
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `msc_bench_${randomBytes(3).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();

/** The action's id as the build registered it (what a browser sends in the Next-Action header). */
function actionId(exportName: string, file = "lib/selection/actions"): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const entry = Object.entries(manifest.node).find(([, value]) => value.exportedName === exportName && (value.filename ?? "").includes(file));
  if (!entry) throw new Error(`No server action ${exportName} in the build: rebuild (npm run build).`);
  return entry[0];
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function waitHealthy(deadlineMs: number) {
  const started = performance.now();
  while (performance.now() - started < deadlineMs) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("The app did not become healthy within two minutes.");
}

let app: ReturnType<typeof spawn> | null = null;
const prisma = createPrismaClient(url);
try {
  await applyMigrations(url);
  // ── the world: one evaluation, a lead, 200 panelists (+1 for warm-up), an open scoring round of 3 stories
  const evaluation = buildEvaluation({ name: "Bench voting" });
  const lead = buildUser({ name: "Bench lead" });
  const panelists = Array.from({ length: PANELISTS + 1 }, (_, i) => buildUser({ name: `Bench panelist ${i}` }));
  const domain = buildDomain({ evaluationId: evaluation.id, position: 1 });
  const stories = Array.from({ length: BALLOTS_EACH }, () => buildChangeStory({ evaluationId: evaluation.id, authorId: lead.id, stage: "IN_SELECTION" }));
  await prisma.evaluation.create({ data: evaluation });
  await prisma.user.createMany({ data: [lead, ...panelists] });
  await prisma.evaluationMember.createMany({
    data: [buildMembership({ evaluationId: evaluation.id, userId: lead.id, roles: ["LEAD"] }), ...panelists.map((p) => buildMembership({ evaluationId: evaluation.id, userId: p.id, roles: ["PANELIST"] }))],
  });
  await prisma.domain.create({ data: domain });
  await prisma.changeStory.createMany({ data: stories });
  const panel = await prisma.selectionPanel.create({ data: { evaluationId: evaluation.id, name: "Bench panel", level: "DOMAIN", domainId: domain.id } });
  await prisma.panelMember.createMany({ data: panelists.map((p) => ({ evaluationId: evaluation.id, panelId: panel.id, userId: p.id })) });
  const round = await prisma.selectionRound.create({
    data: { evaluationId: evaluation.id, panelId: panel.id, name: "Bench round", domainId: domain.id, method: "SCORING", scoreScaleMax: 5, deadline: new Date(Date.now() + 86_400_000), status: "OPEN", version: 2 },
  });
  await prisma.roundCandidate.createMany({ data: stories.map((story) => ({ evaluationId: evaluation.id, roundId: round.id, storyId: story.id })) });
  // An open session per panelist, and its cookie, as a password sign-in would leave them.
  const cookies = new Map<string, string>();
  for (const panelist of panelists) {
    const session = await prisma.userSession.create({ data: { userId: panelist.id, expiresAt: new Date(Date.now() + 8 * 3_600_000) } });
    const token = await encode({ token: { sub: panelist.id, sid: session.id, name: panelist.name, email: panelist.email }, secret });
    cookies.set(panelist.id, `next-auth.session-token=${token}`);
  }

  // ── the app, started like `npm start` does for a real database
  console.log(`Scratch database ${name}; starting the app on ${base}…`);
  app = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, AUTH_SECRET: secret, IDENTITY_ENCRYPTION_KEY: randomBytes(32).toString("base64"), APP_BASE_URL: base, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitHealthy(120_000);

  const id = actionId("castSelectionBallots");
  const page = `${base}/evaluations/${evaluation.id}/selection/rounds/${round.id}`;
  type Outcome = { ms: number; status: number; ok: boolean; code: string };
  async function submit(panelistId: string, storyId: string, score: number): Promise<Outcome> {
    const started = performance.now();
    try {
      const response = await fetch(page, {
        method: "POST",
        headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: base, Cookie: cookies.get(panelistId)! },
        body: JSON.stringify([{ evaluationId: evaluation.id, roundId: round.id, votes: [{ storyId, score, reason: `Razón del panelista ${panelistId}.` }] }]),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      const line = text.split("\n").find((l) => l.includes('"ok":'));
      const result = line ? (JSON.parse(line.slice(line.indexOf(":") + 1)) as { ok: boolean; error?: string; reason?: string }) : null;
      return { ms, status: response.status, ok: result?.ok === true, code: result ? (result.ok ? "OK" : `${result.error}${result.reason ? `:${result.reason}` : ""}`) : "NO_RESULT" };
    } catch (error) {
      return { ms: performance.now() - started, status: 0, ok: false, code: `FETCH_FAILED:${(error as Error).message}` };
    }
  }

  // Warm-up by the extra panelist (the first requests compile and cache routes); not counted.
  const warm = panelists[PANELISTS]!;
  const sequential: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const outcome = await submit(warm.id, stories[i % BALLOTS_EACH]!.id, (i % 5) + 1);
    if (i === 0 && !outcome.ok) throw new Error(`Warm-up ballot refused: ${outcome.status} ${outcome.code}`);
    if (i >= 10) sequential.push(outcome.ms);
  }
  sequential.sort((a, b) => a - b);
  console.log(`one ballot at a time (warm, not counted): p50 ${percentile(sequential, 50).toFixed(1)} ms, max ${sequential.at(-1)!.toFixed(1)} ms`);
  // Baseline on the same machine at the same moment: the app's most trivial server action (sets the language cookie).
  const localeId = actionId("setLocale", "lib/i18n/actions");
  const baseline: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const t0 = performance.now();
    // Its argument is a FormData, sent as React encodes one: the entries prefixed, the argument list in "0".
    const form = new FormData();
    form.append("1_locale", "es");
    form.append("0", JSON.stringify(["$K1"]));
    await (await fetch(page, { method: "POST", headers: { "Next-Action": localeId, Accept: "text/x-component", Origin: base, Cookie: cookies.get(warm.id)! }, body: form })).text();
    baseline.push(performance.now() - t0);
  }
  baseline.sort((a, b) => a - b);
  console.log(`baseline, a trivial server action one at a time: p50 ${percentile(baseline, 50).toFixed(1)} ms`);

  const counted = panelists.slice(0, PANELISTS);
  console.log(`Firing ${PANELISTS} panelists × ${BALLOTS_EACH} ballots = ${PANELISTS * BALLOTS_EACH} requests at once…`);
  const started = performance.now();
  const outcomes = await Promise.all(counted.flatMap((p, i) => stories.map((story, j) => submit(p.id, story.id, ((i + j) % 5) + 1).then((o) => ({ ...o, panelistId: p.id, storyId: story.id })))));
  const wall = performance.now() - started;

  // ── the database afterwards
  const rows = await prisma.ballot.findMany({ where: { roundId: round.id, panelistId: { in: counted.map((p) => p.id) } }, select: { panelistId: true, storyId: true } });
  const stored = new Set(rows.map((r) => `${r.panelistId}/${r.storyId}`));
  const duplicates = rows.length - stored.size;
  const accepted = outcomes.filter((o) => o.ok);
  const lost = accepted.filter((o) => !stored.has(`${o.panelistId}/${o.storyId}`)).length;
  const serverErrors = outcomes.filter((o) => o.status >= 500 || o.status === 0 || o.code === "UNEXPECTED" || o.code === "NO_RESULT").length;
  const refused = outcomes.filter((o) => !o.ok);
  const refusals = new Map<string, number>();
  for (const o of refused) refusals.set(o.code, (refusals.get(o.code) ?? 0) + 1);
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);

  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`requests ${outcomes.length} in ${(wall / 1000).toFixed(2)} s wall time (${(outcomes.length / (wall / 1000)).toFixed(0)} req/s)`);
  console.log(`latency p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
  console.log(`accepted ${accepted.length}, refused ${refused.length}${refusals.size ? ` (${[...refusals].map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""}`);
  console.log(`in the database: ${rows.length} ballots for ${PANELISTS * BALLOTS_EACH} submissions; lost ${lost}, duplicates ${duplicates}, server errors ${serverErrors}`);
} finally {
  if (app?.pid) {
    process.kill(-app.pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  await prisma.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
