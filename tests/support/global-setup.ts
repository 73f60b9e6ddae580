/**
 * Integration tests run against real PostgreSQL: TEST_DATABASE_URL (or DATABASE_URL) when set,
 * else the embedded database. On a server, one template database is migrated once and every test
 * file clones it, so each file has a database of its own in milliseconds.
 */
import type { TestProject } from "vitest/node";
import pg from "pg";
import { applyMigrations } from "../../lib/db/migrations";
import { serverTestDatabase } from "./server-url";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "server"; adminUrl: string; template: string; runId: string } | { kind: "embedded" };
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = serverTestDatabase();
  if (!adminUrl) {
    project.provide("testDatabase", { kind: "embedded" });
    return;
  }
  const runId = String(process.pid);
  const template = `msc_test_${runId}_template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await applyMigrations(withDatabase(adminUrl, template));
  project.provide("testDatabase", { kind: "server", adminUrl, template, runId });

  return async () => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `msc_test_${runId}_%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
