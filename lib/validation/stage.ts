/**
 * The one place where validation moves a story along its path: a conditional update on the stage
 * the actor saw plus the `story.stage` audit event, inside the caller's transaction.
 *
 * TO ROUTE AT MERGE: this is to be replaced by the shared transition table
 * (lib/stories/stage-machine.ts, which is gaining a way to move a story inside an existing
 * transaction). The guards stay in lib/validation/policy.ts and are passed to it.
 */
import { recordAudit } from "@/lib/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { Refusal } from "@/lib/stories/refusal";

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
  const moved = await tx.changeStory.updateMany({
    where: { id: move.storyId, evaluationId: move.evaluationId, stage: move.from },
    data: { stage: move.to, stageChangedAt: new Date() },
  });
  if (moved.count !== 1) throw new Refusal("STAGE_CHANGED");
  await recordAudit(tx, {
    evaluationId: move.evaluationId,
    actorId: move.actorId,
    action: "story.stage",
    recordType: "ChangeStory",
    recordId: move.storyId,
    before: { stage: move.from },
    after: move.comment ? { stage: move.to, comment: move.comment } : { stage: move.to },
    ipAddress: move.ipAddress,
  });
}
