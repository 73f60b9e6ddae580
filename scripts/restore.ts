/**
 * `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` back and proves it,
 * table by table, against the backup's manifest (row counts and checksums); exit code 1 when
 * anything differs. PostgreSQL: into the empty database at MIGRATION_DATABASE_URL (or
 * DATABASE_URL), then the app role's rights. Embedded: into DATA_DIR with the app stopped; the
 * database that was there is kept beside it. The audit checkpoints (and the demo's secrets) are
 * put in place, any file they replace kept as `<name>.before-restore-<time>`. See README, "Backups".
 */
import path from "node:path";
import { checkpointFile } from "../lib/audit-anchor/checkpoints";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { grantAfterMigration } from "../lib/db/roles";
import { loadEmbedded } from "../lib/backup/embedded";
import { DEMO_SECRETS, prepareEmbeddedRestore } from "../lib/backup/embedded-folder";
import { BackupError, CHECKPOINTS, putInPlace, readManifest } from "../lib/backup/folder";
import { restorePostgres } from "../lib/backup/postgres";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import { loadDotEnv } from "../lib/launch/dotenv";

async function main(): Promise<number> {
  loadDotEnv();
  const env = parseEnv(launchEnvSchema, process.env);
  const source = process.argv[2];
  if (!source) throw new BackupError("Name the backup folder: npm run restore -- backups/msc-backup-<time>");
  const folder = path.resolve(source);
  const manifest = readManifest(folder);
  let differences: string[];
  if (manifest.kind === "postgresql") {
    if (!env.DATABASE_URL)
      throw new BackupError(
        "This is a PostgreSQL backup: set DATABASE_URL (and MIGRATION_DATABASE_URL) to the new, empty database.",
      );
    const ownerUrl = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
    differences = await restorePostgres(folder, manifest, ownerUrl);
    const granted = await grantAfterMigration(ownerUrl, env.DATABASE_URL);
    if (granted) console.log(`Granted the app's table rights to the database role "${granted}".`);
  } else {
    if (env.DATABASE_URL)
      throw new BackupError(
        "This is a backup of the embedded database: unset DATABASE_URL and set DATA_DIR to the folder to restore into.",
      );
    const dataDir = path.resolve(env.DATA_DIR);
    const { unlock, keptAs } = prepareEmbeddedRestore(dataDir);
    try {
      if (keptAs) console.log(`The database that was in ${dataDir} is kept in ${keptAs}.`);
      const database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pgdata") });
      try {
        await applyMigrations(database.url, manifest.migrations);
        differences = await loadEmbedded(folder, manifest, database.url);
      } finally {
        await database.stop();
      }
      if (manifest.files.includes(DEMO_SECRETS))
        keep(putInPlace(path.join(folder, DEMO_SECRETS), path.join(dataDir, DEMO_SECRETS)));
    } finally {
      unlock();
    }
  }
  if (manifest.files.includes(CHECKPOINTS))
    keep(putInPlace(path.join(folder, CHECKPOINTS), checkpointFile(process.env)));
  for (const line of differences) console.log(`DIFFERS ${line}`);
  const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
  if (differences.length > 0) return 1;
  console.log(
    `Restored and checked ${Object.keys(manifest.tables).length} tables (${rows} rows) from ${folder}: every count and checksum as backed up. Next: npm run audit:verify`,
  );
  return 0;
}

function keep(keptAs: string | null) {
  if (keptAs) console.log(`The file it replaced is kept as ${keptAs}.`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof EnvError || error instanceof BackupError;
    console.error(known ? (error as Error).message : `Restore failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
