import type { ActionFailure, FailureMessages } from "@/components/ui/use-action-form";

const key = (code: string) => `learnings.errors.${code}`;

/** A learning action's failure as message keys under `learnings.errors`, next to the field when there is one. */
export function learningFailureMessages(failure: ActionFailure): FailureMessages {
  if (failure.error === "INVALID") {
    return {
      fields: Object.fromEntries(Object.entries(failure.fieldErrors).map(([path, codes]) => [path, codes.map(key)])),
      form: key("INVALID"),
    };
  }
  if (failure.error === "REJECTED") {
    return { fields: failure.field ? { [failure.field]: [key(failure.reason)] } : {}, form: key(failure.reason) };
  }
  return { fields: {}, form: key(failure.error) };
}
