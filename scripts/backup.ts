/**
 * `npm run backup [-- --to <folder>]`: one folder with the database (attachments are rows of it),
 * the audit trail within it, the audit checkpoints and a manifest of every table's count and
 * checksum. PostgreSQL (DATABASE_URL) through pg_dump, as MIGRATION_DATABASE_URL's role when set;
 * the embedded database in DATA_DIR through its own dump, also while the app runs. Backups go to
 * --to, or BACKUP_DIR, or ./backups. See README, "Backups".
 */
import path from "node:path";
import { checkpointFile } from "../lib/audit-anchor/checkpoints";
import { dumpEmbedded, DATA_FILE } from "../lib/backup/embedded";
import {
  BackupError,
  CHECKPOINTS,
  newBackupFolder,
  saveCheckpoints,
  writeManifest,
  type Manifest,
} from "../lib/backup/folder";
import { openEmbeddedForBackup, saveDemoSecrets } from "../lib/backup/embedded-folder";
import { dumpPostgres, DUMP_FILE } from "../lib/backup/postgres";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import { loadDotEnv } from "../lib/launch/dotenv";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  loadDotEnv();
  const env = parseEnv(launchEnvSchema, process.env);
  const folder = newBackupFolder(option("--to") ?? process.env.BACKUP_DIR ?? "backups");
  const createdAt = new Date().toISOString();
  // First the checkpoints, then the snapshot: every event they cover is in the snapshot.
  const files = saveCheckpoints(checkpointFile(process.env), folder) ? [CHECKPOINTS] : [];
  let saved: Pick<Manifest, "migrations" | "tables">;
  if (env.DATABASE_URL) {
    saved = await dumpPostgres(env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL, folder);
    files.push(DUMP_FILE);
  } else {
    const dataDir = path.resolve(env.DATA_DIR);
    const database = await openEmbeddedForBackup(dataDir);
    try {
      saved = await dumpEmbedded(database.url, folder);
    } finally {
      await database.close();
    }
    files.push(DATA_FILE, ...saveDemoSecrets(dataDir, folder));
  }
  writeManifest(folder, {
    format: "msc-backup/1",
    kind: env.DATABASE_URL ? "postgresql" : "embedded",
    createdAt,
    ...saved,
    files,
  });
  const rows = Object.values(saved.tables).reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `Backed up ${Object.keys(saved.tables).length} tables (${rows} rows)${files.includes(CHECKPOINTS) ? " and the audit checkpoints" : ""} to ${folder}`,
  );
}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || error instanceof BackupError;
  console.error(known ? (error as Error).message : `Backup failed: ${(error as Error).message}`);
  process.exit(1);
});
