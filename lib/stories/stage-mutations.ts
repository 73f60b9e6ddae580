/**
 * Moving a story along its path. One transaction per step: a conditional update on the stage the
 * mover saw (two people moving the same story at once end with one step taken; the other gets
 * CONFLICT), then the step's guard on facts read after that update has locked the row (so an edit
 * cannot remove a storyteller between check and move), then the audit event `story.stage`.
 * Refusals roll everything back.
 */
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { can, type Role } from "@/lib/permissions";
import { loadStageFacts } from "./data";
import { STORY_TRANSACTION_OPTIONS } from "./mutations";
import { refusalsAsResults, Refusal, type Refused } from "./refusal";
import { findTransition, type StageBlocker } from "./stage-machine";

class Blocked extends Error {
  constructor(readonly blockers: StageBlocker[]) {
    super("blocked");
  }
}

export type MoveResult = { ok: true; stage: StoryStage } | { ok: false; reason: "BLOCKED"; blockers: StageBlocker[] } | Refused;

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
  const { actorId, evaluationId, storyId, from, to } = input;
  const transition = findTransition(from, to);
  if (!transition) return { ok: false, reason: "NO_SUCH_STEP" };
  if (!can(input.roles, transition.permission)) throw new AppError("FORBIDDEN");
  const comment = input.comment?.trim() || null;
  if (transition.needsComment && !comment) return { ok: false, reason: "COMMENT_REQUIRED", field: "comment" };

  try {
    return await refusalsAsResults(() =>
      db().$transaction(async (tx) => {
        const story = await tx.changeStory.findFirst({ where: { id: storyId, evaluationId }, select: { id: true } });
        if (!story) throw new AppError("NOT_FOUND");
        const moved = await tx.changeStory.updateMany({
          where: { id: storyId, evaluationId, stage: from },
          data: { stage: to, stageChangedAt: new Date() },
        });
        if (moved.count !== 1) throw new AppError("CONFLICT", "the story is no longer at the stage the mover saw");
        const facts = await loadStageFacts(tx, evaluationId, storyId);
        if (!facts) throw new Refusal("NOT_FOUND");
        const blockers = transition.guard(facts);
        if (blockers.length > 0) throw new Blocked(blockers);
        await recordAudit(tx, {
          evaluationId,
          actorId,
          action: "story.stage",
          recordType: "ChangeStory",
          recordId: storyId,
          before: { stage: from },
          after: comment ? { stage: to, comment } : { stage: to },
          ipAddress: input.ipAddress,
        });
        return { ok: true as const, stage: to };
      }, STORY_TRANSACTION_OPTIONS),
    );
  } catch (error) {
    if (error instanceof Blocked) return { ok: false, reason: "BLOCKED", blockers: error.blockers };
    throw error;
  }
}
