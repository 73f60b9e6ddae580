import type { ActionFailure, FailureMessages } from "@/components/ui/use-action-form";

const key = (code: string) => `setup.errors.${code}`;

/** "project.acronym" is shown next to "acronym"; admin-style keys ("validation.x") are kept as they are. */
const field = (path: string) => path.replace(/^project\./, "");
const message = (code: string) => (code.includes(".") ? code : key(code));

/** A setup action's failure as message keys under `setup.errors`, next to the field when there is one. */
export function setupFailureMessages(failure: ActionFailure): FailureMessages {
  if (failure.error === "INVALID") {
    return {
      fields: Object.fromEntries(
        Object.entries(failure.fieldErrors).map(([path, codes]) => [field(path), codes.map(message)]),
      ),
      form: key("INVALID"),
    };
  }
  if (failure.error === "REJECTED") {
    return {
      fields: failure.field ? { [field(failure.field)]: [key(failure.reason)] } : {},
      form: key(failure.reason),
    };
  }
  return { fields: {}, form: key(failure.error) };
}
