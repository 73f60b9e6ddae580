/**
 * Domain assignment with history: a reassignment ends the current row (endedAt, endedById) and
 * inserts a new one; rows are never deleted or re-opened. The database keeps one current primary
 * per story (partial unique index), so two people assigning a primary at once end with one of
 * them refused (CONFLICT). One transaction per change, with its audit event.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { refusals, type Refused } from "@/lib/core/refusal";
import { canAssignDomainAt, planAssignment } from "./policy";
import type { AssignDomainInput, EndAssignmentInput } from "./schema";

/** Why a story's domain is not assigned or its assignment not ended. */
export const ASSIGNMENT_REFUSALS = [
  "STAGE_LOCKED",
  "NOT_IN_EVALUATION",
  "DOMAIN_RETIRED",
  "ALREADY_ASSIGNED",
  "ALREADY_PRIMARY",
  "PRIMARY_CANNOT_END",
] as const;
export type AssignmentRefusal = (typeof ASSIGNMENT_REFUSALS)[number];
const { refuse, asResults } = refusals<AssignmentRefusal>();

type Actor = { actorId: string; ipAddress?: string | null };

async function storyStage(tx: Prisma.TransactionClient, evaluationId: string, storyId: string) {
  const story = await tx.changeStory.findFirst({ where: { id: storyId, evaluationId }, select: { stage: true } });
  if (!story) throw new AppError("NOT_FOUND");
  if (!canAssignDomainAt(story.stage)) throw refuse("STAGE_LOCKED");
}

function uniqueViolationIsConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    throw new AppError("CONFLICT", "another assignment won");
  throw error;
}

type Assignment = Omit<AssignDomainInput, "evaluationId"> & Actor & { evaluationId: string; importBatchId?: string };

/**
 * One assignment with its audit event, inside the caller's transaction: the form's action
 * (assignDomain) and a story import (lib/imports/writers.ts, on the stories it has just created)
 * assign through here, with the same stage, domain and history rules.
 */
export async function assignDomainInTransaction(
  tx: Prisma.TransactionClient,
  input: Assignment,
): Promise<{ assignmentId: string }> {
  const { actorId, evaluationId, storyId, domainId, kind, rationale } = input;
  await storyStage(tx, evaluationId, storyId);
  const domain = await tx.domain.findFirst({ where: { id: domainId, evaluationId }, select: { retiredAt: true } });
  if (!domain) throw refuse("NOT_IN_EVALUATION", "domainId");
  if (domain.retiredAt) throw refuse("DOMAIN_RETIRED", "domainId");
  const current = await tx.domainAssignment.findMany({
    where: { evaluationId, storyId, endedAt: null },
    select: { id: true, domainId: true, kind: true },
  });
  const primaryNow = current.find((row) => row.kind === "PRIMARY")?.id ?? null;
  if (kind === "PRIMARY" && primaryNow !== input.expectedPrimaryId)
    throw new AppError("CONFLICT", "the primary domain changed meanwhile");
  const plan = planAssignment(current, domainId, kind);
  if (!plan.ok) throw refuse(plan.reason, "domainId");
  const now = new Date();
  if (plan.end.length > 0) {
    const ended = await tx.domainAssignment.updateMany({
      where: { evaluationId, storyId, id: { in: plan.end }, endedAt: null },
      data: { endedAt: now, endedById: actorId },
    });
    if (ended.count !== plan.end.length) throw new AppError("CONFLICT", "an assignment was ended meanwhile");
  }
  const created = await tx.domainAssignment.create({
    data: { evaluationId, storyId, domainId, kind, rationale, assignedById: actorId, assignedAt: now },
    select: { id: true },
  });
  const endedRows = current
    .filter((row) => plan.end.includes(row.id))
    .map(({ domainId: ended, kind: endedKind }) => ({ domainId: ended, kind: endedKind }));
  await recordAudit(tx, {
    evaluationId,
    actorId,
    action: "story.domain.assign",
    recordType: "ChangeStory",
    recordId: storyId,
    before: endedRows.length ? { current: endedRows } : null,
    after: {
      assignmentId: created.id,
      domainId,
      kind,
      rationale,
      ...(input.importBatchId ? { importBatchId: input.importBatchId } : {}),
    },
    ipAddress: input.ipAddress,
  });
  return { assignmentId: created.id };
}

export async function assignDomain(
  input: Assignment,
): Promise<{ ok: true; assignmentId: string } | Refused<AssignmentRefusal>> {
  return asResults(() =>
    db()
      .$transaction(
        async (tx) => ({ ok: true as const, ...(await assignDomainInTransaction(tx, input)) }),
        TRANSACTION_OPTIONS,
      )
      .catch(uniqueViolationIsConflict),
  );
}

export async function endSecondaryAssignment(
  input: Omit<EndAssignmentInput, "evaluationId"> & Actor & { evaluationId: string },
): Promise<{ ok: true } | Refused<AssignmentRefusal>> {
  const { actorId, evaluationId, storyId, assignmentId } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      await storyStage(tx, evaluationId, storyId);
      const row = await tx.domainAssignment.findFirst({
        where: { id: assignmentId, evaluationId, storyId },
        select: { kind: true, domainId: true, endedAt: true },
      });
      if (!row) throw new AppError("NOT_FOUND");
      if (row.kind === "PRIMARY") throw refuse("PRIMARY_CANNOT_END");
      const ended = await tx.domainAssignment.updateMany({
        where: { id: assignmentId, evaluationId, storyId, endedAt: null },
        data: { endedAt: new Date(), endedById: actorId },
      });
      if (ended.count !== 1) throw new AppError("CONFLICT", "already ended");
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "story.domain.end",
        recordType: "ChangeStory",
        recordId: storyId,
        before: { assignmentId, domainId: row.domainId, kind: row.kind },
        after: { assignmentId, ended: true },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const };
    }, TRANSACTION_OPTIONS),
  );
}
