/**
 * Pure rules of the funder's review and of what follows a return (no database, no session).
 * Facts are loaded by lib/reviews/facts.ts inside the transaction that acts on them.
 */
import type { ReviewDecision, StoryStage } from "@/lib/generated/prisma/enums";

export type ReviewFacts = {
  stage: StoryStage;
  currentRevisionId: string | null;
  authorId: string;
  /** Everyone who saved a revision of the story (StoryRevision.editedById). */
  editorIds: readonly string[];
};

export type ReviewRequest = { reviewerId: string; revisionReadId: string; decision: ReviewDecision; comment: string };

export type ReviewBlocker = "NOT_IN_REVIEW" | "REVIEWER_WROTE_STORY" | "REVISION_OUTDATED" | "COMMENT_REQUIRED";

/**
 * A reviewer decides on the revision they read: it must still be the current one, they must not
 * have written or edited the story (a reviewer cannot approve, nor return, their own work), and a
 * return says why.
 */
export function reviewBlockers(facts: ReviewFacts, request: ReviewRequest): ReviewBlocker[] {
  const blockers: ReviewBlocker[] = [];
  if (facts.stage !== "IN_REVIEW") blockers.push("NOT_IN_REVIEW");
  if (facts.authorId === request.reviewerId || facts.editorIds.includes(request.reviewerId))
    blockers.push("REVIEWER_WROTE_STORY");
  if (facts.currentRevisionId === null || facts.currentRevisionId !== request.revisionReadId)
    blockers.push("REVISION_OUTDATED");
  if (request.decision === "RETURN" && request.comment.trim().length === 0) blockers.push("COMMENT_REQUIRED");
  return blockers;
}

export type SendToReviewFacts = {
  stage: StoryStage;
  /** Storytellers whose current consent does not allow sharing with the funder (codes). */
  storytellersWithoutFunderConsent: readonly string[];
};

export type SendToReviewBlocker = { code: "NOT_VALIDATED" } | { code: "NO_FUNDER_CONSENT"; respondent: string };

/** VALIDATED → IN_REVIEW: the funder reads it, so every storyteller must allow sharing with the funder. */
export function sendToReviewBlockers(facts: SendToReviewFacts): SendToReviewBlocker[] {
  const blockers: SendToReviewBlocker[] = [];
  if (facts.stage !== "VALIDATED") blockers.push({ code: "NOT_VALIDATED" });
  for (const respondent of facts.storytellersWithoutFunderConsent)
    blockers.push({ code: "NO_FUNDER_CONSENT", respondent });
  return blockers;
}

export type RevalidationChoice = "NEW_VALIDATION" | "NO_NEW_VALIDATION";

/**
 * After a return (by a reviewer, or by a dispute) the lead decides: a new validation sends the
 * story back to TRIANGULATED, where the next round picks it up; none sends it on to VALIDATED
 * when the validation rules hold with the waiver (lib/validation/policy.ts).
 */
export function revalidationTarget(choice: RevalidationChoice): StoryStage {
  return choice === "NEW_VALIDATION" ? "TRIANGULATED" : "VALIDATED";
}

export type RevalidationBlocker = "NOT_RETURNED" | "COMMENT_REQUIRED";

export function revalidationBlockers(facts: { stage: StoryStage; comment: string }): RevalidationBlocker[] {
  const blockers: RevalidationBlocker[] = [];
  if (facts.stage !== "RETURNED") blockers.push("NOT_RETURNED");
  if (facts.comment.trim().length === 0) blockers.push("COMMENT_REQUIRED");
  return blockers;
}
