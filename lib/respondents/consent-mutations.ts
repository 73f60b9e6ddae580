/**
 * Recording a consent form and withdrawing consent. A withdrawal is final: it is written once,
 * later consent forms are refused, and its effects (exclusion, destruction) happen in the same
 * transaction as the withdrawal and its audit event.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { utcMidnight } from "@/lib/core/calendar-day";
import { refusals, refusalsAsRejections, type Rejection } from "@/lib/core/refusal";
import { db } from "@/lib/db";
import { CONSENT_SCOPES } from "./constants";
import { destroyRespondentData, type DestructionSummary } from "./destruction";
import { consentRefusal, currentConsent, withdrawalExcludes, withdrawalRefusal } from "./policy";
import type { ConsentInput, WithdrawalInput } from "./schema";
import { lockRespondent, TRANSACTION_OPTIONS, type Actor, type Tx } from "./transaction";

/** Why a consent form or a withdrawal is not recorded (the rules are in ./policy.ts). */
export const CONSENT_REFUSALS = [
  "CONSENT_WITHDRAWN",
  "CONSENT_OLDER",
  "NO_CONSENT",
  "ALREADY_WITHDRAWN",
  "CONSENT_CHANGED",
  "WITHDRAWAL_BEFORE_CONSENT",
] as const;
export type ConsentRefusal = (typeof CONSENT_REFUSALS)[number];
const { refuse } = refusals<ConsentRefusal>();

async function consentsOf(tx: Tx, evaluationId: string, respondentId: string) {
  const [consents, identity] = await Promise.all([
    tx.consent.findMany({
      where: { evaluationId, respondentId },
      select: { id: true, givenOn: true, withdrawnOn: true, withdrawalChoice: true, createdAt: true },
    }),
    tx.respondentIdentity.findFirst({ where: { evaluationId, respondentId }, select: { destroyedAt: true } }),
  ]);
  return { current: currentConsent(consents), identityDestroyed: Boolean(identity?.destroyedAt) };
}

export type RecordConsentInput = Omit<ConsentInput, "evaluationId" | "respondentId"> & {
  evaluationId: string;
  respondentId: string;
};

export async function recordConsent(
  actor: Actor,
  input: RecordConsentInput,
): Promise<{ consentId: string } | Rejection> {
  const { evaluationId, respondentId } = input;
  const givenOn = utcMidnight(input.givenOn);
  return refusalsAsRejections(() =>
    db().$transaction(async (tx) => {
      const locked = await lockRespondent(tx, evaluationId, respondentId);
      const { current, identityDestroyed } = await consentsOf(tx, evaluationId, respondentId);
      const refusal = consentRefusal(current, givenOn, identityDestroyed);
      if (refusal) throw refuse(refusal.reason, refusal.field);

      const consent = await tx.consent.create({
        data: {
          evaluationId,
          respondentId,
          givenOn,
          method: input.method,
          formVersion: input.formVersion,
          language: input.language,
          recordedById: actor.actorId,
        },
        select: { id: true },
      });
      await tx.consentScope.createMany({
        data: CONSENT_SCOPES.map((scope) => ({
          evaluationId,
          consentId: consent.id,
          scope,
          granted: input.scopes[scope],
        })),
      });
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "consent.record",
        recordType: "Respondent",
        recordId: respondentId,
        after: {
          code: locked.code,
          consentId: consent.id,
          givenOn: input.givenOn,
          method: input.method,
          formVersion: input.formVersion,
          language: input.language,
          scopes: input.scopes,
        },
      });
      return { consentId: consent.id };
    }, TRANSACTION_OPTIONS),
  );
}

export type WithdrawConsentInput = Omit<WithdrawalInput, "confirmed">;

export type WithdrawalOutcome = { choice: WithdrawalInput["choice"]; destroyed: DestructionSummary | null };

export async function withdrawConsent(
  actor: Actor,
  input: WithdrawConsentInput,
  now: Date = new Date(),
): Promise<WithdrawalOutcome | Rejection> {
  const { evaluationId, respondentId } = input;
  const withdrawnOn = utcMidnight(input.withdrawnOn);
  return refusalsAsRejections(() =>
    db().$transaction(async (tx) => {
      const locked = await lockRespondent(tx, evaluationId, respondentId);
      const { current } = await consentsOf(tx, evaluationId, respondentId);
      const refusal = withdrawalRefusal(current, { consentId: input.consentId, withdrawnOn });
      if (refusal) throw refuse(refusal.reason, refusal.field);

      const withdrawn = await tx.consent.updateMany({
        where: { id: input.consentId, evaluationId, respondentId, withdrawnOn: null },
        data: { withdrawnOn, withdrawalChoice: input.choice, withdrawalNote: input.note },
      });
      if (withdrawn.count !== 1) throw refuse("ALREADY_WITHDRAWN");

      const excludedAt = withdrawalExcludes(input.choice) ? (locked.excludedAt ?? now) : locked.excludedAt;
      if (excludedAt !== locked.excludedAt) {
        await tx.respondent.updateMany({
          where: { id: respondentId, evaluationId },
          data: { excludedAt, version: { increment: 1 } },
        });
      }
      const destroyed =
        input.choice === "DESTROY" ? await destroyRespondentData(tx, evaluationId, respondentId, now) : null;

      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "consent.withdraw",
        recordType: "Respondent",
        recordId: respondentId,
        before: { withdrawnOn: null, excludedAt: locked.excludedAt?.toISOString() ?? null },
        after: {
          code: locked.code,
          consentId: input.consentId,
          withdrawnOn: input.withdrawnOn,
          choice: input.choice,
          // The note can be personal: the audit says only that there is one.
          noteRecorded: input.note !== null,
          excludedAt: excludedAt?.toISOString() ?? null,
          ...(destroyed ? { erased: erasedForAudit(destroyed) } : {}),
        },
      });
      return { choice: input.choice, destroyed };
    }, TRANSACTION_OPTIONS),
  );
}

/** Ids and counts of what was erased; none of the erased content. */
function erasedForAudit(summary: DestructionSummary) {
  return {
    ...summary,
    counts: {
      interviews: summary.interviewIds.length,
      focusGroups: summary.focusGroupIds.length,
      excerptsDeleted: summary.excerptsDeleted.length,
      excerptsEmptied: summary.excerptsEmptied.length,
      storiesFlagged: summary.storiesFlagged.length,
    },
  };
}
