/** Pure rules about respondents, their identity and their consent (no database, no session). */
import type { ConsentRefusal } from "./consent-mutations";
import type { ConsentScopeKind, WithdrawalChoice } from "@/lib/generated/prisma/enums";
import { can, type Role } from "@/lib/permissions";

/** "R-0042" from 42; five digits and more once past 9999. */
export function respondentCode(codeNumber: number): string {
  if (!Number.isInteger(codeNumber) || codeNumber < 1)
    throw new Error(`respondentCode: not a code number: ${codeNumber}`);
  return `R-${String(codeNumber).padStart(4, "0")}`;
}

export type RespondentCapabilities = {
  view: boolean;
  edit: boolean;
  viewIdentity: boolean;
  editIdentity: boolean;
  editConsent: boolean;
};

export function respondentCapabilities(roles: readonly Role[]): RespondentCapabilities {
  const view = can(roles, "respondent.view");
  // Nothing about a respondent is open to someone who may not see respondents at all.
  return {
    view,
    edit: view && can(roles, "respondent.edit"),
    viewIdentity: view && can(roles, "respondent.identity.view"),
    editIdentity: view && can(roles, "respondent.identity.edit"),
    editConsent: view && can(roles, "consent.edit"),
  };
}

export type ConsentState = {
  id: string;
  givenOn: Date;
  withdrawnOn: Date | null;
  withdrawalChoice: WithdrawalChoice | null;
};

/** Newest first by the day it was given, then by when it was recorded. */
export function currentConsent<T extends Omit<ConsentState, "id"> & { createdAt: Date }>(
  consents: readonly T[],
): T | null {
  let current: T | null = null;
  for (const consent of consents) {
    if (
      !current ||
      consent.givenOn.getTime() > current.givenOn.getTime() ||
      (consent.givenOn.getTime() === current.givenOn.getTime() &&
        consent.createdAt.getTime() > current.createdAt.getTime())
    ) {
      current = consent;
    }
  }
  return current;
}

export type ConsentWithScopes = Omit<ConsentState, "id"> & {
  createdAt: Date;
  scopes: ReadonlyArray<{ scope: ConsentScopeKind; granted: boolean }>;
};

/**
 * What `consentStanding` reads of a respondent's consents, as a query selects it. With `scope`,
 * only that scope's row is read: the one question the caller asks.
 */
export function consentStandingSelect(evaluationId: string, scope?: ConsentScopeKind) {
  return {
    where: { evaluationId },
    select: {
      givenOn: true,
      createdAt: true,
      withdrawnOn: true,
      withdrawalChoice: true,
      scopes: { where: scope ? { scope } : {}, select: { scope: true, granted: true } },
    },
  } as const;
}

/** Why a respondent may or may not be involved in a use now (heard, quoted, contacted for validation…). */
export type ConsentStanding = "ALLOWED" | "NO_CONSENT" | "SCOPE_NOT_GRANTED" | "WITHDRAWN" | "EXCLUDED";

/**
 * The one consent rule: the respondent's current (newest) consent form grants `scope`, has not
 * been withdrawn, and the respondent is not excluded. Records made earlier stay as they are; this
 * decides new involvement only.
 */
export function consentStanding(
  respondent: { excludedAt: Date | null; consents: readonly ConsentWithScopes[] },
  scope: ConsentScopeKind,
): ConsentStanding {
  const consent = currentConsent(respondent.consents);
  // The withdrawal is the reason people know; exclusion without one is said as such.
  if (consent && (consent.withdrawnOn || consent.withdrawalChoice)) return "WITHDRAWN";
  if (respondent.excludedAt) return "EXCLUDED";
  if (!consent) return "NO_CONSENT";
  return grantedScopes(consent.scopes)[scope] ? "ALLOWED" : "SCOPE_NOT_GRANTED";
}

/** Why a new consent form cannot be recorded now, or null when it can. */
export function consentRefusal(
  current: ConsentState | null,
  givenOn: Date,
  identityDestroyed: boolean,
): { reason: ConsentRefusal; field?: string } | null {
  // A withdrawal cannot be undone: a new form after it would quietly reverse it.
  if (identityDestroyed || current?.withdrawnOn) return { reason: "CONSENT_WITHDRAWN" };
  if (current && givenOn.getTime() < current.givenOn.getTime()) return { reason: "CONSENT_OLDER", field: "givenOn" };
  return null;
}

/** Why this withdrawal cannot be recorded, or null when it can. */
export function withdrawalRefusal(
  current: ConsentState | null,
  request: { consentId: string; withdrawnOn: Date },
): { reason: ConsentRefusal; field?: string } | null {
  if (!current) return { reason: "NO_CONSENT" };
  if (current.withdrawnOn) return { reason: "ALREADY_WITHDRAWN" };
  if (current.id !== request.consentId) return { reason: "CONSENT_CHANGED" };
  if (request.withdrawnOn.getTime() < current.givenOn.getTime())
    return { reason: "WITHDRAWAL_BEFORE_CONSENT", field: "withdrawnOn" };
  return null;
}

/** EXCLUDE and DESTROY take the respondent out of selection, validation, reports and exports. */
export function withdrawalExcludes(choice: WithdrawalChoice): boolean {
  return choice === "EXCLUDE" || choice === "DESTROY";
}

/** The scopes granted by a consent, as a complete map (a scope not asked counts as not granted). */
export function grantedScopes(
  scopes: ReadonlyArray<{ scope: ConsentScopeKind; granted: boolean }>,
): Record<ConsentScopeKind, boolean> {
  const result: Record<ConsentScopeKind, boolean> = {
    INTERVIEW: false,
    AUDIO_RECORDING: false,
    ANONYMOUS_QUOTATION: false,
    SHARE_WITH_FUNDER: false,
    CONTACT_FOR_VALIDATION: false,
  };
  for (const { scope, granted } of scopes) result[scope] = granted;
  return result;
}

/**
 * What a DESTROY withdrawal erases, given who else took part. A transcript is erased when this
 * respondent is its only known speaker: the only respondent of an interview, or the only
 * participant of a focus group with nobody uncounted.
 */
export function transcriptsToErase(input: {
  interviews: ReadonlyArray<{ id: string; respondentCount: number }>;
  focusGroups: ReadonlyArray<{ id: string; participantCount: number; anonymousParticipantCount: number }>;
}): { interviewIds: string[]; focusGroupIds: string[] } {
  return {
    interviewIds: input.interviews.filter((row) => row.respondentCount === 1).map((row) => row.id),
    focusGroupIds: input.focusGroups
      .filter((row) => row.participantCount === 1 && row.anonymousParticipantCount === 0)
      .map((row) => row.id),
  };
}

/**
 * Stories that rested only on the destroyed respondent: told by them alone, or whose every source
 * (interview, focus group, excerpt) was erased.
 */
export function storiesToFlag(input: {
  soleTellerStoryIds: readonly string[];
  sources: ReadonlyArray<{ storyId: string; erased: boolean }>;
}): string[] {
  const flagged = new Set(input.soleTellerStoryIds);
  const bySource = new Map<string, boolean>();
  for (const source of input.sources)
    bySource.set(source.storyId, (bySource.get(source.storyId) ?? true) && source.erased);
  for (const [storyId, allErased] of bySource) if (allErased) flagged.add(storyId);
  return [...flagged].sort();
}

/** The names of the identity parts that differ (for the audit trail: names only, never values). */
export function changedIdentityFields<T extends Record<string, string | null>>(
  before: T,
  after: T,
): Array<keyof T & string> {
  return (Object.keys(after) as Array<keyof T & string>)
    .filter((key) => (before[key] ?? null) !== (after[key] ?? null))
    .sort();
}
