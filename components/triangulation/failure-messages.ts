import type { ActionFailure, FailureMessages } from "@/components/ui/use-action-form";

const key = (code: string) => `triangulation.errors.${code}`;

/** "evidence.citation" and "fields.contributions.0.projectId" are shown next to "citation" and "contributions.0.projectId". */
const field = (path: string) => path.replace(/^(evidence|fields)\./, "");

/** A triangulation action's failure as message keys under `triangulation.errors`, next to the field when there is one. */
export function triangulationFailureMessages(failure: ActionFailure): FailureMessages {
  if (failure.error === "INVALID") {
    return {
      fields: Object.fromEntries(
        Object.entries(failure.fieldErrors).map(([path, codes]) => [field(path), codes.map(key)]),
      ),
      form: key("INVALID"),
    };
  }
  if (failure.error === "REJECTED") {
    return failure.field
      ? { fields: { [field(failure.field)]: [key(failure.reason)] }, form: key(failure.reason) }
      : { fields: {}, form: key(failure.reason) };
  }
  return { fields: {}, form: key(failure.error) };
}
