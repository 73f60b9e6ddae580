/**
 * Moving a story along its path. One transaction per step: a conditional update on the stage the
 * mover saw (two people moving the same story at once end with one step taken; the other gets
 * CONFLICT), then the step's guard on facts read after that update has locked the row (so an edit
 * cannot remove a storyteller between check and move), then the audit event `story.stage`.
 * Refusals roll everything back.
 *
 * Steps set off by a selection round (opening, deciding, cancelling it) run `moveStoryWithin` inside
 * the round's own transaction: same table, same guard, same audit event, all or nothing with the round.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { can, type Role } from "@/lib/permissions";
import { loadGuardFacts } from "./guard-data";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { refusals, type Refused } from "@/lib/core/refusal";
import { findTransition, type StageBlocker, type StageTransition } from "./stage-machine";

export class Blocked extends Error {
  constructor(readonly blockers: StageBlocker[]) {
    super("blocked");
  }
}

/**
 * Why a step from the story's page is refused: no such step in the table, a step a round or the
 * review takes, a missing comment, a guard's blockers (in `blockers`), or the story gone meanwhile.
 */
export const MOVE_REFUSALS = ["NO_SUCH_STEP", "ROUND_STEP", "COMMENT_REQUIRED", "BLOCKED", "NOT_FOUND"] as const;
export type MoveRefusal = (typeof MOVE_REFUSALS)[number];
const { refuse, asResults } = refusals<MoveRefusal>();

export type MoveResult =
  { ok: true; stage: StoryStage } | { ok: false; reason: "BLOCKED"; blockers: StageBlocker[] } | Refused<MoveRefusal>;

type MoveInput = {
  actorId: string;
  evaluationId: string;
  storyId: string;
  transition: StageTransition;
  comment: string | null;
  ipAddress?: string | null;
  /** Kept in the audit event when a round set the step off. */
  roundId?: string;
};

/**
 * The step itself, inside the caller's transaction. Throws AppError CONFLICT when the story is no
 * longer where the mover saw it, Blocked when the guard refuses, Refusal NOT_FOUND.
 */
export async function moveStoryWithin(tx: Prisma.TransactionClient, input: MoveInput): Promise<void> {
  const { evaluationId, storyId, transition } = input;
  const story = await tx.changeStory.findFirst({ where: { id: storyId, evaluationId }, select: { id: true } });
  if (!story) throw new AppError("NOT_FOUND");
  const moved = await tx.changeStory.updateMany({
    where: { id: storyId, evaluationId, stage: transition.from },
    data: { stage: transition.to, stageChangedAt: new Date() },
  });
  if (moved.count !== 1) throw new AppError("CONFLICT", "the story is no longer at the stage the mover saw");
  const facts = await loadGuardFacts(tx, evaluationId, storyId, transition.needs);
  if (!facts) throw refuse("NOT_FOUND");
  const blockers = transition.guard(facts);
  if (blockers.length > 0) throw new Blocked(blockers);
  const after: Record<string, unknown> = { stage: transition.to };
  if (input.comment) after.comment = input.comment;
  if (input.roundId) after.roundId = input.roundId;
  await recordAudit(tx, {
    evaluationId,
    actorId: input.actorId,
    action: "story.stage",
    recordType: "ChangeStory",
    recordId: storyId,
    before: { stage: transition.from },
    after,
    ipAddress: input.ipAddress,
  });
}

/** A step taken from the story's page. Steps that belong to a round or to the review are refused here. */
export async function moveStory(input: {
  actorId: string;
  roles: readonly Role[];
  evaluationId: string;
  storyId: string;
  from: StoryStage;
  to: StoryStage;
  comment?: string | null;
  ipAddress?: string | null;
}): Promise<MoveResult> {
  const transition = findTransition(input.from, input.to);
  if (!transition) return { ok: false, reason: "NO_SUCH_STEP" };
  if (!can(input.roles, transition.permission)) throw new AppError("FORBIDDEN");
  if (transition.trigger !== "story") return { ok: false, reason: "ROUND_STEP" };
  const comment = input.comment?.trim() || null;
  if (transition.needsComment && !comment) return { ok: false, reason: "COMMENT_REQUIRED", field: "comment" };

  try {
    return await asResults(() =>
      db().$transaction(async (tx) => {
        await moveStoryWithin(tx, { ...input, transition, comment });
        return { ok: true as const, stage: transition.to };
      }, TRANSACTION_OPTIONS),
    );
  } catch (error) {
    if (error instanceof Blocked) return { ok: false, reason: "BLOCKED", blockers: error.blockers };
    throw error;
  }
}
