/**
 * `npm run audit:checkpoint`: appends a signed checkpoint of every audit chain's head to
 * AUDIT_CHECKPOINT_FILE (or DATA_DIR/audit-checkpoints.jsonl), unless nothing changed since the
 * last one. The running app writes them itself every minute; this is for cron on a machine where
 * the app is not started with `npm start`, and for a checkpoint on demand.
 */
import { writeCheckpoint } from "../lib/audit-anchor/anchor";
import { checkpointFile } from "../lib/audit-anchor/checkpoints";
import { createPrismaClient } from "../lib/db";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import { DataFolderInUseError, scriptKeyRing } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";
import { openScriptDatabase } from "../lib/launch/script-database";

async function main() {
  loadDotEnv();
  const env = parseEnv(launchEnvSchema, process.env);
  const ring = scriptKeyRing(process.env);
  if (!ring)
    throw new EnvError("Environment variable IDENTITY_ENCRYPTION_KEY must be set: it signs the audit checkpoints.");
  const database = await openScriptDatabase(env);
  const prisma = createPrismaClient(database.url);
  try {
    const file = checkpointFile(process.env);
    const { written, checkpoint } = await writeCheckpoint(prisma, file, ring);
    console.log(
      written
        ? `Wrote the checkpoint of ${checkpoint.at} (${checkpoint.chains.length} chains moved) in ${file}.`
        : `No chain moved since the checkpoint of ${checkpoint.at} in ${file}.`,
    );
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || error instanceof DataFolderInUseError;
  console.error(known ? (error as Error).message : `Audit checkpoint failed: ${(error as Error).message}`);
  process.exit(1);
});
