/**
 * The database side of the audit trail's anchor: each chain's head (its newest event), and the
 * event a checkpoint names. Takes the client it is given: the launcher and the scripts have no
 * server-wide one.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type ChainHead = { evaluationId: string | null; sequence: bigint; hash: string };

/** The newest event of every chain, on the (evaluation_id, sequence) unique index. */
export async function readChainHeads(prisma: PrismaClient): Promise<ChainHead[]> {
  const rows = await prisma.$queryRaw<Array<{ evaluation_id: string | null; sequence: bigint; hash: string }>>`
    SELECT DISTINCT ON (evaluation_id) evaluation_id, sequence, hash
    FROM audit_event ORDER BY evaluation_id, sequence DESC`;
  return rows.map((row) => ({ evaluationId: row.evaluation_id, sequence: row.sequence, hash: row.hash }));
}

/** What the database holds of one chain at a sequence number: its hash, and the chain's last sequence. */
export async function readChainAt(prisma: PrismaClient, evaluationId: string | null, sequence: bigint) {
  const [event, last] = await Promise.all([
    prisma.auditEvent.findFirst({ where: { evaluationId, sequence }, select: { hash: true } }),
    prisma.auditEvent.findFirst({ where: { evaluationId }, orderBy: { sequence: "desc" }, select: { sequence: true } }),
  ]);
  return { hash: event?.hash ?? null, lastSequence: last?.sequence ?? 0n };
}
