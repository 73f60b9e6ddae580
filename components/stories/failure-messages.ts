import type { ActionFailure, FailureMessages } from "@/components/ui/use-action-form";

const key = (code: string) => `stories.errors.${code}`;

/** A story action's failure as message keys under `stories.errors` (field errors next to their field). */
export function storiesFailureMessages(failure: ActionFailure): FailureMessages {
  if (failure.error === "INVALID") {
    return {
      fields: Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, codes]) => [field, codes.map(key)])),
      form: null,
    };
  }
  if (failure.error === "REJECTED") {
    return failure.field
      ? { fields: { [failure.field]: [key(failure.reason)] }, form: null }
      : { fields: {}, form: key(failure.reason) };
  }
  return { fields: {}, form: key(failure.error) };
}
