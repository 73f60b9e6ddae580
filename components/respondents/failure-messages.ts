/**
 * How the respondent forms' failures read, under `respondents.errors`: one key for each reason
 * the respondent, identity and consent mutations export (a reason without a key fails typecheck).
 */
import type { ConsentRefusal } from "@/lib/respondents/consent-mutations";
import type { IdentityRefusal } from "@/lib/respondents/identity-mutations";
import type { RespondentRefusal } from "@/lib/respondents/mutations";
import { refusalFailureMessages, type RefusalMessages } from "@/components/ui/refusal-messages";

export const RESPONDENT_REFUSAL_MESSAGES: RefusalMessages<RespondentRefusal | IdentityRefusal | ConsentRefusal> = {
  INVALID: "respondents.errors.summary",
  UNAUTHENTICATED: "respondents.errors.failure.UNAUTHENTICATED",
  FORBIDDEN: "respondents.errors.failure.FORBIDDEN",
  NOT_FOUND: "respondents.errors.failure.NOT_FOUND",
  CONFLICT: "respondents.errors.failure.CONFLICT",
  UNEXPECTED: "respondents.errors.failure.UNEXPECTED",
  STATE_UNKNOWN: "respondents.errors.state",
  REGION_UNKNOWN: "respondents.errors.regionUnknown",
  PLACE_UNKNOWN: "respondents.errors.placeUnknown",
  PLACE_OUTSIDE_STATE: "respondents.errors.placeState",
  SECTOR_UNKNOWN: "respondents.errors.sectorUnknown",
  AT_RISK_GROUP_UNKNOWN: "respondents.errors.atRiskGroupUnknown",
  STALE_VERSION: "respondents.errors.stale",
  IDENTITY_DESTROYED: "respondents.errors.identityDestroyed",
  CONSENT_WITHDRAWN: "respondents.errors.consentWithdrawn",
  CONSENT_OLDER: "respondents.errors.consentOlder",
  NO_CONSENT: "respondents.errors.noConsent",
  ALREADY_WITHDRAWN: "respondents.errors.alreadyWithdrawn",
  CONSENT_CHANGED: "respondents.errors.consentChanged",
  WITHDRAWAL_BEFORE_CONSENT: "respondents.errors.withdrawalBeforeConsent",
};

/** "atRiskGroupIds.1" → "atRiskGroupIds"; "scopes.INTERVIEW" stays, since each scope has its own control. */
function fieldOf(path: string): string {
  const [first, second] = path.split(".");
  return first === "scopes" && second ? `${first}.${second}` : (first ?? "");
}

/**
 * A respondent action's failure as message keys, next to the field (or the list) it is about. The
 * schema's codes are keys under `respondents` ("errors.required").
 */
export const respondentFailureMessages = refusalFailureMessages(
  RESPONDENT_REFUSAL_MESSAGES,
  (code) => `respondents.${code}`,
  fieldOf,
);
