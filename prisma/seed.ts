/**
 * `npm run seed`: loads the demo evaluation.
 * - With DATABASE_URL: seeds that (already migrated) database; demo passwords only if DEMO_MODE=true.
 * - Without: migrates and seeds the embedded database in DATA_DIR (default `.data`), with demo
 *   passwords, as `npm start` does on first start. Refuses while the app runs on that folder.
 */
import path from "node:path";
import { createPrismaClient } from "../lib/db";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { DataFolderInUseError, lockDataFolder } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";
import { DEMO_EVALUATION_NAME, seedDemo } from "./seed/demo";

async function seed(url: string, withDemoPasswords: boolean): Promise<void> {
  const prisma = createPrismaClient(url);
  const started = performance.now();
  try {
    const { created } = await seedDemo(prisma, { withDemoPasswords });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      created
        ? `Demo evaluation "${DEMO_EVALUATION_NAME}" created in ${seconds} s${withDemoPasswords ? " (demo passwords set)" : ""}.`
        : `Demo evaluation "${DEMO_EVALUATION_NAME}" already present; nothing changed.`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    await seed(databaseUrl, process.env.DEMO_MODE === "true");
    return;
  }
  const dataDir = path.resolve(process.env.DATA_DIR || ".data");
  const unlock = lockDataFolder(dataDir);
  try {
    const database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pgdata") });
    try {
      await applyMigrations(database.url);
      await seed(database.url, true);
    } finally {
      await database.stop();
    }
  } finally {
    unlock();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DataFolderInUseError) {
    console.error(error.message);
  } else if (isMissingTable(error)) {
    console.error("The database has no tables yet: run `npm run db:migrate` first.");
  } else {
    console.error(error);
  }
  process.exit(1);
});

/** Prisma's "table does not exist" (P2021), i.e. a server database that was never migrated. */
function isMissingTable(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2021";
}
