/**
 * How a fieldwork record's failures read, under `fieldwork`: the schema's codes are keys of its
 * own ("errors.required"), shown beside the field named by the first part of their path (an error
 * about "respondentIds.3" sits by the respondents); a rejection that names a field sits there
 * too, with "correct the fields marked below" on top.
 */
import type { ActionFailure, FailureMessages } from "@/components/ui/use-action-form";

export type FieldworkConflictKey = "rejections.VERSION_CONFLICT_INTERVIEW" | "rejections.VERSION_CONFLICT_FOCUS_GROUP";

const FIX_ERRORS = "fieldwork.form.fixErrors";

/** "errors.tooLong" → "fieldwork.errors.tooLong"; anything else reads as "not valid". */
function fieldKey(code: string) {
  return code.startsWith("errors.") ? `fieldwork.${code}` : "fieldwork.errors.invalid";
}

/**
 * `conflict`: the kind's own words for "someone else saved it"; `namedIneligible`: whether the
 * form can name the respondents who may not be heard (then the message lists their codes).
 */
export function fieldworkFailureMessages(conflict: FieldworkConflictKey, namedIneligible: () => boolean) {
  return (failure: ActionFailure): FailureMessages => {
    if (failure.error === "INVALID") {
      const fields: Record<string, string[]> = {};
      for (const [path, codes] of Object.entries(failure.fieldErrors)) {
        const field = path.split(".")[0] ?? path;
        if (codes[0] && !fields[field]) fields[field] = [fieldKey(codes[0])];
      }
      return { fields, form: FIX_ERRORS };
    }
    if (failure.error === "REJECTED") {
      const key =
        failure.reason === "VERSION_CONFLICT"
          ? `fieldwork.${conflict}`
          : failure.reason === "RESPONDENT_NOT_ELIGIBLE" && namedIneligible()
            ? "fieldwork.rejections.RESPONDENT_NOT_ELIGIBLE_CODES"
            : `fieldwork.rejections.${failure.reason}`;
      return failure.field ? { fields: { [failure.field]: [key] }, form: FIX_ERRORS } : { fields: {}, form: key };
    }
    return { fields: {}, form: `fieldwork.failures.${failure.error}` };
  };
}
