/**
 * Writing what the team learned: create, edit, reorder and delete. One transaction per change,
 * with a revision of the whole new state and its audit event. An edit names the version the
 * person saw, and a reorder the order they saw, so two editors never silently overwrite each other.
 * `createLearningInTransaction` lets the demo seed write its texts through the same rules.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { changedFields } from "@/lib/core/changed-fields";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refusals, type Refused } from "@/lib/core/refusal";
import {
  checkLinks,
  checkTranslators,
  checkUnique,
  evaluationLanguages,
  shapeOf,
  snapshotOf,
  textsToStore,
  type LearningShape,
  type StoredText,
} from "./rules";
import {
  SINGLE_KINDS,
  type CreateLearningInput,
  type LearningKind,
  type LearningVersionInput,
  type ReorderLearningsInput,
  type UpdateLearningInput,
} from "./schema";

/** Why a learning is not saved, reordered or deleted; the rules (./rules.ts) refuse with the first twelve. */
export const LEARNING_REFUSALS = [
  "LANGUAGE_NOT_USED",
  "TITLE_REQUIRED",
  "TEXT_REQUIRED",
  "TRANSLATOR_NOT_MEMBER",
  "AUDIENCE_REQUIRED",
  "GROUP_REQUIRED",
  "GROUP_NOT_FOUND",
  "STORY_NOT_FOUND",
  "DOMAIN_NOT_FOUND",
  "DOMAIN_RETIRED",
  "ALREADY_WRITTEN",
  "GROUP_TAKEN",
  "STALE_VERSION",
  "ORDER_CHANGED",
  "ORDER_INCOMPLETE",
] as const;
export type LearningRefusal = (typeof LEARNING_REFUSALS)[number];
const { refuse, asResults } = refusals<LearningRefusal>();

type Tx = Prisma.TransactionClient;
type Actor = { actorId: string; ipAddress?: string | null };

/**
 * Adding, reordering and deleting change a kind's numbering: one at a time per evaluation and
 * kind. An advisory lock, because row locks would not cover a learning added meanwhile.
 */
async function lockKind(tx: Tx, evaluationId: string, kind: LearningKind) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`learnings:${evaluationId}:${kind}`}, 0))`;
}

async function writeContents(
  tx: Tx,
  evaluationId: string,
  learningId: string,
  shape: LearningShape,
  texts: StoredText[],
) {
  const where = { evaluationId, learningId };
  await Promise.all([
    tx.learningText.deleteMany({ where }),
    tx.learningStory.deleteMany({ where }),
    tx.learningDomain.deleteMany({ where }),
  ]);
  await tx.learningText.createMany({ data: texts.map((text) => ({ ...where, ...text })) });
  await tx.learningStory.createMany({ data: shape.storyIds.map((storyId) => ({ ...where, storyId })) });
  await tx.learningDomain.createMany({ data: shape.domainIds.map((domainId) => ({ ...where, domainId })) });
}

async function checked(
  tx: Tx,
  evaluationId: string,
  kind: LearningKind,
  fields: CreateLearningInput | UpdateLearningInput,
  actorId: string,
  exceptId?: string,
  linkedDomainIds?: string[],
) {
  const texts = textsToStore(kind, fields, await evaluationLanguages(tx, evaluationId), actorId);
  const shape = shapeOf(kind, fields);
  await checkTranslators(tx, evaluationId, texts, actorId);
  await checkLinks(tx, evaluationId, shape, linkedDomainIds);
  await checkUnique(tx, evaluationId, kind, shape, exceptId);
  return { texts, shape, snapshot: snapshotOf(shape, texts) };
}

/** Adds a learning at the end of its kind's list. `id` is for the seed only. */
export async function createLearningInTransaction(
  tx: Tx,
  input: CreateLearningInput & Actor & { id?: string },
): Promise<{ learningId: string; position: number }> {
  const { evaluationId, kind, actorId, ipAddress, id } = input;
  await lockKind(tx, evaluationId, kind);
  const { texts, shape, snapshot } = await checked(tx, evaluationId, kind, input, actorId);
  const last = await tx.learning.aggregate({ where: { evaluationId, kind }, _max: { position: true } });
  const position = SINGLE_KINDS.has(kind) ? 1 : (last._max.position ?? 0) + 1;
  const learning = await tx.learning.create({
    data: {
      id,
      evaluationId,
      kind,
      position,
      audience: shape.audience,
      atRiskGroupId: shape.atRiskGroupId,
      createdById: actorId,
    },
    select: { id: true },
  });
  await writeContents(tx, evaluationId, learning.id, shape, texts);
  await tx.learningRevision.create({
    data: { evaluationId, learningId: learning.id, version: 1, snapshot, editedById: actorId },
  });
  await recordAudit(tx, {
    evaluationId,
    actorId,
    action: "learning.create",
    recordType: "Learning",
    recordId: learning.id,
    after: { kind, position, ...snapshot },
    ipAddress,
  });
  return { learningId: learning.id, position };
}

export async function createLearning(
  input: CreateLearningInput & Actor,
): Promise<{ ok: true; learningId: string; position: number } | Refused<LearningRefusal>> {
  return asResults(() =>
    db().$transaction(async (tx) => ({ ok: true as const, ...(await createLearningInTransaction(tx, input)) })),
  );
}

/** The learning, locked for this transaction, with its saved state; refused when it changed since the person saw it. */
async function lockedLearning(tx: Tx, evaluationId: string, learningId: string, expectedVersion: number) {
  const [row] = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id FROM learning WHERE id = ${learningId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND");
  const learning = await tx.learning.findUniqueOrThrow({
    where: { evaluationId_id: { evaluationId, id: learningId } },
    include: {
      texts: { orderBy: { locale: "asc" } },
      stories: { select: { storyId: true } },
      domains: { select: { domainId: true } },
    },
  });
  if (learning.version !== expectedVersion) throw refuse("STALE_VERSION");
  const shape = {
    audience: learning.audience,
    atRiskGroupId: learning.atRiskGroupId,
    storyIds: learning.stories.map((link) => link.storyId),
    domainIds: learning.domains.map((link) => link.domainId),
  };
  const texts = learning.texts.map(({ locale, title, body, sustainability, translatedById }) => ({
    locale,
    title,
    body,
    sustainability,
    translatedById,
  }));
  return { learning, shape, snapshot: snapshotOf(shape, texts) };
}

export async function updateLearning(
  input: UpdateLearningInput & Actor,
): Promise<{ ok: true; version: number } | Refused<LearningRefusal>> {
  const { evaluationId, learningId, expectedVersion, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const stored = await lockedLearning(tx, evaluationId, learningId, expectedVersion);
      const { learning } = stored;
      const { texts, shape, snapshot } = await checked(
        tx,
        evaluationId,
        learning.kind,
        input,
        actorId,
        learningId,
        stored.shape.domainIds,
      );
      const changes = changedFields(stored.snapshot, snapshot);
      if (!changes.changed) return { ok: true as const, version: learning.version };
      const version = learning.version + 1;
      await tx.learning.update({
        where: { evaluationId_id: { evaluationId, id: learningId } },
        data: { audience: shape.audience, atRiskGroupId: shape.atRiskGroupId, version },
      });
      await writeContents(tx, evaluationId, learningId, shape, texts);
      await tx.learningRevision.create({ data: { evaluationId, learningId, version, snapshot, editedById: actorId } });
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "learning.update",
        recordType: "Learning",
        recordId: learningId,
        before: changes.before,
        after: changes.after,
        ipAddress,
      });
      return { ok: true as const, version };
    }),
  );
}

/**
 * Puts a kind's learnings in the given order. The unique (evaluation, kind, position) constraint
 * is checked per statement, so rows first move to negative positions, then to their new ones.
 */
export async function reorderLearnings(
  input: ReorderLearningsInput & Actor,
): Promise<{ ok: true } | Refused<LearningRefusal>> {
  const { evaluationId, kind, order, seenOrder, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      await lockKind(tx, evaluationId, kind);
      const current = (
        await tx.learning.findMany({
          where: { evaluationId, kind },
          orderBy: { position: "asc" },
          select: { id: true },
        })
      ).map((row) => row.id);
      if (current.join() !== seenOrder.join()) throw refuse("ORDER_CHANGED");
      if (
        order.length !== current.length ||
        new Set(order).size !== order.length ||
        order.some((id) => !current.includes(id))
      )
        throw refuse("ORDER_INCOMPLETE");
      if (order.join() === current.join()) return { ok: true as const };
      const positions = order.map((_, index) => index + 1);
      await tx.$executeRaw`UPDATE learning SET position = -position WHERE evaluation_id = ${evaluationId} AND kind = ${kind}::learning_kind`;
      await tx.$executeRaw`
        UPDATE learning l SET position = o.position, updated_at = now()
          FROM unnest(${order}::text[], ${positions}::int[]) AS o(id, position)
         WHERE l.evaluation_id = ${evaluationId} AND l.id = o.id`;
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "learning.reorder",
        recordType: "Evaluation",
        recordId: evaluationId,
        before: { kind, order: current },
        after: { kind, order },
        ipAddress,
      });
      return { ok: true as const };
    }),
  );
}

/** Deletes a learning with its revisions; the audit event keeps its last wording. */
export async function deleteLearning(
  input: LearningVersionInput & Actor,
): Promise<{ ok: true } | Refused<LearningRefusal>> {
  const { evaluationId, learningId, expectedVersion, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const kind = (
        await tx.learning.findUnique({
          where: { evaluationId_id: { evaluationId, id: learningId } },
          select: { kind: true },
        })
      )?.kind;
      if (!kind) throw new AppError("NOT_FOUND");
      await lockKind(tx, evaluationId, kind);
      const { learning, snapshot } = await lockedLearning(tx, evaluationId, learningId, expectedVersion);
      await tx.learning.delete({ where: { evaluationId_id: { evaluationId, id: learningId } } });
      // Close the gap, so lessons and recommendations stay numbered 1..n.
      await tx.$executeRaw`UPDATE learning SET position = -position WHERE evaluation_id = ${evaluationId} AND kind = ${kind}::learning_kind AND position > ${learning.position}`;
      await tx.$executeRaw`UPDATE learning SET position = -position - 1 WHERE evaluation_id = ${evaluationId} AND kind = ${kind}::learning_kind AND position < 0`;
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "learning.delete",
        recordType: "Learning",
        recordId: learningId,
        before: { kind, position: learning.position, ...snapshot },
        ipAddress,
      });
      return { ok: true as const };
    }),
  );
}
