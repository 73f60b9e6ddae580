/**
 * `npm run audit:verify`: re-computes every audit chain (one per evaluation, one for
 * installation-wide events) and names the first broken link; then compares the chains with the
 * newest signed checkpoint kept outside the database (lib/audit-anchor), so events deleted from
 * the end of a chain are found too. Exit code 1 when anything is broken or missing.
 * Uses DATABASE_URL, or the embedded database in DATA_DIR; the checkpoints in
 * AUDIT_CHECKPOINT_FILE or DATA_DIR/audit-checkpoints.jsonl.
 */
import { compareWithCheckpoint, describeFinding } from "../lib/audit-anchor/anchor";
import { checkpointFile, readCheckpoints } from "../lib/audit-anchor/checkpoints";
import { verifyAllAuditChains } from "../lib/audit-trail/data";
import { createPrismaClient } from "../lib/db";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import { DataFolderInUseError, scriptKeyRing } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";
import { openScriptDatabase } from "../lib/launch/script-database";

async function main(): Promise<number> {
  loadDotEnv();
  const env = parseEnv(launchEnvSchema, process.env);
  const ring = scriptKeyRing(process.env);
  const database = await openScriptDatabase(env);
  const prisma = createPrismaClient(database.url);
  try {
    const results = await verifyAllAuditChains(prisma);
    const labels = new Map(
      results.map(({ evaluationId, name }) => [
        evaluationId,
        evaluationId ? `evaluation ${name ?? evaluationId}` : "installation-wide events",
      ]),
    );
    for (const { evaluationId, verdict } of results) {
      const label = labels.get(evaluationId)!;
      console.log(
        verdict.ok
          ? `ok      ${label}: ${verdict.events} events`
          : `BROKEN  ${label}: first broken link at sequence ${verdict.firstBrokenSequence} (${verdict.reason}${verdict.eventId ? `, event ${verdict.eventId}` : ""}) after ${verdict.events} good events`,
      );
    }
    if (results.length === 0) console.log("No audit events yet.");
    let failed = results.some((result) => !result.verdict.ok);

    const file = checkpointFile(process.env);
    const read = ring ? readCheckpoints(file, ring) : null;
    if (!read) {
      console.log(
        "WARNING no identity key to check the audit checkpoints with (IDENTITY_ENCRYPTION_KEY): deleted newest events cannot be detected.",
      );
    } else if (read.state === "none") {
      console.log(
        `WARNING no audit checkpoints in ${file}: edited events are detected, deleted newest events are not.`,
      );
    } else if (read.state === "forged") {
      console.log(`BROKEN  checkpoint file ${file}, line ${read.line}: ${read.reason}`);
      failed = true;
    } else {
      const findings = await compareWithCheckpoint(prisma, read.latest);
      for (const finding of findings)
        console.log(
          describeFinding(
            finding,
            labels.get(finding.evaluationId) ??
              (finding.evaluationId ? `evaluation ${finding.evaluationId}` : "installation-wide events"),
          ),
        );
      if (findings.length === 0)
        console.log(
          `ok      checkpoint of ${read.latest.at}: ${read.latest.chains.length} chains as recorded (${read.lines} checkpoints in ${file})`,
        );
      failed ||= findings.length > 0;
    }
    return failed ? 1 : 0;
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
