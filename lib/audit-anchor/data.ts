/**
 * The database side of the audit trail's anchor: each chain's head (its newest event), and the
 * event a checkpoint names. Takes the client it is given: the launcher and the scripts have no
 * server-wide one.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type ChainHead = { evaluationId: string | null; sequence: bigint; hash: string };

/**
 * The newest event of every chain. Written as a skip over the (evaluation_id, sequence) index, one
 * probe per chain, because the launcher asks every minute and DISTINCT ON would read every event.
 */
export async function readChainHeads(prisma: PrismaClient): Promise<ChainHead[]> {
  const rows = await prisma.$queryRaw<Array<{ evaluation_id: string | null; sequence: bigint; hash: string }>>`
    WITH RECURSIVE chains(evaluation_id) AS (
      (SELECT evaluation_id FROM audit_event WHERE evaluation_id IS NOT NULL ORDER BY evaluation_id LIMIT 1)
      UNION ALL
      SELECT (SELECT a.evaluation_id FROM audit_event a WHERE a.evaluation_id > c.evaluation_id ORDER BY a.evaluation_id LIMIT 1)
      FROM chains c WHERE c.evaluation_id IS NOT NULL
    )
    SELECT h.evaluation_id, h.sequence, h.hash FROM chains c
    CROSS JOIN LATERAL (SELECT a.evaluation_id, a.sequence, a.hash FROM audit_event a WHERE a.evaluation_id = c.evaluation_id ORDER BY a.sequence DESC LIMIT 1) h
    UNION ALL
    (SELECT evaluation_id, sequence, hash FROM audit_event WHERE evaluation_id IS NULL ORDER BY sequence DESC LIMIT 1)`;
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
