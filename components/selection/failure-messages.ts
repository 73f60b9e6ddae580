import type { ActionFailure, FailureMessages } from "@/components/ui/use-action-form";

const KNOWN = new Set([
  "required", "tooLong", "tooMany", "invalid", "invalidCharacters", "duplicateStory",
  "NOT_IN_EVALUATION", "NOT_A_PANELIST", "DEADLINE_IN_PAST", "NOT_ELIGIBLE", "NO_CANDIDATES", "TOO_MANY_CANDIDATES",
  "WRONG_STATUS", "STORY_BLOCKED", "ROUND_NOT_OPEN", "DEADLINE_PASSED", "NOT_A_CANDIDATE", "VOTE_DOES_NOT_FIT",
  "CONFLICT_OF_INTEREST", "RANKS_NOT_DISTINCT", "NOTHING_SELECTED", "FEEDBACK_MISSING", "EVERYONE_VOTED",
  "CONFLICT", "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED", "UNEXPECTED",
]);
const key = (code: string) => `selection.errors.${KNOWN.has(code) ? code : "UNEXPECTED"}`;

/** A selection action's failure as message keys under `selection.errors`; "STORY_BLOCKED:CS-0007" keeps the code aside. */
export function selectionFailureMessages(failure: ActionFailure): FailureMessages {
  if (failure.error === "INVALID") {
    return { fields: Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, codes]) => [field, codes.map(key)])), form: "selection.errors.INVALID" };
  }
  if (failure.error === "REJECTED") {
    const [reason] = failure.reason.split(":");
    return failure.field ? { fields: { [failure.field]: [key(reason!)] }, form: key(reason!) } : { fields: {}, form: key(reason!) };
  }
  return { fields: {}, form: key(failure.error) };
}

/** Refusals that read differently for a reminder than for a ballot ("your ballot was not saved"). */
const REMINDER_REASONS = new Set(["ROUND_NOT_OPEN", "DEADLINE_PASSED", "REMINDED_RECENTLY"]);

export function reminderFailureMessages(failure: ActionFailure): FailureMessages {
  if (failure.error === "REJECTED" && REMINDER_REASONS.has(failure.reason)) return { fields: {}, form: `selection.reminder.errors.${failure.reason}` };
  return selectionFailureMessages(failure);
}
