/**
 * `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded database
 * in DATA_DIR when it is not set. Needs no network (docs/decisions/0002-offline-migrations.md).
 */
import { applyMigrations } from "../lib/db/migrations";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import { assertDatabaseReachable, StartupError } from "../lib/launch/checks";
import { DataFolderInUseError } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";
import { openScriptDatabase } from "../lib/launch/script-database";

async function main() {
  loadDotEnv();
  const database = await openScriptDatabase(parseEnv(launchEnvSchema, process.env));
  try {
    await assertDatabaseReachable(database.url);
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || error instanceof StartupError || error instanceof DataFolderInUseError;
  console.error(known ? (error as Error).message : (error as Error).message);
  process.exit(1);
});
