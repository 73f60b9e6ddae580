/**
 * How the story form's failures read, under `stories.errors`: one key for each reason a story save
 * exports (STORY_SAVE_REFUSALS; a reason without a key fails typecheck) and for the general failures.
 */
import type { StorySaveRefusal } from "@/lib/stories/mutations";
import { refusalMessageKey, type MessageKey, type RefusalMessages } from "@/components/ui/refusal-messages";
import type { ActionFailure, FailureMessages } from "@/components/ui/use-action-form";

const NAMESPACE = "stories.errors.";

/**
 * The failures every story action may answer, with the refusals the story's own mutations and its
 * domain assignments share (the domains' table spreads it too).
 */
export const STORY_GENERAL_FAILURES = {
  // Bad input reads next to each field with the schema's own code; this word is their fallback.
  INVALID: "stories.errors.invalid",
  UNAUTHENTICATED: "stories.errors.UNAUTHENTICATED",
  FORBIDDEN: "stories.errors.FORBIDDEN",
  NOT_FOUND: "stories.errors.NOT_FOUND",
  CONFLICT: "stories.errors.CONFLICT",
  UNEXPECTED: "stories.errors.UNEXPECTED",
  STAGE_LOCKED: "stories.errors.STAGE_LOCKED",
  NOT_IN_EVALUATION: "stories.errors.NOT_IN_EVALUATION",
} as const satisfies Record<string, MessageKey>;

export const STORY_SAVE_REFUSAL_MESSAGES = {
  ...STORY_GENERAL_FAILURES,
  PROJECT_RETIRED: "stories.errors.PROJECT_RETIRED",
  FIGURE_HAS_EVIDENCE: "stories.errors.FIGURE_HAS_EVIDENCE",
  // The schema refuses the same period with the same codes: they read alike.
  periodFromRequired: "stories.errors.periodFromRequired",
  periodFormat: "stories.errors.periodFormat",
  periodOrder: "stories.errors.periodOrder",
  NO_STORYTELLER: "stories.errors.NO_STORYTELLER",
  NO_SOURCE: "stories.errors.NO_SOURCE",
  STORYTELLER_CONSENT: "stories.errors.STORYTELLER_CONSENT",
} as const satisfies RefusalMessages<StorySaveRefusal> & Record<string, `${typeof NAMESPACE}${string}`>;

/**
 * The code under `stories.errors` ("NOT_IN_EVALUATION"): the form keeps field errors as codes,
 * the schema's and the refusals' alike, because it words a figure's number problem with the
 * number as typed.
 */
function codeOf(failure: ActionFailure): string {
  return refusalMessageKey<StorySaveRefusal>(STORY_SAVE_REFUSAL_MESSAGES, failure).slice(NAMESPACE.length);
}

/**
 * The story form's failures: field errors keep the schema's own codes ("required", "numberGrouping"),
 * by the path inside the story ("figures.2.value"). A refusal that names a field reads under it
 * only; one that does not, on top. A conflict while editing opens the merge, so it shows nothing;
 * a conflict on a new story cannot be explained and reads as unexpected.
 */
export function storyFormFailureMessages(editing: boolean) {
  return (failure: ActionFailure): FailureMessages => {
    if (failure.error === "INVALID") {
      return {
        fields: Object.fromEntries(
          Object.entries(failure.fieldErrors).map(([path, codes]) => [path.replace(/^story\./, ""), codes]),
        ),
        form: null,
      };
    }
    if (failure.error === "REJECTED" && failure.field)
      return { fields: { [failure.field]: [codeOf(failure)] }, form: null };
    if (failure.error === "CONFLICT")
      return { fields: {}, form: editing ? null : STORY_SAVE_REFUSAL_MESSAGES.UNEXPECTED };
    return { fields: {}, form: refusalMessageKey<StorySaveRefusal>(STORY_SAVE_REFUSAL_MESSAGES, failure) };
  };
}
