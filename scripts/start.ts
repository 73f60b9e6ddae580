/**
 * `npm start`: one command from a fresh clone to a running app.
 * Without DATABASE_URL it serves the embedded database from DATA_DIR, migrates it and loads the
 * demo evaluation on first start; with DATABASE_URL it migrates that database and serves it.
 * It serves with one worker process per core, or WEB_CONCURRENCY of them, sharing the port
 * (lib/launch/cluster.ts); this process keeps the embedded database, which only one process may open.
 * `--dev` runs the Next.js development server instead, in one process.
 */
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { grantAfterMigration, servingRoleProblem } from "../lib/db/roles";
import { EnvError, launchEnvSchema, mailEnvSchema, parseEnv, proxyHopsWarning } from "../lib/env";
import { assertDatabaseReachable, assertPortFree, StartupError } from "../lib/launch/checks";
import { buildIsCurrent } from "../lib/launch/build-stamp";
import { DataFolderInUseError, demoSecrets, lockDataFolder, publishDatabaseUrl } from "../lib/launch/data-folder";
import { seedDemo } from "../prisma/seed/demo";
import { keyRingFromEnv } from "../lib/crypto";
import { createPrismaClient } from "../lib/db";
import { loadDotEnv } from "../lib/launch/dotenv";
import { runWorkerPool } from "../lib/launch/cluster";
import { checkpointFile } from "../lib/audit-anchor/checkpoints";
import { startCheckpointWriter } from "../lib/audit-anchor/writer";
import { listeningOrigins } from "../lib/launch/origins";
import { resolveWorkerCount } from "../lib/launch/workers";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
// Each worker learns the address of every request's socket (lib/launch/socket-address.cjs): the
// client's, when no proxy stands in front, for the per-address sign-in limit.
const socketAddressPreload = ["--require", require.resolve("../lib/launch/socket-address.cjs")];
// A page render allocates several megabytes that die with the request. With V8's default young
// generation (16 MB semi-spaces) a list page triggered a scavenge every 2-3 requests, and what the
// requests in flight held was copied and promoted each time; 64 MB semi-spaces scavenge four times
// less often and cut a list page's CPU by 10-13 % (measured side by side; decision 0046). The
// price is up to about 150 MB more memory per worker under load.
const youngGeneration = ["--max-semi-space-size=64"];
const dev = process.argv.includes("--dev");
const cleanups: Array<() => Promise<void> | void> = [];

async function cleanup() {
  for (const step of cleanups.reverse()) await step();
  cleanups.length = 0;
}

async function main() {
  loadDotEnv();
  const env = parseEnv(launchEnvSchema, process.env);
  parseEnv(mailEnvSchema, process.env); // a half-configured mail server stops start-up here, not at the first invitation
  const hopsWarning = proxyHopsWarning(env);
  if (hopsWarning) console.warn(hopsWarning);
  await assertPortFree(env.PORT);

  const embedded = !env.DATABASE_URL;
  let databaseUrl = env.DATABASE_URL;
  let secrets = { AUTH_SECRET: env.AUTH_SECRET, IDENTITY_ENCRYPTION_KEY: env.IDENTITY_ENCRYPTION_KEY };

  if (embedded) {
    const dataDir = path.resolve(env.DATA_DIR);
    cleanups.push(lockDataFolder(dataDir));
    secrets = { ...demoSecrets(dataDir), ...stripUndefined(secrets) };
    const database: EmbeddedDatabase = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pgdata") });
    cleanups.push(() => database.stop());
    databaseUrl = database.url;
    // Where to reach it while the app runs (psql, the browser tests' own records); gone at stop.
    cleanups.push(publishDatabaseUrl(dataDir, database.url));
    console.log(`Embedded PostgreSQL ready (data in ${dataDir}).`);
  }

  // Migrations run as the owner of the tables; the app serves as its own role (lib/db/roles.ts).
  const migrationUrl = embedded ? databaseUrl! : (env.MIGRATION_DATABASE_URL ?? databaseUrl!);
  await assertDatabaseReachable(migrationUrl);
  const applied = await applyMigrations(migrationUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  const granted = await grantAfterMigration(migrationUrl, databaseUrl!);
  if (granted) console.log(`Granted the app's table rights to the database role "${granted}".`);
  if (!embedded) {
    await assertDatabaseReachable(databaseUrl!);
    if (process.env.NODE_ENV === "production") {
      const problem = await servingRoleProblem(databaseUrl!);
      if (problem) throw new StartupError(problem);
    }
  }

  if (embedded) {
    const prisma = createPrismaClient(databaseUrl!);
    try {
      const { created } = await seedDemo(prisma, {
        withDemoPasswords: true,
        identityKeyRing: keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: secrets.IDENTITY_ENCRYPTION_KEY }),
      });
      if (created) console.log("Loaded the demo evaluation. Demo sign-ins are listed in README.md.");
    } finally {
      await prisma.$disconnect();
    }
  }

  // Signed checkpoints of the audit chains' heads, outside the database (lib/audit-anchor).
  const anchorFile = checkpointFile({
    AUDIT_CHECKPOINT_FILE: process.env.AUDIT_CHECKPOINT_FILE,
    DATA_DIR: env.DATA_DIR,
  });
  const anchorRing = keyRingFromEnv({ ...process.env, IDENTITY_ENCRYPTION_KEY: secrets.IDENTITY_ENCRYPTION_KEY });
  const anchor = startCheckpointWriter(createPrismaClient(databaseUrl!, 1), anchorFile, anchorRing);
  cleanups.push(() => anchor.stop());

  const baseUrl = env.APP_BASE_URL ?? `http://localhost:${env.PORT}`;
  const workers = dev ? 1 : resolveWorkerCount(env.WEB_CONCURRENCY, availableParallelism());
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secrets.AUTH_SECRET,
    IDENTITY_ENCRYPTION_KEY: secrets.IDENTITY_ENCRYPTION_KEY,
    APP_BASE_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
    DEMO_MODE: embedded ? "true" : "false",
    // The demo answers at every address it listens on; production at APP_BASE_URL alone.
    ...(embedded ? { DEMO_ORIGINS: listeningOrigins(env.PORT).join(",") } : {}),
    LOG_LEVEL: env.LOG_LEVEL,
    NEXT_TELEMETRY_DISABLED: "1",
    // Each worker sizes its share of database connections by it (lib/db.ts).
    WEB_CONCURRENCY: String(workers),
  };

  if (!dev && !buildIsCurrent()) {
    console.log("Building the app for this version of the code (about two minutes)…");
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) throw new StartupError("The build failed; see the messages above.");
  }

  const code = dev
    ? await runDevServer(env.PORT, childEnv)
    : await runWorkerPool({
        exec: nextBin,
        args: ["start", "-p", String(env.PORT)],
        execArgv: [...youngGeneration, ...socketAddressPreload],
        workers,
        env: childEnv,
        onListening: (pids) =>
          console.log(
            `${pids.length === 1 ? "One worker serves" : `${pids.length} workers serve`} ${baseUrl} (processes ${pids.join(", ")}).`,
          ),
      });
  await cleanup();
  process.exit(code);
}

/** `next dev` in one child process: it watches and recompiles, which several workers would each do. */
async function runDevServer(port: number, childEnv: NodeJS.ProcessEnv): Promise<number> {
  const server = spawn(process.execPath, [...socketAddressPreload, nextBin, "dev", "-p", String(port)], {
    stdio: "inherit",
    env: childEnv,
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return new Promise((resolve) => server.on("exit", (status) => resolve(status ?? 0)));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

main().catch(async (error: unknown) => {
  await cleanup().catch(() => {});
  const known = error instanceof EnvError || error instanceof StartupError || error instanceof DataFolderInUseError;
  console.error(known ? (error as Error).message : `Start-up failed: ${(error as Error).message}`);
  process.exit(1);
});
