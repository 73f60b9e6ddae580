/**
 * Reading and changing a respondent's sealed identity. A read is a write too: the audit event
 * "respondent.identity.read" is written in the same transaction that opens the values, so there
 * is no read without its trace. Audit events name the parts, never their values.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { refusals, refusalsAsRejections, type Rejection } from "@/lib/core/refusal";
import { keyRingFromEnv, type KeyRing } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { IDENTITY_FIELDS } from "./constants";
import { changedIdentityFields } from "./policy";
import type { IdentityInput } from "./schema";
import { EMPTY_IDENTITY, identityParts, openIdentity, sealIdentity, type IdentityValues } from "./sealing";
import { lockAtVersion, saveOverVersion, TRANSACTION_OPTIONS, type Actor } from "./transaction";

/** Why a respondent's identity is not changed: it was destroyed on withdrawal, or changed since the form was loaded. */
export const IDENTITY_REFUSALS = ["IDENTITY_DESTROYED", "STALE_VERSION"] as const;
export type IdentityRefusal = (typeof IDENTITY_REFUSALS)[number];
const { refuse } = refusals<IdentityRefusal>();

export type RevealedIdentity =
  { state: "none" } | { state: "destroyed"; destroyedAt: Date } | { state: "present"; values: IdentityValues };

const SEALED = {
  nameCiphertext: true,
  contactCiphertext: true,
  communityCiphertext: true,
  destroyedAt: true,
} as const;

/** Opens the identity for someone allowed to see it, and records that they did. */
export async function revealIdentity(
  actor: Actor,
  input: { evaluationId: string; respondentId: string },
  ring: KeyRing = keyRingFromEnv(),
): Promise<RevealedIdentity> {
  const { evaluationId, respondentId } = input;
  return db().$transaction(async (tx) => {
    const respondent = await tx.respondent.findFirst({
      where: { id: respondentId, evaluationId },
      select: { code: true },
    });
    if (!respondent) throw new AppError("NOT_FOUND", "respondent not in this evaluation");
    const stored = await tx.respondentIdentity.findFirst({ where: { evaluationId, respondentId }, select: SEALED });
    if (!stored) return { state: "none" } as const;
    if (stored.destroyedAt) return { state: "destroyed", destroyedAt: stored.destroyedAt } as const;
    const values = openIdentity(respondentId, stored, ring);
    await recordAudit(tx, {
      evaluationId,
      actorId: actor.actorId,
      ipAddress: actor.ipAddress,
      action: "respondent.identity.read",
      recordType: "Respondent",
      recordId: respondentId,
      after: {
        code: respondent.code,
        fields: IDENTITY_FIELDS.filter((field) => identityParts(values)[field] !== null),
      },
    });
    return { state: "present", values } as const;
  }, TRANSACTION_OPTIONS);
}

export type UpdateIdentityInput = {
  evaluationId: string;
  respondentId: string;
  version: number;
  identity: IdentityInput;
};

/**
 * Replaces the identity (an empty part clears it) if nobody saved the respondent since the form
 * was loaded. Refused once the identity was destroyed: a withdrawal cannot be undone.
 */
export async function updateIdentity(
  actor: Actor,
  input: UpdateIdentityInput,
  ring: KeyRing = keyRingFromEnv(),
): Promise<{ version: number } | Rejection> {
  const { evaluationId, respondentId } = input;
  return refusalsAsRejections(() =>
    db().$transaction(async (tx) => {
      const locked = await lockAtVersion(tx, evaluationId, respondentId, input.version);
      const stored = await tx.respondentIdentity.findFirst({
        where: { evaluationId, respondentId },
        select: { id: true, ...SEALED },
      });
      if (stored?.destroyedAt) throw refuse("IDENTITY_DESTROYED");

      const before = identityParts(stored ? openIdentity(respondentId, stored, ring) : EMPTY_IDENTITY);
      const after = identityParts(input.identity);
      const changed = changedIdentityFields(before, after);
      if (changed.length === 0) return { version: locked.version };

      const sealed = sealIdentity(respondentId, input.identity, ring);
      if (stored) {
        await tx.respondentIdentity.update({ where: { id: stored.id }, data: sealed, select: { id: true } });
      } else {
        await tx.respondentIdentity.create({ data: { evaluationId, respondentId, ...sealed }, select: { id: true } });
      }
      const version = await saveOverVersion(tx, evaluationId, locked);
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "respondent.identity.update",
        recordType: "Respondent",
        recordId: respondentId,
        after: { code: locked.code, fields: changed, version },
      });
      return { version };
    }, TRANSACTION_OPTIONS),
  );
}
