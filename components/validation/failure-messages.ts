/**
 * How the validation forms' failures read, under `respondentValidation.errors`: one key for each
 * reason the round, response, correction and dispute mutations export, and the lead's decisions
 * around the review (a reason without a key fails typecheck; decision 0033). A blocked step's
 * story, or the respondent whose consent stops it, comes as a field of the failure.
 */
import {
  generalFailures,
  refusalFailureMessages,
  schemaCodes,
  type RefusalMessages,
} from "@/components/ui/refusal-messages";
import type { RevalidationRefusal, SendToReviewRefusal } from "@/lib/reviews/mutations";
import type { CorrectionRefusal } from "@/lib/validation/correction-mutations";
import type { DisputeRefusal } from "@/lib/validation/dispute-mutations";
import type { ValidationRoundRefusal } from "@/lib/validation/mutations";
import type { ResponseRefusal } from "@/lib/validation/response-mutations";
import type { SampleRefusal } from "@/lib/validation/sample-mutations";

/** The schema's field-error codes (lib/validation/schema.ts); any other reads as invalid. */
const fieldKey = schemaCodes(
  "respondentValidation.errors",
  [
    "required",
    "tooLong",
    "invalidCharacters",
    "invalid",
    "date",
    "number",
    "choose",
    "endsBeforeStart",
    "duplicate",
    "tooMany",
    "respondentCode",
  ],
  "respondentValidation.errors.invalid",
);

export const VALIDATION_REFUSAL_MESSAGES: RefusalMessages<
  ValidationRoundRefusal | ResponseRefusal | CorrectionRefusal | DisputeRefusal | SampleRefusal
> = {
  ...generalFailures("respondentValidation.errors"),
  // Rounds, and the blockers of opening and closing one.
  STORY_NOT_READY: "respondentValidation.errors.STORY_NOT_READY",
  ROUND_CLOSED: "respondentValidation.errors.ROUND_CLOSED",
  STORIES_FIXED: "respondentValidation.errors.STORIES_FIXED",
  STAGE_CHANGED: "respondentValidation.errors.STAGE_CHANGED",
  WRONG_STATUS: "respondentValidation.errors.BLOCKED_WRONG_STATUS",
  NO_STORIES: "respondentValidation.errors.BLOCKED_NO_STORIES",
  NO_SAMPLE: "respondentValidation.errors.BLOCKED_NO_SAMPLE",
  DISPUTE_OPEN: "respondentValidation.errors.BLOCKED_DISPUTE_OPEN",
  // The sample.
  ROUND_NOT_PLANNED: "respondentValidation.errors.ROUND_NOT_PLANNED",
  NO_TARGET: "respondentValidation.errors.NO_TARGET",
  RESPONDENT_NOT_FOUND: "respondentValidation.errors.RESPONDENT_NOT_FOUND",
  NOT_ELIGIBLE_EXCLUDED: "respondentValidation.errors.NOT_ELIGIBLE_EXCLUDED",
  NOT_ELIGIBLE_CONSENT_WITHDRAWN: "respondentValidation.errors.NOT_ELIGIBLE_CONSENT_WITHDRAWN",
  NOT_ELIGIBLE_NO_VALIDATION_CONSENT: "respondentValidation.errors.NOT_ELIGIBLE_NO_VALIDATION_CONSENT",
  NOT_ELIGIBLE_TOLD_EVERY_STORY: "respondentValidation.errors.NOT_ELIGIBLE_TOLD_EVERY_STORY",
  NOT_ELIGIBLE_NO_STORIES: "respondentValidation.errors.NOT_ELIGIBLE_NO_STORIES",
  NOT_ELIGIBLE_UNKNOWN: "respondentValidation.errors.NOT_ELIGIBLE_UNKNOWN",
  ALREADY_IN_SAMPLE: "respondentValidation.errors.ALREADY_IN_SAMPLE",
  HAS_RESPONSES: "respondentValidation.errors.HAS_RESPONSES",
  // Responses and their corrections.
  ALREADY_RECORDED: "respondentValidation.errors.ALREADY_RECORDED",
  ROUND_NOT_OPEN: "respondentValidation.errors.ROUND_NOT_OPEN",
  OUTDATED_REVISION: "respondentValidation.errors.OUTDATED_REVISION",
  STORYTELLER: "respondentValidation.errors.STORYTELLER",
  RESPONDENT_NOT_ELIGIBLE: "respondentValidation.errors.RESPONDENT_NOT_ELIGIBLE",
  EDITED_BY_SOMEONE_ELSE: "respondentValidation.errors.EDITED_BY_SOMEONE_ELSE",
  // Settling a dispute.
  NOT_A_DISPUTE: "respondentValidation.errors.NOT_A_DISPUTE",
  ALREADY_RESOLVED: "respondentValidation.errors.ALREADY_RESOLVED",
  STORY_MOVED_ON: "respondentValidation.errors.STORY_MOVED_ON",
  STORY_EDITED_SINCE: "respondentValidation.errors.STORY_EDITED_SINCE",
};

/** A validation action's failure as message keys, next to the field when there is one. */
export const validationFailureMessages = refusalFailureMessages(VALIDATION_REFUSAL_MESSAGES, fieldKey);

/** The lead's decisions after validation (lib/reviews/mutations.ts), on the validation pages. */
export const LEAD_DECISION_REFUSAL_MESSAGES: RefusalMessages<SendToReviewRefusal | RevalidationRefusal> = {
  ...generalFailures("respondentValidation.errors"),
  NOT_VALIDATED: "respondentValidation.errors.BLOCKED_NOT_VALIDATED",
  NO_FUNDER_CONSENT: "respondentValidation.errors.BLOCKED_NO_FUNDER_CONSENT",
  STAGE_CHANGED: "respondentValidation.errors.STAGE_CHANGED",
  NOT_RETURNED: "respondentValidation.errors.BLOCKED_NOT_RETURNED",
  COMMENT_REQUIRED: "respondentValidation.errors.BLOCKED_COMMENT_REQUIRED",
  NOT_IN_VALIDATION: "respondentValidation.errors.BLOCKED_NOT_IN_VALIDATION",
  NO_CLOSED_ROUND: "respondentValidation.errors.BLOCKED_NO_CLOSED_ROUND",
  REVISION_NOT_VALIDATED: "respondentValidation.errors.BLOCKED_REVISION_NOT_VALIDATED",
  DISPUTE_OPEN: "respondentValidation.errors.BLOCKED_DISPUTE_OPEN",
};

export const leadDecisionFailureMessages = refusalFailureMessages(LEAD_DECISION_REFUSAL_MESSAGES, fieldKey);
