/**
 * `npm run audit:verify`: re-computes every audit chain (one per evaluation, one for
 * installation-wide events) and names the first broken link. Exit code 1 when any is broken.
 * Uses DATABASE_URL, or the embedded database in DATA_DIR.
 */
import path from "node:path";
import { verifyAuditChain } from "../lib/audit";
import { createPrismaClient } from "../lib/db";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import { DataFolderInUseError, lockDataFolder } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";

async function main(): Promise<number> {
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
  const prisma = createPrismaClient(url);
  try {
    const chains = await prisma.auditEvent.findMany({ distinct: ["evaluationId"], select: { evaluationId: true } });
    let broken = 0;
    for (const { evaluationId } of chains) {
      const verdict = await verifyAuditChain(prisma, evaluationId);
      const name = evaluationId ? `evaluation ${evaluationId}` : "installation-wide events";
      if (verdict.ok) {
        console.log(`ok      ${name}: ${verdict.events} events`);
      } else {
        broken += 1;
        console.log(
          `BROKEN  ${name}: first broken link at sequence ${verdict.firstBrokenSequence} (${verdict.reason}${verdict.eventId ? `, event ${verdict.eventId}` : ""}) after ${verdict.events} good events`,
        );
      }
    }
    if (chains.length === 0) console.log("No audit events yet.");
    return broken > 0 ? 1 : 0;
  } finally {
    await prisma.$disconnect();
    await stop();
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
