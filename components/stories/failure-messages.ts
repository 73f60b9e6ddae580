import type { ActionFailure, FailureMessages } from "@/components/ui/use-action-form";

const key = (code: string) => `stories.errors.${code}`;

/** The failures the story form words on top; any other reads as unexpected. */
const STORY_FORM_FAILURES = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "UNEXPECTED"]);

/**
 * The story form's failures: field errors keep the schema's own codes ("required", "numberGrouping"),
 * by the path inside the story ("figures.2.value"), because the form words a figure's number
 * problem with the number as typed. A conflict while editing opens the merge, so it shows nothing.
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
    if (failure.error === "REJECTED") {
      return failure.field
        ? { fields: { [failure.field]: [failure.reason] }, form: null }
        : { fields: {}, form: key(failure.reason) };
    }
    if (failure.error === "CONFLICT" && editing) return { fields: {}, form: null };
    return { fields: {}, form: key(STORY_FORM_FAILURES.has(failure.error) ? failure.error : "UNEXPECTED") };
  };
}
