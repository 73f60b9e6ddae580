/**
 * The audit trail: every change (and every read of a respondent's identity) writes one event in
 * the same transaction as the change. Events are append-only (a database trigger refuses UPDATE,
 * DELETE and TRUNCATE) and each evaluation's events form a hash chain, so a row edited or removed
 * behind the app's back is detected by `verifyAuditChain`.
 */
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type AuditInput = {
  /** Null for installation-wide events such as sign-in. */
  evaluationId: string | null;
  actorId: string | null;
  /** Dotted verb from the evaluators' vocabulary, e.g. "story.update". */
  action: string;
  recordType: string;
  recordId?: string | null;
  /** Only the changed fields; never identity plaintext or secrets. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  ipAddress?: string | null;
};

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

type HashedFields = {
  evaluationId: string | null;
  actorId: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  before: unknown;
  after: unknown;
  ipAddress: string | null;
  sequence: bigint;
  previousHash: string | null;
  createdAt: Date;
};

export function hashAuditEvent(event: HashedFields): string {
  const content = canonicalJson({ ...event, sequence: event.sequence.toString() });
  return createHash("sha256").update(content).digest("hex");
}

/**
 * Appends one event to its chain. Must run inside the transaction of the change it records.
 * A transaction-scoped advisory lock per chain serialises writers, so two concurrent changes
 * never take the same sequence number.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const chain = input.evaluationId ?? "installation";
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${chain}`}, 0))`;
  const last = await tx.auditEvent.findFirst({
    where: { evaluationId: input.evaluationId },
    orderBy: { sequence: "desc" },
    select: { sequence: true, hash: true },
  });
  const fields: HashedFields = {
    evaluationId: input.evaluationId,
    actorId: input.actorId,
    action: input.action,
    recordType: input.recordType,
    recordId: input.recordId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    ipAddress: input.ipAddress ?? null,
    sequence: (last?.sequence ?? 0n) + 1n,
    previousHash: last?.hash ?? null,
    createdAt: new Date(),
  };
  await tx.auditEvent.create({
    data: {
      ...fields,
      before: (fields.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (fields.after ?? undefined) as Prisma.InputJsonValue | undefined,
      hash: hashAuditEvent(fields),
    },
  });
}

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; events: number; firstBrokenSequence: bigint; eventId: string | null; reason: "HASH_MISMATCH" | "LINK_BROKEN" | "SEQUENCE_GAP" };

/** Re-computes one chain in order, in pages, and names the first event that does not fit. */
export async function verifyAuditChain(prisma: PrismaClient, evaluationId: string | null, pageSize = 5000): Promise<ChainVerdict> {
  let previousHash: string | null = null;
  let expected = 1n;
  let events = 0;
  for (;;) {
    const page = await prisma.auditEvent.findMany({
      where: { evaluationId, sequence: { gte: expected } },
      orderBy: { sequence: "asc" },
      take: pageSize,
    });
    for (const event of page) {
      const broken = (reason: "HASH_MISMATCH" | "LINK_BROKEN" | "SEQUENCE_GAP", id: string | null = event.id) =>
        ({ ok: false, events, firstBrokenSequence: expected, eventId: id, reason }) as const;
      if (event.sequence !== expected) return broken("SEQUENCE_GAP", null);
      if (event.previousHash !== previousHash) return broken("LINK_BROKEN");
      const recomputed = hashAuditEvent({
        evaluationId: event.evaluationId,
        actorId: event.actorId,
        action: event.action,
        recordType: event.recordType,
        recordId: event.recordId,
        before: event.before,
        after: event.after,
        ipAddress: event.ipAddress,
        sequence: event.sequence,
        previousHash: event.previousHash,
        createdAt: event.createdAt,
      });
      if (recomputed !== event.hash) return broken("HASH_MISMATCH");
      previousHash = event.hash;
      expected += 1n;
      events += 1;
    }
    if (page.length < pageSize) return { ok: true, events };
  }
}
