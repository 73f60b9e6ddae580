/** Evaluation writes: one transaction each, with the audit event in the evaluation's own chain. */
import type { Rejection } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { createInvitationInTransaction, type CreatedInvitation } from "@/lib/invitations/mutations";
import { addMemberInTransaction } from "@/lib/members/mutations";
import { calendarDay, type CreateEvaluationInput } from "./schema";

export type Meta = { ipAddress?: string | null };

export type CreatedEvaluation = {
  evaluationId: string;
  /** MEMBER: an existing account was made lead. INVITED: the token of the lead's invitation (shown once). */
  lead: { kind: "MEMBER"; name: string } | { kind: "INVITED"; email: string; invitation: CreatedInvitation };
};

/** Creates the evaluation and names its first lead, all or nothing. */
export async function createEvaluation(actorId: string, input: CreateEvaluationInput, meta: Meta = {}): Promise<CreatedEvaluation | Rejection> {
  return db().$transaction(async (tx) => {
    const lead = await tx.user.findUnique({ where: { email: input.leadEmail }, select: { id: true, name: true, disabledAt: true } });
    if (lead?.disabledAt) return { rejected: "LEAD_DISABLED", field: "leadEmail" } satisfies Rejection;

    const fields = {
      name: input.name,
      client: input.client,
      evaluatorOrganisation: input.evaluatorOrganisation,
      periodStart: calendarDay(input.periodStart),
      periodEnd: calendarDay(input.periodEnd),
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
      await addMemberInTransaction(tx, { actorId, evaluationId: evaluation.id, userId: lead.id, roles: ["LEAD"], ipAddress: meta.ipAddress });
      return { evaluationId: evaluation.id, lead: { kind: "MEMBER", name: lead.name } } satisfies CreatedEvaluation;
    }
    const invitation = await createInvitationInTransaction(tx, {
      actorId,
      evaluationId: evaluation.id,
      email: input.leadEmail,
      roles: ["LEAD"],
      ipAddress: meta.ipAddress,
    });
    return { evaluationId: evaluation.id, lead: { kind: "INVITED", email: input.leadEmail, invitation } } satisfies CreatedEvaluation;
  });
}
