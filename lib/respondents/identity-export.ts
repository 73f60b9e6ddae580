/**
 * Identities for an identified export: opened batch by batch, for the respondents of one batch.
 * The caller has checked `export.identified` and that the member asked; the export door records
 * that identities are leaving before the first row, and the row count when the file is complete.
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
