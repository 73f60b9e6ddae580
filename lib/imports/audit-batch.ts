/**
 * Appends many audit events to an evaluation's chain at once, exactly as `recordAudit` would one
 * by one (same lock, same sequence numbers, same hashes), so a 10,000-row import writes one event
 * per created record without 30,000 round trips. Must run inside the import's transaction.
 */
import { randomBytes } from "node:crypto";
import { hashAuditEvent, type AuditInput } from "@/lib/audit";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export async function recordAuditMany(tx: Tx, evaluationId: string, events: Array<Omit<AuditInput, "evaluationId">>): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${evaluationId}`}, 0))`;
  const last = await tx.auditEvent.findFirst({ where: { evaluationId }, orderBy: { sequence: "desc" }, select: { sequence: true, hash: true } });
  let sequence = last?.sequence ?? 0n;
  let previousHash = last?.hash ?? null;
  const createdAt = new Date();
  const rows = events.map((event) => {
    sequence += 1n;
    const fields = {
      evaluationId,
      actorId: event.actorId,
      action: event.action,
      recordType: event.recordType,
      recordId: event.recordId ?? null,
      before: event.before ?? null,
      after: event.after ?? null,
      ipAddress: event.ipAddress ?? null,
      sequence,
      previousHash,
      createdAt,
    };
    const hash = hashAuditEvent(fields);
    previousHash = hash;
    return {
      ...fields,
      before: (fields.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (fields.after ?? undefined) as Prisma.InputJsonValue | undefined,
      hash,
    };
  });
  await tx.auditEvent.createMany({ data: rows });
}

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
let counter = randomBytes(2).readUInt16BE(0);

/**
 * An id in the shape of Prisma's cuid(), chosen before writing so that a chunk of records, their
 * child rows, sealed identities (bound to the id) and audit events go in with one insert per table.
 */
export function newRecordId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const random = Array.from(randomBytes(12), (byte) => ALPHABET[byte % 36]).join("");
  return `c${time}${counter.toString(36).padStart(4, "0")}${random}`;
}
