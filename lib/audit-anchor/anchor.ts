/**
 * Writing the anchor and checking the database against it. The launcher writes a checkpoint at
 * start, every minute while something changed, and at shutdown (scripts/start.ts); `npm run
 * audit:checkpoint` writes one on demand (e.g. from cron, or before a backup).
 */
import type { KeyRing } from "@/lib/crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  appendCheckpoint,
  checkpointOf,
  movedHeads,
  readCheckpointsForWriter,
  rememberAppended,
  type Checkpoint,
} from "./checkpoints";
import { readChainAt, readChainHeads } from "./data";

export const CHECKPOINT_INTERVAL_MS = 60_000;

/**
 * Appends a checkpoint of the heads that moved since the last one, if any. Refuses to sign over
 * a file whose lines do not verify: that would bless whatever the file was changed to.
 */
export async function writeCheckpoint(
  prisma: PrismaClient,
  file: string,
  ring: KeyRing,
): Promise<{ written: boolean; checkpoint: Checkpoint }> {
  const existing = readCheckpointsForWriter(file, ring);
  if (existing.state === "forged")
    throw new Error(`The audit checkpoint file ${file} fails its check at line ${existing.line}: ${existing.reason}.`);
  const recorded = existing.state === "ok" ? existing.latest : null;
  const current = checkpointOf(await readChainHeads(prisma));
  const moved = movedHeads(recorded, current);
  if (moved.length === 0 && recorded) return { written: false, checkpoint: recorded };
  const checkpoint: Checkpoint = { ...current, chains: moved };
  appendCheckpoint(file, checkpoint, ring);
  rememberAppended(file, checkpoint);
  return { written: true, checkpoint };
}

export type AnchorFinding =
  | { kind: "MISSING"; evaluationId: string | null; from: bigint; to: bigint; at: string }
  | { kind: "CHANGED"; evaluationId: string | null; sequence: bigint; at: string };

/**
 * What the database lacks or holds differently from the newest checkpoint. With the chain check
 * (lib/audit.ts) passing up to each head, equal hashes at the checkpoint's sequence prove every
 * event up to it unchanged.
 */
export async function compareWithCheckpoint(prisma: PrismaClient, checkpoint: Checkpoint): Promise<AnchorFinding[]> {
  const findings: AnchorFinding[] = [];
  for (const chain of checkpoint.chains) {
    const sequence = BigInt(chain.sequence);
    const found = await readChainAt(prisma, chain.evaluationId, sequence);
    if (found.lastSequence < sequence) {
      findings.push({
        kind: "MISSING",
        evaluationId: chain.evaluationId,
        from: found.lastSequence + 1n,
        to: sequence,
        at: checkpoint.at,
      });
    } else if (found.hash !== chain.hash) {
      findings.push({ kind: "CHANGED", evaluationId: chain.evaluationId, sequence, at: checkpoint.at });
    }
  }
  return findings;
}

export function describeFinding(finding: AnchorFinding, label: string): string {
  return finding.kind === "MISSING"
    ? `MISSING ${label}: ${finding.from === finding.to ? `event ${finding.from}` : `events ${finding.from} to ${finding.to}`} covered by the checkpoint of ${finding.at} ${finding.from === finding.to ? "is" : "are"} not in the database`
    : `CHANGED ${label}: event ${finding.sequence} differs from the checkpoint of ${finding.at}`;
}
