/**
 * Where review moves a story along its path (IN_REVIEW → APPROVED / RETURNED, VALIDATED →
 * IN_REVIEW, and the lead's decision after a return). It is the same small conditional update +
 * `story.stage` audit event as validation's, kept behind this name so both can be swapped for the
 * shared transition table (lib/stories/stage-machine.ts) at merge in one place each.
 */
export { moveStoryStage as moveReviewedStory, type StageMove } from "@/lib/validation/stage";
