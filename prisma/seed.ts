/**
 * `npm run seed`: loads the demo evaluation.
 * - With DATABASE_URL: seeds that (already migrated) database; demo passwords only if DEMO_MODE=true.
 * - Without: migrates and seeds the embedded database in DATA_DIR (default `.data`), with demo
 *   passwords, as `npm start` does on first start. Refuses while the app runs on that folder.
 */
import path from "node:path";
import { keyRingFromEnv, type KeyRing } from "../lib/crypto";
import { createPrismaClient } from "../lib/db";
import { applyMigrations } from "../lib/db/migrations";
import { DataFolderInUseError, demoSecrets } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";
import { openScriptDatabase } from "../lib/launch/script-database";
import { DEMO_EVALUATION_NAME, seedDemo } from "./seed/demo";

async function seed(url: string, withDemoPasswords: boolean, identityKeyRing: KeyRing | undefined): Promise<void> {
  const prisma = createPrismaClient(url);
  const started = performance.now();
  try {
    const { created } = await seedDemo(prisma, { withDemoPasswords, identityKeyRing });
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
  const database = await openScriptDatabase({
    DATABASE_URL: process.env.DATABASE_URL,
    DATA_DIR: process.env.DATA_DIR || ".data",
  });
  try {
    // The embedded database is the demo's own: migrate it first and give it the demo passwords.
    if (database.embedded) await applyMigrations(database.url);
    // Fictional identities are sealed with the key the app will read them with.
    const key = database.embedded
      ? demoSecrets(path.resolve(process.env.DATA_DIR || ".data")).IDENTITY_ENCRYPTION_KEY
      : process.env.IDENTITY_ENCRYPTION_KEY;
    await seed(
      database.url,
      database.embedded || process.env.DEMO_MODE === "true",
      key ? keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: key }) : undefined,
    );
  } finally {
    await database.close();
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
