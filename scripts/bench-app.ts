/** What the benchmarks that start the app share. */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { createPrismaClient, STATEMENT_LINE } from "../lib/db";

/** Ends the benchmark before it makes a database when there is no production build to start. */
export function exitUnlessBuilt(): void {
  if (existsSync(".next/BUILD_ID")) return;
  console.error("Run `npm run build` first: this measures the running app, not the build.");
  process.exit(1);
}

/** Resolves once the app at `base` answers its health check; throws after `deadlineMs`. */
export async function waitHealthy(base: string, deadlineMs: number): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < deadlineMs) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The app did not become healthy within ${Math.round(deadlineMs / 1000)} s.`);
}

/**
 * A signed session cookie for a user of the bench data (the lead, u1, unless told), with an open
 * session row as sign-in leaves.
 */
export async function leadSessionCookie(url: string, secret: string, userId = "u1"): Promise<string> {
  const prisma = createPrismaClient(url);
  const session = await prisma.userSession.create({
    data: { userId, expiresAt: new Date(Date.now() + 8 * 3_600_000) },
  });
  const token = await encode({
    token: { sub: userId, sid: session.id, name: `Persona ${userId.slice(1)}`, email: `${userId}@bench.example` },
    secret,
  });
  await prisma.$disconnect();
  return `next-auth.session-token=${token}`;
}

/**
 * A checkpoint file of this run alone, removed when the benchmark ends. Without it the app would
 * extend the checkout's own (DATA_DIR/audit-checkpoints.jsonl), signed with another key, and print
 * "Could not write the audit checkpoint" (lib/audit-anchor/writer.ts).
 */
function scratchCheckpointFile(): string {
  const file = path.join(tmpdir(), `msc-bench-checkpoints-${randomUUID()}.jsonl`);
  process.once("exit", () => rmSync(file, { force: true }));
  return file;
}

/**
 * What `npm start` gets in a benchmark: its scratch database, secrets, address and number of
 * workers, warnings only, and a scratch checkpoint file. `identityKey` stays the same across
 * restarts on one database when given; a new one otherwise.
 */
export function benchAppEnv(options: {
  port: number;
  url: string;
  secret: string;
  base: string;
  workers: number;
  identityKey?: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(options.port),
    DATABASE_URL: options.url,
    AUTH_SECRET: options.secret,
    IDENTITY_ENCRYPTION_KEY: options.identityKey ?? randomBytes(32).toString("base64"),
    APP_BASE_URL: options.base,
    AUDIT_CHECKPOINT_FILE: scratchCheckpointFile(),
    LOG_LEVEL: "warn",
    WEB_CONCURRENCY: String(options.workers),
  };
}

/** SQL statements the app ran, and their time, as its `SQL_STATEMENT_TIMING` lines report them. */
export type StatementCounter = { statements: number; sqlMs: number };

type CountingAppOptions = { port: number; url: string; secret: string; base: string; counter: StatementCounter };

/**
 * `npm start` on one worker against `url`, printing a timing line per SQL statement, which
 * `counter` adds up; resolves once the app is healthy. The caller kills the returned process.
 */
export async function startCountingApp(options: CountingAppOptions): Promise<ChildProcess> {
  const { base, counter } = options;
  const app = spawn("npm", ["start"], {
    env: { ...benchAppEnv({ ...options, workers: 1 }), SQL_STATEMENT_TIMING: "1" },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  let pending = "";
  app.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith(STATEMENT_LINE)) continue;
      counter.statements += 1;
      counter.sqlMs += Number(line.slice(STATEMENT_LINE.length)) || 0;
    }
  });
  try {
    await waitHealthy(base, 120_000);
  } catch (error) {
    // The caller never gets the process: stop it (and its workers) here.
    if (app.pid) process.kill(-app.pid, "SIGTERM");
    throw error;
  }
  return app;
}

/** Whether any process of the group led by `pid` is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the app's whole process group (npm, the launcher and its workers), as a service
 * manager stops it; resolves once every process of the group is gone. npm exits first, and the
 * launcher writes its last audit checkpoint on the way out: a database dropped before then makes
 * that write fail ("Could not write the audit checkpoint"), and a port still held meets the next run.
 */
export async function stopApp(app: ChildProcess | null): Promise<void> {
  if (!app?.pid || !groupAlive(app.pid)) return;
  process.kill(-app.pid, "SIGTERM");
  for (let tries = 0; tries < 200; tries += 1) {
    if (!groupAlive(app.pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The app did not stop within 20 seconds of SIGTERM.");
}

/**
 * One request with the session `cookie`, read to its last byte, and the statements the app printed
 * meanwhile: requests go one at a time, so every line belongs to this one.
 */
export async function measureRequest(
  url: string,
  cookie: string,
  counter: StatementCounter,
): Promise<{ ms: number; status: number; statements: number; sqlMs: number; body: Buffer }> {
  const before = { ...counter };
  const started = performance.now();
  const response = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
  const body = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  // The last statement lines may still be in the pipe when the body ends.
  await new Promise((resolve) => setTimeout(resolve, 25));
  return {
    ms,
    status: response.status,
    statements: counter.statements - before.statements,
    sqlMs: counter.sqlMs - before.sqlMs,
    body,
  };
}

/**
 * Runs a benchmark of the app on its scratch database: `measure` starts the app with `startApp`; a
 * failure is printed and fails the process; whatever happens, the app is stopped before the
 * database is dropped.
 */
export async function measureAppOnScratch(
  scratch: { drop: () => Promise<void> },
  measure: (startApp: (options: CountingAppOptions) => Promise<ChildProcess>) => Promise<void>,
): Promise<void> {
  let app: ChildProcess | null = null;
  try {
    await measure(async (options) => (app = await startCountingApp(options)));
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await stopApp(app);
    await scratch.drop();
  }
}
