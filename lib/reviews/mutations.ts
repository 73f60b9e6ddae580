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
import type { ReviewDecision } from "@/lib/generated/prisma/enums";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { Refusal, refusalsAsResults, type Refused } from "@/lib/core/refusal";
import { loadValidationFacts } from "@/lib/validation/facts";
import type { Actor } from "@/lib/validation/mutations";
import { validationBlockers } from "@/lib/validation/policy";
import { loadReviewFacts, loadSendToReviewFacts } from "./facts";
import {
  reviewBlockers,
  revalidationBlockers,
  revalidationTarget,
  sendToReviewBlockers,
  type RevalidationChoice,
} from "./policy";
import { moveReviewedStory } from "./stage";

export type Blocked = { ok: false; reason: "BLOCKED"; blockers: string[] };

class BlockedError extends Error {
  constructor(readonly blockers: string[]) {
    super("blocked");
  }
}

async function blockedAsResult<T>(work: () => Promise<T | Refused>): Promise<T | Refused | Blocked> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BlockedError) return { ok: false, reason: "BLOCKED", blockers: error.blockers };
    throw error;
  }
}

/** VALIDATED → IN_REVIEW (the lead), once every storyteller allows sharing with the funder. */
export async function sendToReview(actor: Actor, input: { evaluationId: string; storyId: string }) {
  const { evaluationId, storyId } = input;
  return blockedAsResult(() =>
    refusalsAsResults(() =>
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM change_story WHERE id = ${storyId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
        const facts = await loadSendToReviewFacts(tx, evaluationId, storyId);
        if (!facts) throw new AppError("NOT_FOUND");
        const blockers = sendToReviewBlockers(facts);
        if (blockers.length > 0)
          throw new BlockedError(blockers.map((b) => ("respondent" in b ? `${b.code}:${b.respondent}` : b.code)));
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
    ),
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
export async function decideReview(actor: Actor, input: DecideInput) {
  const { evaluationId, storyId, decision } = input;
  const comment = input.comment.trim();
  return blockedAsResult(() =>
    refusalsAsResults(() =>
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
        if (blockers.length > 0) throw new BlockedError(blockers);
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
    ),
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
) {
  const { evaluationId, storyId, choice } = input;
  const comment = input.comment.trim();
  return blockedAsResult(() =>
    refusalsAsResults(() =>
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM change_story WHERE id = ${storyId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
        const facts = await loadValidationFacts(tx, evaluationId, storyId, {
          revalidationWaived: choice === "NO_NEW_VALIDATION",
        });
        if (!facts) throw new AppError("NOT_FOUND");
        const blockers: string[] = revalidationBlockers({ stage: facts.stage, comment });
        if (blockers.length === 0 && choice === "NO_NEW_VALIDATION") blockers.push(...validationBlockers(facts));
        if (blockers.length > 0) throw new BlockedError(blockers);
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
    ),
  );
}
