/**
 * Where validation and review move a story along its path: through the story's one transition
 * table (lib/stories/stage-machine.ts) and its audited move, inside the caller's transaction. The
 * caller has checked its own rules (lib/validation/policy.ts, lib/reviews/policy.ts) on facts it
 * loaded in the same transaction.
 */
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { refusals } from "@/lib/core/refusal";
import { findTransition } from "@/lib/stories/stage-machine";
import { moveStoryWithin } from "@/lib/stories/stage-mutations";
import { DISPUTE_RETURN_COMMENT } from "./facts";

/** The one reason a move here refuses; every validation and review list that moves a story has it. */
export type StageMoveRefusal = "STAGE_CHANGED";
const { refuse } = refusals<StageMoveRefusal>();

export type StageMove = {
  evaluationId: string;
  storyId: string;
  from: StoryStage;
  to: StoryStage;
  actorId: string;
  /** Why, kept in the audit event (e.g. the dispute that reopened the story). */
  comment?: string | null;
  ipAddress?: string | null;
};

/** Moves the story or throws Refusal("STAGE_CHANGED") (someone moved it first), rolling the caller back. */
export async function moveStoryStage(tx: Prisma.TransactionClient, move: StageMove): Promise<void> {
  const transition = findTransition(move.from, move.to);
  if (!transition || transition.trigger === "story" || transition.trigger === "round") {
    throw new Error(`No validation or review step from ${move.from} to ${move.to} in the story's table.`);
  }
  try {
    await moveStoryWithin(tx, { ...move, transition, comment: move.comment ?? null });
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") throw refuse("STAGE_CHANGED");
    throw error;
  }
}

/**
 * The return a dispute causes, recorded or corrected into one: back to the team, with the comment
 * `storyReturnedByDispute` (facts.ts) looks for.
 */
export function returnStoryForDispute(
  tx: Prisma.TransactionClient,
  move: Pick<StageMove, "evaluationId" | "storyId" | "actorId" | "ipAddress">,
): Promise<void> {
  return moveStoryStage(tx, { ...move, from: "IN_VALIDATION", to: "RETURNED", comment: DISPUTE_RETURN_COMMENT });
}
