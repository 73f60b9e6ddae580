/**
 * `npm run encryption:rotate`: re-seals every sealed value (respondent identities, two-factor
 * secrets) with the key in IDENTITY_ENCRYPTION_KEY, reading old values with the key(s) in
 * IDENTITY_ENCRYPTION_KEY_PREVIOUS (comma-separated). Safe to run while the app serves (rows are
 * locked batch by batch) and to run again (what is current is skipped). Exit code 1 when a value
 * could not be opened with any configured key. See docs/decisions/0004-key-rotation.md.
 *
 *   IDENTITY_ENCRYPTION_KEY=<new> IDENTITY_ENCRYPTION_KEY_PREVIOUS=<old> npm run encryption:rotate [-- --batch-size=500]
 *
 * Uses DATABASE_URL, or the embedded database in DATA_DIR.
 */
import path from "node:path";
import { keyRingFromEnv } from "../lib/crypto";
import { createPrismaClient } from "../lib/db";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import { DataFolderInUseError, lockDataFolder } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";
import { rotateSealedValues } from "../lib/respondents/key-rotation";

function batchSizeArgument(): number | undefined {
  const argument = process.argv.find((value) => value.startsWith("--batch-size="));
  if (!argument) return undefined;
  const size = Number(argument.slice("--batch-size=".length));
  if (!Number.isInteger(size) || size < 1 || size > 10_000)
    throw new EnvError("--batch-size must be a whole number from 1 to 10000.");
  return size;
}

async function main(): Promise<number> {
  loadDotEnv();
  const env = parseEnv(launchEnvSchema, process.env);
  if (!env.IDENTITY_ENCRYPTION_KEY)
    throw new EnvError("Set IDENTITY_ENCRYPTION_KEY to the new key (32 random bytes in base64).");
  const ring = keyRingFromEnv();
  const batchSize = batchSizeArgument();
  if (ring.previous.length === 0) {
    console.warn(
      "IDENTITY_ENCRYPTION_KEY_PREVIOUS is empty: only values already sealed with the current key can be read.",
    );
  }

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
  const prisma = createPrismaClient(url);
  try {
    const started = performance.now();
    const report = await rotateSealedValues(prisma, ring, { batchSize, log: (line) => console.log(line) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Current key: ${report.keyId}. ${report.batches} batches in ${seconds} s.`);
    console.log(
      `Respondent identities re-sealed: ${report.identities.resealed}; could not be opened: ${report.identities.failed.length}.`,
    );
    console.log(
      `Two-factor secrets re-sealed: ${report.totpSecrets.resealed}; could not be opened: ${report.totpSecrets.failed.length}.`,
    );
    const failed = [
      ...report.identities.failed.map((id) => `respondent_identity ${id}`),
      ...report.totpSecrets.failed.map((id) => `app_user ${id}`),
    ];
    if (failed.length > 0) {
      console.error(
        `No configured key opens these rows (add the key that sealed them to IDENTITY_ENCRYPTION_KEY_PREVIOUS):\n  ${failed.join("\n  ")}`,
      );
      return 1;
    }
    return 0;
  } finally {
    await prisma.$disconnect();
    await stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const known = error instanceof EnvError || error instanceof DataFolderInUseError;
    console.error(known ? (error as Error).message : `Key rotation failed: ${(error as Error).message}`);
    process.exit(1);
  });
