/** Evaluation writes: one transaction each, with the audit event in the evaluation's own chain. */
import "server-only";
import type { Rejection } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import { isoDay, utcMidnight } from "@/lib/core/calendar-day";
import { changedFields } from "@/lib/core/changed-fields";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createInvitationInTransaction, type CreatedInvitation } from "@/lib/invitations/mutations";
import { addMemberInTransaction } from "@/lib/members/mutations";
import { type CreateEvaluationInput, type UpdateEvaluationInput } from "./schema";

export type Meta = { ipAddress?: string | null };

export type CreatedEvaluation = {
  evaluationId: string;
  /** MEMBER: an existing account was made lead. INVITED: the token of the lead's invitation (shown once). */
  lead: { kind: "MEMBER"; name: string } | { kind: "INVITED"; email: string; invitation: CreatedInvitation };
};

/** Creates the evaluation and names its first lead, all or nothing. */
export async function createEvaluation(
  actorId: string,
  input: CreateEvaluationInput,
  meta: Meta = {},
): Promise<CreatedEvaluation | Rejection> {
  return db().$transaction(async (tx) => {
    const lead = await tx.user.findUnique({
      where: { email: input.leadEmail },
      select: { id: true, name: true, disabledAt: true, isAdmin: true },
    });
    if (lead?.disabledAt) return { rejected: "LEAD_DISABLED", field: "leadEmail" } satisfies Rejection;
    // The administrator who creates an evaluation does not name themselves its lead: that would
    // give them its identities by their own act alone (docs/decisions/0030).
    if (lead?.id === actorId) return { rejected: "SELF_INVITATION", field: "leadEmail" } satisfies Rejection;

    const fields = {
      name: input.name,
      client: input.client,
      evaluatorOrganisation: input.evaluatorOrganisation,
      periodStart: utcMidnight(input.periodStart),
      periodEnd: utcMidnight(input.periodEnd),
      languages: input.languages,
    };
    const evaluation = await tx.evaluation.create({ data: fields, select: { id: true } });
    await recordAudit(tx, {
      evaluationId: evaluation.id,
      actorId,
      action: "evaluation.create",
      recordType: "Evaluation",
      recordId: evaluation.id,
      after: { ...fields, periodStart: input.periodStart, periodEnd: input.periodEnd },
      ipAddress: meta.ipAddress,
    });

    if (lead) {
      await addMemberInTransaction(tx, {
        actorId,
        evaluationId: evaluation.id,
        userId: lead.id,
        roles: ["LEAD"],
        administrator: lead.isAdmin,
        ipAddress: meta.ipAddress,
      });
      return { evaluationId: evaluation.id, lead: { kind: "MEMBER", name: lead.name } } satisfies CreatedEvaluation;
    }
    const invitation = await createInvitationInTransaction(tx, {
      actorId,
      evaluationId: evaluation.id,
      email: input.leadEmail,
      roles: ["LEAD"],
      ipAddress: meta.ipAddress,
    });
    return {
      evaluationId: evaluation.id,
      lead: { kind: "INVITED", email: input.leadEmail, invitation },
    } satisfies CreatedEvaluation;
  });
}

/** Edits the evaluation's details as the person saw them (version-checked); the audit event holds only what changed. */
export async function updateEvaluation(
  actorId: string,
  input: UpdateEvaluationInput,
  meta: Meta = {},
): Promise<{ version: number } | Rejection> {
  const { evaluationId, expectedVersion, timeZone, ...rest } = input;
  // A caller that sends no zone leaves it as it is.
  const fields = timeZone === undefined ? rest : { ...rest, timeZone };
  return db().$transaction(async (tx) => {
    const [stored] = await tx.$queryRaw<
      Array<{ version: number }>
    >`SELECT version FROM evaluation WHERE id = ${evaluationId} FOR UPDATE`;
    if (!stored) throw new AppError("NOT_FOUND");
    if (stored.version !== expectedVersion) return { rejected: "STALE_VERSION" } satisfies Rejection;
    const current = await tx.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    const changes = changedFields(
      { ...current, periodStart: isoDay(current.periodStart), periodEnd: isoDay(current.periodEnd) },
      fields,
    );
    if (!changes.changed) return { version: stored.version };
    const updated = await tx.evaluation.update({
      where: { id: evaluationId },
      data: {
        ...fields,
        periodStart: utcMidnight(fields.periodStart),
        periodEnd: utcMidnight(fields.periodEnd),
        version: { increment: 1 },
      },
      select: { version: true },
    });
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "evaluation.update",
      recordType: "Evaluation",
      recordId: evaluationId,
      before: changes.before,
      after: changes.after,
      ipAddress: meta.ipAddress,
    });
    return { version: updated.version };
  });
}
