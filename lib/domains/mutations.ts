/**
 * Domain assignment with history: a reassignment ends the current row (endedAt, endedById) and
 * inserts a new one; rows are never deleted or re-opened. The database keeps one current primary
 * per story (partial unique index), so two people assigning a primary at once end with one of
 * them refused (CONFLICT). One transaction per change, with its audit event.
 */
import "server-only";
import { recordAudit, recordAuditEvents, type AuditInput } from "@/lib/audit";
import { newRecordId } from "@/lib/imports/record-ids";
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

/** One assignment with its audit event, inside the caller's transaction (the form's action). */
export async function assignDomainInTransaction(
  tx: Prisma.TransactionClient,
  input: Assignment,
): Promise<{ assignmentId: string }> {
  const [assignmentId] = await assignDomainsInTransaction(tx, input, [input]);
  return { assignmentId: assignmentId! };
}

type Step = Pick<AssignDomainInput, "storyId" | "domainId" | "kind" | "rationale" | "expectedPrimaryId">;

/**
 * Assignments in the order given, each with its "story.domain.assign" audit event, inside the
 * caller's transaction: the form's action assigns one, a story import the domains of a chunk of
 * stories it has just created (lib/imports/writers.ts), with the same stage, domain, history and
 * expected-primary rules. Whatever their number: one read each of the stories, the domains and
 * the current assignments, one update of the rows a step ends, one insert and the events in one go.
 */
export async function assignDomainsInTransaction(
  tx: Prisma.TransactionClient,
  actor: Actor & { evaluationId: string; importBatchId?: string },
  steps: readonly Step[],
): Promise<string[]> {
  const { actorId, evaluationId } = actor;
  if (steps.length === 0) return [];
  const storyIds = [...new Set(steps.map((step) => step.storyId))];
  const domainIds = [...new Set(steps.map((step) => step.domainId))];
  const [stories, domains, currentRows] = await Promise.all([
    tx.changeStory.findMany({ where: { evaluationId, id: { in: storyIds } }, select: { id: true, stage: true } }),
    tx.domain.findMany({ where: { evaluationId, id: { in: domainIds } }, select: { id: true, retiredAt: true } }),
    tx.domainAssignment.findMany({
      where: { evaluationId, storyId: { in: storyIds }, endedAt: null },
      select: { id: true, storyId: true, domainId: true, kind: true },
    }),
  ]);
  const stageOf = new Map(stories.map((story) => [story.id, story.stage]));
  const domainOf = new Map(domains.map((domain) => [domain.id, domain]));
  const current = new Map<string, Array<{ id: string; domainId: string; kind: Step["kind"] }>>();
  for (const { storyId, ...row } of currentRows) current.set(storyId, [...(current.get(storyId) ?? []), row]);

  const now = new Date();
  const ending: Array<{ id: string; storyId: string }> = [];
  const created: Prisma.DomainAssignmentCreateManyInput[] = [];
  const events: AuditInput[] = [];
  for (const step of steps) {
    const { storyId, domainId, kind, rationale } = step;
    const stage = stageOf.get(storyId);
    if (!stage) throw new AppError("NOT_FOUND");
    if (!canAssignDomainAt(stage)) throw refuse("STAGE_LOCKED");
    const domain = domainOf.get(domainId);
    if (!domain) throw refuse("NOT_IN_EVALUATION", "domainId");
    if (domain.retiredAt) throw refuse("DOMAIN_RETIRED", "domainId");
    const rows = current.get(storyId) ?? [];
    const primaryNow = rows.find((row) => row.kind === "PRIMARY")?.id ?? null;
    if (kind === "PRIMARY" && primaryNow !== step.expectedPrimaryId)
      throw new AppError("CONFLICT", "the primary domain changed meanwhile");
    const plan = planAssignment(rows, domainId, kind);
    if (!plan.ok) throw refuse(plan.reason, "domainId");
    const id = newRecordId();
    const endedRows = rows.filter((row) => plan.end.includes(row.id));
    ending.push(...endedRows.map((row) => ({ id: row.id, storyId })));
    current.set(storyId, [...rows.filter((row) => !plan.end.includes(row.id)), { id, domainId, kind }]);
    created.push({ id, evaluationId, storyId, domainId, kind, rationale, assignedById: actorId, assignedAt: now });
    events.push({
      evaluationId,
      actorId,
      action: "story.domain.assign",
      recordType: "ChangeStory",
      recordId: storyId,
      before: endedRows.length
        ? { current: endedRows.map(({ domainId: ended, kind: endedKind }) => ({ domainId: ended, kind: endedKind })) }
        : null,
      after: {
        assignmentId: id,
        domainId,
        kind,
        rationale,
        ...(actor.importBatchId ? { importBatchId: actor.importBatchId } : {}),
      },
      ipAddress: actor.ipAddress,
    });
  }
  // A row made by an earlier step and ended by a later one is never written as current.
  const madeHere = new Set(created.map((row) => row.id));
  const endedHere = new Set(ending.filter((row) => madeHere.has(row.id)).map((row) => row.id));
  const endedBefore = ending.filter((row) => !madeHere.has(row.id)).map((row) => row.id);
  if (endedBefore.length > 0) {
    const ended = await tx.domainAssignment.updateMany({
      where: { evaluationId, id: { in: endedBefore }, endedAt: null },
      data: { endedAt: now, endedById: actorId },
    });
    if (ended.count !== endedBefore.length) throw new AppError("CONFLICT", "an assignment was ended meanwhile");
  }
  await tx.domainAssignment.createMany({
    data: created.map((row) => (endedHere.has(row.id!) ? { ...row, endedAt: now, endedById: actorId } : row)),
  });
  await recordAuditEvents(tx, events);
  return created.map((row) => row.id!);
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
