/**
 * `npm run audit:verify`: re-computes every audit chain (one per evaluation, one for
 * installation-wide events) and names the first broken link. Exit code 1 when any is broken.
 * Uses DATABASE_URL, or the embedded database in DATA_DIR.
 */
import { verifyAllAuditChains } from "../lib/audit-trail/data";
import { createPrismaClient } from "../lib/db";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import { DataFolderInUseError } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";
import { openScriptDatabase } from "../lib/launch/script-database";

async function main(): Promise<number> {
  loadDotEnv();
  const database = await openScriptDatabase(parseEnv(launchEnvSchema, process.env));
  const prisma = createPrismaClient(database.url);
  try {
    const results = await verifyAllAuditChains(prisma);
    for (const { evaluationId, name, verdict } of results) {
      const label = evaluationId ? `evaluation ${name ?? evaluationId}` : "installation-wide events";
      console.log(
        verdict.ok
          ? `ok      ${label}: ${verdict.events} events`
          : `BROKEN  ${label}: first broken link at sequence ${verdict.firstBrokenSequence} (${verdict.reason}${verdict.eventId ? `, event ${verdict.eventId}` : ""}) after ${verdict.events} good events`,
      );
    }
    if (results.length === 0) console.log("No audit events yet.");
    return results.some((result) => !result.verdict.ok) ? 1 : 0;
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof EnvError || error instanceof DataFolderInUseError;
    console.error(known ? (error as Error).message : `Audit verification failed to run: ${(error as Error).message}`);
    process.exit(2);
  },
);
