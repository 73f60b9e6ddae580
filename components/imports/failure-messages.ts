/**
 * How the import wizard's failures read, under `imports.refusals`: one key for each reason
 * lib/imports/mutations.ts exports (a reason without a key fails typecheck). The separator a
 * file seems to use, the repeated column and the field a mapping leaves out come as details of
 * the failure, never inside its reason.
 */
import type { RefusalDetails } from "@/lib/core/refusal";
import type { ImportRefusal } from "@/lib/imports/mutations";
import {
  generalFailures,
  refusalMessageKey,
  type MessageKey,
  type RefusalMessages,
} from "@/components/ui/refusal-messages";
import type { ActionFailure } from "@/components/ui/use-action-form";

export const IMPORT_REFUSAL_MESSAGES: RefusalMessages<ImportRefusal> = {
  ...generalFailures("imports.refusals"),
  EMPTY: "imports.refusals.EMPTY",
  TOO_LARGE: "imports.refusals.TOO_LARGE",
  TOO_MANY_ROWS: "imports.refusals.TOO_MANY_ROWS",
  TOO_MANY_COLUMNS: "imports.refusals.TOO_MANY_COLUMNS",
  INVALID_UTF8: "imports.refusals.INVALID_UTF8",
  NOT_TABULAR: "imports.refusals.NOT_TABULAR",
  WRONG_DELIMITER: "imports.refusals.WRONG_DELIMITER",
  NO_HEADER: "imports.refusals.NO_HEADER",
  DUPLICATE_HEADER: "imports.refusals.DUPLICATE_HEADER",
  UNREADABLE: "imports.refusals.UNREADABLE",
  MAPPING_UNKNOWN_COLUMN: "imports.refusals.MAPPING_UNKNOWN_COLUMN",
  MAPPING_UNKNOWN_FIELD: "imports.refusals.MAPPING_UNKNOWN_FIELD",
  MAPPING_REQUIRED: "imports.refusals.MAPPING_REQUIRED",
  MAPPING_CONSENT_INCOMPLETE: "imports.refusals.MAPPING_CONSENT_INCOMPLETE",
  KEY_COLUMN_MISSING: "imports.refusals.KEY_COLUMN_MISSING",
  KEY_COLUMN_IDENTITY: "imports.refusals.KEY_COLUMN_IDENTITY",
  IDEMPOTENCY_KEY_REUSED: "imports.refusals.IDEMPOTENCY_KEY_REUSED",
  FILE_CHANGED: "imports.refusals.FILE_CHANGED",
  ROWS_INVALID: "imports.refusals.ROWS_INVALID",
};

/** A file read with the wrong separator says which one it seems to use. */
const SEPARATOR_MESSAGES: Readonly<Record<NonNullable<RefusalDetails["suggestion"]>, MessageKey>> = {
  SEMICOLON: "imports.refusals.WRONG_DELIMITER_SEMICOLON",
  TAB: "imports.refusals.WRONG_DELIMITER_TAB",
  COMMA: "imports.refusals.WRONG_DELIMITER_COMMA",
};

/** The schema's codes the wizard can explain (an empty or too large file); any other is a malformed request. */
const INPUT_MESSAGES: Readonly<Record<string, MessageKey>> = {
  fileRequired: "imports.refusals.fileRequired",
  EMPTY: "imports.refusals.EMPTY",
  TOO_LARGE: "imports.refusals.TOO_LARGE",
};

/** The message key for a failed import step; its values are the failure's details. */
export function importFailureKey(failure: ActionFailure): MessageKey {
  if (failure.error === "REJECTED" && failure.reason === "WRONG_DELIMITER" && failure.suggestion)
    return SEPARATOR_MESSAGES[failure.suggestion];
  if (failure.error === "INVALID") {
    const known = Object.values(failure.fieldErrors)
      .flat()
      .find((code) => Object.hasOwn(INPUT_MESSAGES, code));
    return known ? INPUT_MESSAGES[known]! : IMPORT_REFUSAL_MESSAGES.INVALID;
  }
  return refusalMessageKey(IMPORT_REFUSAL_MESSAGES, failure);
}
