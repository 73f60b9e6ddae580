/**
 * A database of the test file's own, migrated from prisma/migrations:
 *   const database = await openTestDatabase();   // in beforeAll
 *   await database.close();                      // in afterAll
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { withDatabase } from "./global-setup";

export type TestDatabase = { url: string; prisma: PrismaClient; close(): Promise<void> };

export async function openTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const target = inject("testDatabase");
  if (target.kind === "embedded") {
    const embedded = await startEmbeddedDatabase();
    if (migrate) await applyMigrations(embedded.url);
    const prisma = createPrismaClient(embedded.url);
    return {
      url: embedded.url,
      prisma,
      async close() {
        await prisma.$disconnect();
        await embedded.stop();
      },
    };
  }
  const name = `msc_test_${target.runId}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  await admin.query(migrate ? `CREATE DATABASE ${name} TEMPLATE ${target.template}` : `CREATE DATABASE ${name}`);
  const url = withDatabase(target.adminUrl, name);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async close() {
      await prisma.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
