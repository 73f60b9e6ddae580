/**
 * The audit trail: every change (and every read of a respondent's identity) writes one event in
 * the same transaction as the change. Events are append-only (a database trigger refuses UPDATE,
 * DELETE and TRUNCATE) and each evaluation's events form a hash chain, so a row edited or removed
 * behind the app's back is detected by `verifyAuditChain`.
 */
import { createHash, randomBytes } from "node:crypto";
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
 * Locks an evaluation's chain (null: the installation's) for the rest of the transaction and
 * reads its head. A transaction-scoped advisory lock per chain serialises writers, so two
 * concurrent changes never take the same sequence number.
 */
async function lockedChainHead(tx: Tx, evaluationId: string | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${evaluationId ?? "installation"}`}, 0))`;
  return tx.auditEvent.findFirst({
    where: { evaluationId },
    orderBy: { sequence: "desc" },
    select: { sequence: true, hash: true },
  });
}

/** An event as its hash covers it: absent values as null, in its place on the chain. */
function hashedFields(
  input: AuditInput,
  place: Pick<HashedFields, "sequence" | "previousHash" | "createdAt">,
): HashedFields {
  return {
    evaluationId: input.evaluationId,
    actorId: input.actorId,
    action: input.action,
    recordType: input.recordType,
    recordId: input.recordId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    ipAddress: input.ipAddress ?? null,
    ...place,
  };
}

/** Appends one event to its chain. Must run inside the transaction of the change it records. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const last = await lockedChainHead(tx, input.evaluationId);
  const fields = hashedFields(input, {
    sequence: (last?.sequence ?? 0n) + 1n,
    previousHash: last?.hash ?? null,
    createdAt: new Date(),
  });
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
  | {
      ok: false;
      events: number;
      firstBrokenSequence: bigint;
      eventId: string | null;
      reason: "HASH_MISMATCH" | "LINK_BROKEN" | "SEQUENCE_GAP";
    };

/** Re-computes one chain in order, in pages, and names the first event that does not fit. */
export async function verifyAuditChain(
  prisma: PrismaClient,
  evaluationId: string | null,
  pageSize = 5000,
): Promise<ChainVerdict> {
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

/** Rows per INSERT of a bulk write: one array parameter per column, whatever the row count. */
const BULK_CHUNK = 1000;

/**
 * Appends many events at once, exactly as `recordAudit` would append them one by one (same lock,
 * same sequence numbers, same hashes, so `verifyAuditChain` checks them like any other), for
 * writes of thousands of records such as an import: each chain is locked once, its head read once,
 * the hashes computed in memory and the rows inserted a chunk at a time with one array parameter
 * per column (Prisma's createMany costs milliseconds per row in its query engine at this size).
 * Must run inside the transaction of the change it records.
 */
export async function recordAuditEvents(tx: Tx, inputs: AuditInput[]): Promise<void> {
  const chains = new Map<string | null, AuditInput[]>();
  for (const input of inputs) {
    const chain = chains.get(input.evaluationId);
    if (chain) chain.push(input);
    else chains.set(input.evaluationId, [input]);
  }
  // Locks taken in one order, so two bulk writers touching the same chains cannot deadlock.
  const ordered = [...chains.entries()].sort(([a], [b]) => (a ?? "").localeCompare(b ?? ""));
  for (const [evaluationId, events] of ordered) await appendToChain(tx, evaluationId, events);
}

async function appendToChain(tx: Tx, evaluationId: string | null, events: AuditInput[]): Promise<void> {
  const last = await lockedChainHead(tx, evaluationId);
  let sequence = last?.sequence ?? 0n;
  let previousHash = last?.hash ?? null;
  const createdAt = new Date();
  // timestamp(3) without time zone holds UTC, as Prisma writes it.
  const storedAt = createdAt.toISOString().replace("T", " ").replace("Z", "");
  for (let start = 0; start < events.length; start += BULK_CHUNK) {
    const columns = {
      id: [] as string[],
      actorId: [] as Array<string | null>,
      action: [] as string[],
      recordType: [] as string[],
      recordId: [] as Array<string | null>,
      before: [] as Array<string | null>,
      after: [] as Array<string | null>,
      ipAddress: [] as Array<string | null>,
      sequence: [] as string[],
      previousHash: [] as Array<string | null>,
      hash: [] as string[],
    };
    for (const input of events.slice(start, start + BULK_CHUNK)) {
      sequence += 1n;
      const fields = hashedFields({ ...input, evaluationId }, { sequence, previousHash, createdAt });
      const hash = hashAuditEvent(fields);
      columns.id.push(bulkEventId());
      columns.actorId.push(fields.actorId);
      columns.action.push(fields.action);
      columns.recordType.push(fields.recordType);
      columns.recordId.push(fields.recordId);
      // Stored as the canonical text that was hashed, so reading it back hashes the same.
      columns.before.push(fields.before === null ? null : canonicalJson(fields.before));
      columns.after.push(fields.after === null ? null : canonicalJson(fields.after));
      columns.ipAddress.push(fields.ipAddress);
      columns.sequence.push(sequence.toString());
      columns.previousHash.push(previousHash);
      columns.hash.push(hash);
      previousHash = hash;
    }
    await tx.$executeRaw`
      INSERT INTO audit_event (id, evaluation_id, actor_id, action, record_type, record_id, before, after, ip_address, sequence, previous_hash, hash, created_at)
      SELECT e.id, ${evaluationId}, e.actor_id, e.action, e.record_type, e.record_id, e.before::jsonb, e.after::jsonb, e.ip_address, e.sequence::bigint, e.previous_hash, e.hash, ${storedAt}::timestamp(3)
      FROM unnest(${columns.id}::text[], ${columns.actorId}::text[], ${columns.action}::text[], ${columns.recordType}::text[], ${columns.recordId}::text[],
                  ${columns.before}::text[], ${columns.after}::text[], ${columns.ipAddress}::text[], ${columns.sequence}::text[], ${columns.previousHash}::text[], ${columns.hash}::text[])
        AS e(id, actor_id, action, record_type, record_id, before, after, ip_address, sequence, previous_hash, hash)`;
  }
}

let bulkCounter = randomBytes(2).readUInt16BE(0);

/** An id in the shape of Prisma's cuid() (the column has no database default). */
function bulkEventId(): string {
  bulkCounter = (bulkCounter + 1) % 36 ** 4;
  const random = Array.from(randomBytes(12), (byte) => "0123456789abcdefghijklmnopqrstuvwxyz"[byte % 36]).join("");
  return `c${Date.now().toString(36).padStart(8, "0").slice(-8)}${bulkCounter.toString(36).padStart(4, "0")}${random}`;
}
