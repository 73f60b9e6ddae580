/** Pure rules for server-side sessions, kept apart from Prisma and Next so they can be unit-tested. */

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** `lastSeenAt` is written at most this often, so reading pages does not mean a write per request. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionFacts = {
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  userDisabledAt: Date | null;
  /** When the user turned two-factor sign-in on; null when it is off. */
  userTwoFactorEnabledAt: Date | null;
  /** When this session passed the second factor; null for a password-only session. */
  twoFactorVerifiedAt: Date | null;
};

export type SessionVerdict = "ACTIVE" | "REVOKED" | "EXPIRED" | "IDLE" | "USER_DISABLED" | "SECOND_FACTOR_MISSING";

export function sessionVerdict(session: SessionFacts, now: Date): SessionVerdict {
  if (session.revokedAt) return "REVOKED";
  if (session.userDisabledAt) return "USER_DISABLED";
  // A password-only session of a user who has two-factor on (e.g. opened before it was turned on).
  if (session.userTwoFactorEnabledAt && !session.twoFactorVerifiedAt) return "SECOND_FACTOR_MISSING";
  if (session.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return "IDLE";
  return "ACTIVE";
}

export function shouldTouchSession(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

/** Brute-force limit: failed tries per e-mail address (known or not) within the window. */
export const SIGN_IN_FAILURE_LIMIT = 10;
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Failed tries at or after this instant count towards the limit. */
export function failureWindowStart(now: Date): Date {
  return new Date(now.getTime() - SIGN_IN_FAILURE_WINDOW_MS);
}

/**
 * Locked when `earlierFailures` (failures in the window before this try, tries still being
 * checked included) already reached the limit: the 11th try is refused, right password or not.
 */
export function isLockedOut(earlierFailures: number): boolean {
  return earlierFailures >= SIGN_IN_FAILURE_LIMIT;
}

/** Roles that can read respondent identities, for which an admin can require two-factor sign-in. */
const IDENTITY_ROLES = new Set<string>(["LEAD", "EVALUATOR"]);

export function holdsIdentityRole(isAdmin: boolean, evaluationRoles: readonly string[]): boolean {
  return isAdmin || evaluationRoles.some((role) => IDENTITY_ROLES.has(role));
}

export type TwoFactorFacts = {
  /** `InstallationSettings.requireTwoFactorForIdentityRoles` */
  required: boolean;
  identityRole: boolean;
  enrolled: boolean;
};

/** True when this user must set up two-factor sign-in before doing anything else. */
export function needsTwoFactorEnrolment(facts: TwoFactorFacts): boolean {
  return facts.required && facts.identityRole && !facts.enrolled;
}

/** Two-factor may be turned off by the user only when the installation does not require it of them. */
export function mayDisableTwoFactor(facts: Omit<TwoFactorFacts, "enrolled">): boolean {
  return !(facts.required && facts.identityRole);
}
