/**
 * Pure rules of fieldwork, interviews and focus groups alike (no database).
 *
 * Who may be heard: a respondent can be added to an interview or a focus group only when their
 * current consent (the newest form) grants the INTERVIEW scope and has not been withdrawn, and
 * they are not excluded. Respondents already on a record stay on it when their consent changes
 * later: the record is history, and withdrawal is dealt with by the respondents' own rules.
 */
import { consentStanding, consentStandingSelect, type ConsentWithScopes } from "@/lib/respondents/policy";

export type ConsentForHearing = ConsentWithScopes;

export type RespondentForHearing = { excludedAt: Date | null; consents: readonly ConsentForHearing[] };

export type HearingEligibility = "ELIGIBLE" | "NO_CONSENT" | "NO_INTERVIEW_SCOPE" | "WITHDRAWN" | "EXCLUDED";

/** The respondents' consent rule (lib/respondents/policy.ts) for the INTERVIEW scope, in the words of this form. */
export function hearingEligibility(respondent: RespondentForHearing): HearingEligibility {
  const standing = consentStanding(respondent, "INTERVIEW");
  return standing === "ALLOWED" ? "ELIGIBLE" : standing === "SCOPE_NOT_GRANTED" ? "NO_INTERVIEW_SCOPE" : standing;
}

/** What `hearingEligibility` reads of a respondent's consents, as a query selects it. */
export function hearingConsentsSelect(evaluationId: string) {
  return consentStandingSelect(evaluationId, "INTERVIEW");
}

/** Sorted so that audit events list the same set the same way. */
export function sortedIds(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

/** What to add and what to remove to go from `current` to `next`. */
export function difference(next: readonly string[], current: readonly string[]) {
  const currentSet = new Set(current);
  const nextSet = new Set(next);
  return { added: next.filter((id) => !currentSet.has(id)), removed: current.filter((id) => !nextSet.has(id)) };
}
