/**
 * How the reviewer's decision reads when it fails, under `reviews.errors`: a key for each reason
 * lib/reviews/mutations.ts exports for it (a reason without a key fails typecheck; decision 0033).
 */
import {
  generalFailures,
  refusalFailureMessages,
  schemaCodes,
  type RefusalMessages,
} from "@/components/ui/refusal-messages";
import type { ReviewDecisionRefusal } from "@/lib/reviews/mutations";

/** The schema's field-error codes (lib/reviews/schema.ts); any other reads as invalid. */
const fieldKey = schemaCodes(
  "reviews.errors",
  ["choose", "tooLong", "invalidCharacters", "invalid"],
  "reviews.errors.invalid",
);

export const REVIEW_DECISION_REFUSAL_MESSAGES: RefusalMessages<ReviewDecisionRefusal> = {
  ...generalFailures("reviews.errors"),
  REVIEWER_WROTE_STORY: "reviews.errors.BLOCKED_REVIEWER_WROTE_STORY",
  REVISION_OUTDATED: "reviews.errors.BLOCKED_REVISION_OUTDATED",
  COMMENT_REQUIRED: "reviews.errors.BLOCKED_COMMENT_REQUIRED",
};

export const reviewDecisionFailureMessages = refusalFailureMessages(REVIEW_DECISION_REFUSAL_MESSAGES, fieldKey);
