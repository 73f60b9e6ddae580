/**
 * How the selection forms' failures read, under `selection.errors`: one key for each reason the
 * panel, round, decision, ballot and reminder mutations export (a reason without a key fails
 * typecheck). A blocked candidate's code comes as the failure's `story`, not in the reason.
 */
import type { CastRefusal } from "@/lib/selection/ballot-mutations";
import type { ReminderRefusal } from "@/lib/selection/reminder-mutations";
import type { RoundRefusal } from "@/lib/selection/round-mutations";
import {
  generalFailures,
  refusalFailureMessages,
  schemaCodes,
  type RefusalMessages,
} from "@/components/ui/refusal-messages";

/** The schema's field-error codes (lib/selection/schema.ts); any other reads as unexpected. */
const fieldKey = schemaCodes(
  "selection.errors",
  ["required", "tooLong", "tooMany", "invalid", "invalidCharacters", "duplicateStory"],
  "selection.errors.UNEXPECTED",
);

export const SELECTION_REFUSAL_MESSAGES: RefusalMessages<RoundRefusal | CastRefusal | ReminderRefusal> = {
  ...generalFailures("selection.errors"),
  DOMAIN_RETIRED: "selection.errors.DOMAIN_RETIRED",
  NOT_A_PANELIST: "selection.errors.NOT_A_PANELIST",
  DEADLINE_IN_PAST: "selection.errors.DEADLINE_IN_PAST",
  NOT_ELIGIBLE: "selection.errors.NOT_ELIGIBLE",
  NO_CANDIDATES: "selection.errors.NO_CANDIDATES",
  TOO_MANY_CANDIDATES: "selection.errors.TOO_MANY_CANDIDATES",
  WRONG_STATUS: "selection.errors.WRONG_STATUS",
  NOT_A_CANDIDATE: "selection.errors.NOT_A_CANDIDATE",
  NOTHING_SELECTED: "selection.errors.NOTHING_SELECTED",
  FEEDBACK_MISSING: "selection.errors.FEEDBACK_MISSING",
  STORY_BLOCKED: "selection.errors.STORY_BLOCKED",
  ROUND_NOT_OPEN: "selection.errors.ROUND_NOT_OPEN",
  DEADLINE_PASSED: "selection.errors.DEADLINE_PASSED",
  VOTE_DOES_NOT_FIT: "selection.errors.VOTE_DOES_NOT_FIT",
  CONFLICT_OF_INTEREST: "selection.errors.CONFLICT_OF_INTEREST",
  RANKS_NOT_DISTINCT: "selection.errors.RANKS_NOT_DISTINCT",
  EVERYONE_VOTED: "selection.errors.EVERYONE_VOTED",
  REMINDED_RECENTLY: "selection.reminder.errors.REMINDED_RECENTLY",
};

/** A reminder is not a ballot: a closed round reads "no reminder sent", not "your ballot was not saved". */
export const REMINDER_REFUSAL_MESSAGES: RefusalMessages<ReminderRefusal> = {
  ...SELECTION_REFUSAL_MESSAGES,
  ROUND_NOT_OPEN: "selection.reminder.errors.ROUND_NOT_OPEN",
  DEADLINE_PASSED: "selection.reminder.errors.DEADLINE_PASSED",
};

export const selectionFailureMessages = refusalFailureMessages(SELECTION_REFUSAL_MESSAGES, fieldKey);
export const reminderFailureMessages = refusalFailureMessages(REMINDER_REFUSAL_MESSAGES, fieldKey);
