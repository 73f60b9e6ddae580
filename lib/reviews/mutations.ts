/**
 * The funder's review and what the lead does around it: send a validated story to review, the
 * reviewer's approve / return on the revision read, and the lead's decision after a return on
 * whether the change needs a new validation. One transaction each, audit event included.
 * Two reviewers deciding the same story at once: the stage update is conditional, so one
 * decision lands and the other gets CONFLICT with nothing written.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ReviewDecision, StoryStage } from "@/lib/generated/prisma/enums";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { Refusal, refusals, type Refused } from "@/lib/core/refusal";
import { loadValidationFacts } from "@/lib/validation/facts";
import type { Actor } from "@/lib/validation/mutations";
import { validationBlockers, type ValidationBlocker } from "@/lib/validation/policy";
import { loadReviewFacts, loadSendToReviewFacts } from "./facts";
import {
  reviewBlockers,
  revalidationBlockers,
  revalidationTarget,
  sendToReviewBlockers,
  type RevalidationBlocker,
  type RevalidationChoice,
  type ReviewBlocker,
  type SendToReviewBlocker,
} from "./policy";
import { moveReviewedStory } from "./stage";

/**
 * Why each step around the review is refused: the rule's first blocker is the reason, and the
 * storyteller whose consent stops a story going to the funder travels as `respondent`.
 */
export const SEND_TO_REVIEW_REFUSALS = [
  "NOT_VALIDATED",
  "NO_FUNDER_CONSENT",
  "STAGE_CHANGED",
] as const satisfies ReadonlyArray<SendToReviewBlocker["code"] | "STAGE_CHANGED">;
export type SendToReviewRefusal = (typeof SEND_TO_REVIEW_REFUSALS)[number];

/** A story no longer in review was decided by someone else first: that is CONFLICT, not a refusal. */
export const REVIEW_DECISION_REFUSALS = [
  "REVIEWER_WROTE_STORY",
  "REVISION_OUTDATED",
  "COMMENT_REQUIRED",
] as const satisfies ReadonlyArray<Exclude<ReviewBlocker, "NOT_IN_REVIEW">>;
export type ReviewDecisionRefusal = (typeof REVIEW_DECISION_REFUSALS)[number];

export const REVALIDATION_REFUSALS = [
  "NOT_RETURNED",
  "COMMENT_REQUIRED",
  "NOT_IN_VALIDATION",
  "NO_CLOSED_ROUND",
  "REVISION_NOT_VALIDATED",
  "DISPUTE_OPEN",
  "STAGE_CHANGED",
] as const satisfies ReadonlyArray<RevalidationBlocker | ValidationBlocker | "STAGE_CHANGED">;
export type RevalidationRefusal = (typeof REVALIDATION_REFUSALS)[number];

const sending = refusals<SendToReviewRefusal>();
const deciding = refusals<ReviewDecisionRefusal>();
const revalidating = refusals<RevalidationRefusal>();
type Result<T, R extends string> = Promise<T | Refused<R>>;

/** VALIDATED → IN_REVIEW (the lead), once every storyteller allows sharing with the funder. */
export async function sendToReview(
  actor: Actor,
  input: { evaluationId: string; storyId: string },
): Result<{ ok: true }, SendToReviewRefusal> {
  const { evaluationId, storyId } = input;
  return sending.asResults(() =>
    db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM change_story WHERE id = ${storyId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
      const facts = await loadSendToReviewFacts(tx, evaluationId, storyId);
      if (!facts) throw new AppError("NOT_FOUND");
      const [blocker] = sendToReviewBlockers(facts);
      if (blocker)
        throw sending.refuse(
          blocker.code,
          undefined,
          "respondent" in blocker ? { respondent: blocker.respondent } : undefined,
        );
      await moveReviewedStory(tx, {
        evaluationId,
        storyId,
        from: "VALIDATED",
        to: "IN_REVIEW",
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const };
    }, TRANSACTION_OPTIONS),
  );
}

export type DecideInput = {
  evaluationId: string;
  storyId: string;
  storyRevisionId: string;
  decision: ReviewDecision;
  comment: string;
};

/** A reviewer approves or returns the story, on the revision they read. */
export async function decideReview(
  actor: Actor,
  input: DecideInput,
): Result<{ ok: true; reviewId: string; stage: "APPROVED" | "RETURNED" }, ReviewDecisionRefusal> {
  const { evaluationId, storyId, decision } = input;
  const comment = input.comment.trim();
  return deciding.asResults(() =>
    db().$transaction(async (tx) => {
      const facts = await loadReviewFacts(tx, evaluationId, storyId);
      if (!facts) throw new AppError("NOT_FOUND");
      const blockers = reviewBlockers(facts, {
        reviewerId: actor.actorId,
        revisionReadId: input.storyRevisionId,
        decision,
        comment,
      });
      // A story no longer in review was decided by someone else first: CONFLICT, as for any race.
      if (blockers.includes("NOT_IN_REVIEW")) throw new AppError("CONFLICT", "the story is no longer in review");
      const [blocker] = blockers.filter((code) => code !== "NOT_IN_REVIEW");
      if (blocker) throw deciding.refuse(blocker);
      const to = decision === "APPROVE" ? "APPROVED" : "RETURNED";
      try {
        await moveReviewedStory(tx, {
          evaluationId,
          storyId,
          from: "IN_REVIEW",
          to,
          actorId: actor.actorId,
          comment: comment || null,
          ipAddress: actor.ipAddress,
        });
      } catch (error) {
        if (error instanceof Refusal) throw new AppError("CONFLICT", "decided by someone else first");
        throw error;
      }
      const review = await tx.review.create({
        data: {
          evaluationId,
          storyId,
          storyRevisionId: input.storyRevisionId,
          reviewerId: actor.actorId,
          decision,
          comment,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: "review.decide",
        recordType: "Review",
        recordId: review.id,
        after: { story: facts.code, revision: facts.version, decision, comment },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, reviewId: review.id, stage: to };
    }, TRANSACTION_OPTIONS),
  );
}

/**
 * After a return (by a reviewer or a dispute) the lead decides whether the change needs a new
 * validation: yes → TRIANGULATED (the next round takes it); no → VALIDATED, which still needs a
 * closed round and every dispute resolved. The decision and its reason are audited.
 */
export async function decideRevalidation(
  actor: Actor,
  input: { evaluationId: string; storyId: string; choice: RevalidationChoice; comment: string },
): Result<{ ok: true; stage: StoryStage }, RevalidationRefusal> {
  const { evaluationId, storyId, choice } = input;
  const comment = input.comment.trim();
  return revalidating.asResults(() =>
    db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM change_story WHERE id = ${storyId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
      const facts = await loadValidationFacts(tx, evaluationId, storyId, {
        revalidationWaived: choice === "NO_NEW_VALIDATION",
      });
      if (!facts) throw new AppError("NOT_FOUND");
      const blockers: RevalidationRefusal[] = revalidationBlockers({ stage: facts.stage, comment });
      if (blockers.length === 0 && choice === "NO_NEW_VALIDATION") blockers.push(...validationBlockers(facts));
      if (blockers[0]) throw revalidating.refuse(blockers[0]);
      const to = revalidationTarget(choice);
      await moveReviewedStory(tx, {
        evaluationId,
        storyId,
        from: "RETURNED",
        to,
        actorId: actor.actorId,
        comment,
        ipAddress: actor.ipAddress,
      });
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: "story.revalidation_decision",
        recordType: "ChangeStory",
        recordId: storyId,
        after: { choice, comment, revisionId: facts.currentRevisionId },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, stage: to };
    }, TRANSACTION_OPTIONS),
  );
}
