/**
 * An audit event's hash recomputed from its own stored columns, as someone checking the chain
 * outside the app would (lib/audit.ts hashes exactly these fields, so a row's extra columns such
 * as its id and hash must be left out).
 */
import { hashAuditEvent } from "@/lib/audit";

type HashedFields = Parameters<typeof hashAuditEvent>[0];

const HASHED_FIELDS = [
  "evaluationId",
  "actorId",
  "action",
  "recordType",
  "recordId",
  "before",
  "after",
  "ipAddress",
  "sequence",
  "previousHash",
  "createdAt",
] as const satisfies ReadonlyArray<keyof HashedFields>;

export function hashOfStored(event: HashedFields): string {
  return hashAuditEvent(Object.fromEntries(HASHED_FIELDS.map((field) => [field, event[field]])) as HashedFields);
}
