/**
 * One migration tested on data written before it: a database of the test file's own migrated up
 * to just before `migration`, and a client on it. The test inserts rows as the older schema held
 * them, calls `applyMigration()`, and reads what the migration made of them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrationsDir, readMigrations } from "@/lib/db/migrations";
import { openTestDatabase, type TestDatabase } from "./test-database";

const sqlOf = (name: string) => readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");

export type MigrationStep = {
  database: TestDatabase;
  client: pg.Client;
  applyMigration(): Promise<void>;
  /** The rows a query returns. */
  rows(sql: string): Promise<pg.QueryResult["rows"]>;
  close(): Promise<void>;
};

export async function openDatabaseBefore(migration: string): Promise<MigrationStep> {
  const database = await openTestDatabase({ migrate: false });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const names = (await readMigrations()).migrationDirectories.map((dir) => dir.path);
  if (!names.includes(migration)) throw new Error(`no migration ${migration}`);
  for (const name of names.slice(0, names.indexOf(migration))) await client.query(sqlOf(name));
  return {
    database,
    client,
    async applyMigration() {
      await client.query(sqlOf(migration));
    },
    rows: async (sql) => (await client.query(sql)).rows,
    async close() {
      await client.end();
      await database.close();
    },
  };
}
