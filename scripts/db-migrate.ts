/**
 * `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded database
 * in DATA_DIR when it is not set. Needs no network (docs/decisions/0002-offline-migrations.md).
 */
import path from "node:path";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import { assertDatabaseReachable, StartupError } from "../lib/launch/checks";
import { DataFolderInUseError, lockDataFolder } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";

async function main() {
  loadDotEnv();
  const env = parseEnv(launchEnvSchema, process.env);
  let url = env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dataDir = path.resolve(env.DATA_DIR);
    const unlock = lockDataFolder(dataDir);
    const database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pgdata") });
    url = database.url;
    stop = async () => {
      await database.stop();
      unlock();
    };
  }
  try {
    await assertDatabaseReachable(url);
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || error instanceof StartupError || error instanceof DataFolderInUseError;
  console.error(known ? (error as Error).message : (error as Error).message);
  process.exit(1);
});
