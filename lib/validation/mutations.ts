/**
 * Validation rounds: create, edit, open and close. Each call is one transaction that checks the
 * state, writes, moves the stories whose stage changes (lib/validation/stage.ts) and writes the
 * audit events. Called by the actions, the seed and the tests with explicit ids.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { refusals, type Refused } from "@/lib/core/refusal";
import { loadStoryHead, loadValidationFacts } from "./facts";
import { roundStepBlockers, STAGES_READY_FOR_VALIDATION, validationBlockers, type RoundStatusStep } from "./policy";
import { roundColumns } from "./round-columns";
import type { RoundFields } from "./schema";
import { moveStoryStage } from "./stage";

type Tx = Prisma.TransactionClient;

/** Why a round is not created, saved, opened or closed: the step's blockers are reasons of their own. */
export const VALIDATION_ROUND_REFUSALS = [
  "STORY_NOT_READY",
  "ROUND_CLOSED",
  "STORIES_FIXED",
  "STAGE_CHANGED",
  "WRONG_STATUS",
  "NO_STORIES",
  "NO_SAMPLE",
  "DISPUTE_OPEN",
] as const;
export type ValidationRoundRefusal = (typeof VALIDATION_ROUND_REFUSALS)[number];
const { refuse, asResults } = refusals<ValidationRoundRefusal>();
export type Actor = { actorId: string; ipAddress?: string | null };

/** Adds stories to the round with their current revision and moves each TRIANGULATED → IN_VALIDATION. */
async function addStories(
  tx: Tx,
  actor: Actor,
  evaluationId: string,
  roundId: string,
  storyIds: readonly string[],
): Promise<string[]> {
  const codes: string[] = [];
  for (const storyId of storyIds) {
    const head = await loadStoryHead(tx, evaluationId, storyId);
    if (!head) throw new AppError("NOT_FOUND");
    if (!STAGES_READY_FOR_VALIDATION.includes(head.stage)) throw refuse("STORY_NOT_READY", "storyIds");
    if (!head.currentRevisionId) throw refuse("STORY_NOT_READY", "storyIds");
    await tx.validationRoundStory.create({
      data: { evaluationId, validationRoundId: roundId, storyId, storyRevisionId: head.currentRevisionId },
    });
    await moveStoryStage(tx, {
      evaluationId,
      storyId,
      from: head.stage,
      to: "IN_VALIDATION",
      actorId: actor.actorId,
      ipAddress: actor.ipAddress,
    });
    codes.push(head.code);
  }
  return codes;
}

export async function createRound(
  actor: Actor,
  input: { evaluationId: string; round: RoundFields },
): Promise<{ ok: true; roundId: string } | Refused<ValidationRoundRefusal>> {
  const { evaluationId, round } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const created = await tx.validationRound.create({
        data: { evaluationId, ...roundColumns(round) },
        select: { id: true },
      });
      const codes = await addStories(tx, actor, evaluationId, created.id, round.storyIds);
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: "validation.round.create",
        recordType: "ValidationRound",
        recordId: created.id,
        after: { ...roundColumns(round), stories: codes },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, roundId: created.id };
    }, TRANSACTION_OPTIONS),
  );
}

/**
 * Saves over `expectedVersion` (two editors: the second gets CONFLICT). The story list changes
 * only while the round is PLANNED; a story taken out goes back to TRIANGULATED.
 */
export async function updateRound(
  actor: Actor,
  input: { evaluationId: string; roundId: string; expectedVersion: number; round: RoundFields },
): Promise<{ ok: true; version: number } | Refused<ValidationRoundRefusal>> {
  const { evaluationId, roundId, round } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const current = await tx.validationRound.findFirst({
        where: { id: roundId, evaluationId },
        include: { stories: { select: { storyId: true } } },
      });
      if (!current) throw new AppError("NOT_FOUND");
      if (current.status === "CLOSED") throw refuse("ROUND_CLOSED");
      const updated = await tx.validationRound.updateMany({
        where: { id: roundId, evaluationId, version: input.expectedVersion },
        data: { ...roundColumns(round), version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", "the round was saved by someone else");
      const before = new Set(current.stories.map((row) => row.storyId));
      const after = new Set(round.storyIds);
      const added = round.storyIds.filter((id) => !before.has(id));
      const removed = [...before].filter((id) => !after.has(id));
      if ((added.length > 0 || removed.length > 0) && current.status !== "PLANNED")
        throw refuse("STORIES_FIXED", "storyIds");
      for (const storyId of removed) {
        await tx.validationRoundStory.deleteMany({ where: { evaluationId, validationRoundId: roundId, storyId } });
        await moveStoryStage(tx, {
          evaluationId,
          storyId,
          from: "IN_VALIDATION",
          to: "TRIANGULATED",
          actorId: actor.actorId,
          comment: "validation.round.storyRemoved",
          ipAddress: actor.ipAddress,
        });
      }
      const addedCodes = await addStories(tx, actor, evaluationId, roundId, added);
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: "validation.round.update",
        recordType: "ValidationRound",
        recordId: roundId,
        before: {
          name: current.name,
          startsOn: current.startsOn,
          endsOn: current.endsOn,
          method: current.method,
          targetSize: current.targetSize,
          notes: current.notes,
        },
        after: { ...roundColumns(round), storiesAdded: addedCodes, storiesRemoved: removed.length },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, version: current.version + 1 };
    }, TRANSACTION_OPTIONS),
  );
}

export type StepResult =
  | { ok: true; status: "OPEN" | "CLOSED"; validated: string[]; notValidated: string[] }
  | Refused<ValidationRoundRefusal>;

/**
 * PLANNED → OPEN, or OPEN → CLOSED. Closing moves every story of the round that is still
 * IN_VALIDATION and now meets "validated" (lib/validation/policy.ts) to VALIDATED, in the same
 * transaction; the others stay where they are (a disputed story is RETURNED for revision).
 */
export async function stepRound(
  actor: Actor,
  input: { evaluationId: string; roundId: string; step: RoundStatusStep; expectedVersion: number },
): Promise<StepResult> {
  const { evaluationId, roundId, step } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const status = step === "open" ? "OPEN" : "CLOSED";
      const current = await tx.validationRound.findFirst({
        where: { id: roundId, evaluationId },
        select: { status: true, version: true },
      });
      if (!current) throw new AppError("NOT_FOUND");
      // Lock the round first: responses recorded meanwhile wait, so no dispute slips past the check.
      const locked = await tx.validationRound.updateMany({
        where: { id: roundId, evaluationId, version: input.expectedVersion, status: current.status },
        data: { status, closedAt: status === "CLOSED" ? new Date() : null, version: { increment: 1 } },
      });
      if (locked.count !== 1) throw new AppError("CONFLICT", "the round changed meanwhile");
      const [storyCount, sampleCount, disputes] = await Promise.all([
        tx.validationRoundStory.count({ where: { evaluationId, validationRoundId: roundId } }),
        tx.validationSampleMember.count({ where: { evaluationId, validationRoundId: roundId } }),
        tx.validationResponse.findMany({
          where: { evaluationId, validationRoundId: roundId, verdict: "DISPUTES", resolvedAt: null },
          select: { story: { select: { code: true } } },
          distinct: ["storyId"],
        }),
      ]);
      const blockers = roundStepBlockers(step, {
        status: current.status,
        storyCount,
        sampleCount,
        openDisputeStoryCodes: disputes.map((row) => row.story.code).sort(),
      });
      // The first blocker is the reason; an open dispute names its story.
      const [blocker] = blockers;
      if (blocker) throw refuse(blocker.code, undefined, "story" in blocker ? { story: blocker.story } : undefined);
      const validated: string[] = [];
      const notValidated: string[] = [];
      if (status === "CLOSED") {
        const stories = await tx.validationRoundStory.findMany({
          where: { evaluationId, validationRoundId: roundId },
          select: { storyId: true, story: { select: { code: true } } },
        });
        for (const { storyId, story } of stories) {
          const facts = await loadValidationFacts(tx, evaluationId, storyId);
          if (facts && validationBlockers(facts).length === 0) {
            await moveStoryStage(tx, {
              evaluationId,
              storyId,
              from: "IN_VALIDATION",
              to: "VALIDATED",
              actorId: actor.actorId,
              ipAddress: actor.ipAddress,
            });
            validated.push(story.code);
          } else notValidated.push(story.code);
        }
      }
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: `validation.round.${step}`,
        recordType: "ValidationRound",
        recordId: roundId,
        before: { status: current.status },
        after: status === "CLOSED" ? { status, validated, notValidated } : { status },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, status, validated, notValidated };
    }, TRANSACTION_OPTIONS),
  );
}

/** A validation sheet left the app: who took it, for which round and respondent code, and which revisions it holds. */
export async function recordSheetDownload(
  actor: Actor,
  input: {
    evaluationId: string;
    roundId: string;
    respondentCode: string;
    stories: Array<{ code: string; version: number }>;
  },
): Promise<void> {
  await db().$transaction((tx) =>
    recordAudit(tx, {
      evaluationId: input.evaluationId,
      actorId: actor.actorId,
      action: "validation.sheet.download",
      recordType: "ValidationRound",
      recordId: input.roundId,
      after: {
        respondent: input.respondentCode,
        stories: input.stories.map((story) => `${story.code}@${story.version}`),
      },
    }),
  );
}
