/**
 * `npm run db:migrate`: applies prisma/migrations to MIGRATION_DATABASE_URL (the tables' owner) or
 * DATABASE_URL, or to the embedded database in DATA_DIR when neither is set, and grants DATABASE_URL's
 * role its table rights when it is another role. Needs no network (docs/decisions/0002-offline-migrations.md).
 */
import { applyMigrations } from "../lib/db/migrations";
import { grantAfterMigration } from "../lib/db/roles";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import { assertDatabaseReachable, StartupError } from "../lib/launch/checks";
import { DataFolderInUseError } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";
import { openScriptDatabase } from "../lib/launch/script-database";

async function main() {
  loadDotEnv();
  const env = parseEnv(launchEnvSchema, process.env);
  const database = await openScriptDatabase(env);
  try {
    // As the owner of the tables when MIGRATION_DATABASE_URL names it; then the app's rights again.
    const migrationUrl = database.embedded ? database.url : (env.MIGRATION_DATABASE_URL ?? database.url);
    await assertDatabaseReachable(migrationUrl);
    const applied = await applyMigrations(migrationUrl);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
    const granted = await grantAfterMigration(migrationUrl, database.url);
    if (granted) console.log(`Granted the app's table rights to the database role "${granted}".`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || error instanceof StartupError || error instanceof DataFolderInUseError;
  console.error(known ? (error as Error).message : (error as Error).message);
  process.exit(1);
});
