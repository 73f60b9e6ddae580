/**
 * Backup and restore of a PostgreSQL server with pg_dump and pg_restore. The dump reads the
 * snapshot of a transaction that also counts and checksums every table, so the manifest
 * describes exactly what the dump holds. Attachments (evidence files) are rows of the database.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { appliedMigrations, appTables, compareDigests, tableDigests } from "./digests";
import { BackupError, type Manifest } from "./folder";

export const DUMP_FILE = "database.dump";

function run(tool: "pg_dump" | "pg_restore", args: string[]): void {
  const result = spawnSync(tool, args, { encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new BackupError(
      `${tool} is not installed. Install PostgreSQL's client tools (Debian, Ubuntu: apt-get install -y postgresql-client), the same major version as the server or newer.`,
    );
  }
  if (result.status !== 0)
    throw new BackupError(`${tool} failed: ${(result.stderr || "").trim().split("\n").slice(-3).join(" ")}`);
}

/** Dumps the database at `url` (the owner's: the app role cannot read the migrations' table). */
export async function dumpPostgres(url: string, folder: string): Promise<Pick<Manifest, "migrations" | "tables">> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const tables = await tableDigests(client);
    const migrations = await appliedMigrations(client);
    // The exported snapshot lives while this transaction is open.
    run("pg_dump", [
      "--format=custom",
      `--snapshot=${rows[0]!.snapshot}`,
      `--file=${path.join(folder, DUMP_FILE)}`,
      `--dbname=${url}`,
    ]);
    await client.query("COMMIT");
    return { migrations, tables };
  } finally {
    await client.end();
  }
}

/**
 * Restores into an empty database at `url`, as the role that will own the tables (objects and
 * rights are re-created for it; the app role's rights are granted afterwards), then checks every
 * table against the manifest. Returns the tables that differ (empty: a faithful copy).
 */
export async function restorePostgres(folder: string, manifest: Manifest, url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await appTables(client);
    if (existing.length > 0) {
      throw new BackupError(
        "The target database already has tables. Restore into a new, empty database (createdb), owned by the role that migrates, and point the app at it.",
      );
    }
    run("pg_restore", [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      `--dbname=${url}`,
      path.join(folder, DUMP_FILE),
    ]);
    const differences = compareDigests(manifest.tables, await tableDigests(client));
    const migrations = await appliedMigrations(client);
    if (migrations.join() !== manifest.migrations.join())
      differences.push("_prisma_migrations: other migrations than the backup's");
    return differences;
  } finally {
    await client.end();
  }
}
