/**
 * Identities for an identified export: opened batch by batch, for the respondents of one batch.
 * The caller has checked `export.identified` and that the member asked; the export's own audit
 * event (written when the file is complete) records that identities left, with the row count.
 * Destroyed identities stay empty: a withdrawal with DESTROY is never undone by an export.
 */
import "server-only";
import { keyRingFromEnv, type KeyRing } from "@/lib/crypto";
import { db } from "@/lib/db";
import { openIdentity, type IdentityValues } from "./sealing";

export async function openIdentitiesForExport(
  evaluationId: string,
  respondentIds: string[],
  ring: KeyRing = keyRingFromEnv(),
): Promise<Map<string, IdentityValues>> {
  if (respondentIds.length === 0) return new Map();
  const stored = await db().respondentIdentity.findMany({
    where: { evaluationId, respondentId: { in: respondentIds }, destroyedAt: null },
    select: { respondentId: true, nameCiphertext: true, contactCiphertext: true, communityCiphertext: true },
  });
  return new Map(stored.map((row) => [row.respondentId, openIdentity(row.respondentId, row, ring)]));
}
