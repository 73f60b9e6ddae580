import type { ActionFailure, FailureMessages } from "@/components/ui/use-action-form";

const key = (code: string) => `respondentValidation.errors.${code}`;

/** A validation action's failure as message keys under `respondentValidation.errors`, next to the field when there is one. */
export function validationFailureMessages(failure: ActionFailure): FailureMessages {
  if (failure.error === "INVALID") {
    return {
      fields: Object.fromEntries(Object.entries(failure.fieldErrors).map(([path, codes]) => [path, codes.map(key)])),
      form: key("INVALID"),
    };
  }
  if (failure.error === "REJECTED")
    return { fields: failure.field ? { [failure.field]: [key(failure.reason)] } : {}, form: key(failure.reason) };
  return { fields: {}, form: key(failure.error) };
}
