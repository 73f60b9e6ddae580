/**
 * The scratch database a benchmark measures on: made on the server in BENCH_DATABASE_URL
 * (default: the local server) under a name nobody else uses, and dropped at the end, so that a
 * benchmark never touches anyone's data and leaves nothing behind.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient } from "../lib/db";
import type { PrismaClient } from "../lib/generated/prisma/client";

export type ScratchDatabase = {
  name: string;
  /** The scratch database's own URL, for the app and its Prisma client. */
  url: string;
  /** A connection to the server's own database, for what a benchmark asks the server itself. */
  admin: pg.Client;
  /** Drops the database and closes the server connection; call it in a `finally`. */
  drop: () => Promise<void>;
};

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `msc_bench_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  return {
    name,
    url: Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString(),
    admin,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Points the app's own modules at `url`, with throwaway secrets and no logging (its lines would
 * bury the figures), and gives them and the benchmark one Prisma client on it. Call it before
 * the first import of a module that reads the environment.
 */
export function useDatabaseInProcess(url: string): PrismaClient {
  Object.assign(process.env, {
    DATABASE_URL: url,
    AUTH_SECRET: "b".repeat(40),
    IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
    APP_BASE_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
  });
  const prisma = createPrismaClient(url);
  // lib/db.ts keeps its one client on globalThis: the app's modules take this one as theirs.
  (globalThis as unknown as { prisma: PrismaClient }).prisma = prisma;
  return prisma;
}
