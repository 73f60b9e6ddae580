/**
 * The scratch database a benchmark measures on: made on the server in BENCH_DATABASE_URL
 * (default: the local server) under a name nobody else uses, and dropped at the end, so that a
 * benchmark never touches anyone's data and leaves nothing behind. The benchmarks whose data takes
 * long to generate may keep theirs (BENCH_KEEP=1) and measure a kept one again (BENCH_REUSE).
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createPrismaClient } from "../lib/db";
import type { PrismaClient } from "../lib/generated/prisma/client";

export type ScratchDatabase = {
  name: string;
  /** True when the database is a kept one measured again: it holds its data already. */
  reused: boolean;
  /** The scratch database's own URL, for the app and its Prisma client. */
  url: string;
  /** A connection to the server's own database, for what a benchmark asks the server itself. */
  admin: pg.Client;
  /**
   * Drops the database (unless it is kept or reused) and closes the server connection; call it in
   * a `finally`.
   */
  drop: () => Promise<void>;
};

export type ScratchOptions = {
  /** A kept database's name to measure again: neither created nor dropped. */
  reuse?: string | null;
  /** Keep the database at the end and print its name, so BENCH_REUSE can measure it again. */
  keep?: boolean;
};

/**
 * BENCH_REUSE and BENCH_KEEP as the benchmarks on generated data read them. Only a bench name is
 * taken, since it goes into SQL as it is; a reused database is kept again.
 */
export function keptDatabaseOptions(): { reuse: string | null; keep: boolean } {
  const asked = process.env.BENCH_REUSE ?? "";
  const reuse = /^msc_bench_[0-9a-z_]{3,40}$/.test(asked) ? asked : null;
  return { reuse, keep: process.env.BENCH_KEEP === "1" || reuse !== null };
}

export async function createScratchDatabase(options: ScratchOptions = {}): Promise<ScratchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const reuse = options.reuse ?? null;
  const name = reuse ?? `msc_bench_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  return {
    name,
    reused: reuse !== null,
    url: Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString(),
    admin,
    drop: async () => {
      if (options.keep)
        console.log(`\nKept the database ${name} (BENCH_REUSE=${name} measures it again; drop it when done).`);
      else if (!reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Points the app's own modules at `url`, with throwaway secrets and no logging (its lines would
 * bury the figures), and gives them and the benchmark one Prisma client on it (`prisma` when the
 * benchmark made its own, e.g. to listen to its queries). Call it before the first import of a
 * module that reads the environment.
 */
export function useDatabaseInProcess(url: string, prisma: PrismaClient = createPrismaClient(url)): PrismaClient {
  Object.assign(process.env, {
    DATABASE_URL: url,
    AUTH_SECRET: "b".repeat(40),
    IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
    APP_BASE_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
  });
  // lib/db.ts keeps its one client on globalThis: the app's modules take this one as theirs.
  (globalThis as unknown as { prisma: PrismaClient }).prisma = prisma;
  return prisma;
}

/**
 * Runs an import benchmark by itself when `moduleUrl` is the script node was started with: on the
 * migrated database in DATABASE_URL, set up as bench:fieldwork sets up its own before calling the
 * same benchmark, with BENCH_IMPORT_ROWS rows (10,000 unless told).
 */
export async function runAloneOnDatabaseUrl(
  moduleUrl: string,
  bench: (prisma: PrismaClient, rows: number) => Promise<void>,
): Promise<void> {
  const started = process.argv[1];
  if (!started || path.parse(started).name !== path.parse(fileURLToPath(moduleUrl)).name) return;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a migrated scratch database.");
  const prisma = useDatabaseInProcess(url);
  try {
    await bench(prisma, Number(process.env.BENCH_IMPORT_ROWS ?? 10_000));
  } finally {
    await prisma.$disconnect();
  }
}
