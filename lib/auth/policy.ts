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

/**
 * Spraying limit: failed tries from one client address, across all e-mail addresses, in the same
 * window. Three accounts' worth of lockouts: an office behind one shared address survives a
 * colleague locking themselves out, while one source can try only 30 passwords per 15 minutes
 * in all instead of 10 on every account (decision 0005).
 */
export const ADDRESS_FAILURE_LIMIT = 30;

/** Throttled when `earlierFailures` from the address already reached the limit: the 31st try is refused. */
export function isAddressThrottled(earlierFailures: number): boolean {
  return earlierFailures >= ADDRESS_FAILURE_LIMIT;
}

/** Why a try is refused before its password is looked at; the account's own lockout is named first. */
export type SignInRefusal = "LOCKED_OUT" | "ADDRESS_THROTTLED";

/**
 * `earlierAddressFailures` is null when the client address is unknown: "unknown" is everyone at
 * once, and a limit on it would let one person lock every user out.
 */
export function signInRefusal(
  earlierAccountFailures: number,
  earlierAddressFailures: number | null,
): SignInRefusal | null {
  if (isLockedOut(earlierAccountFailures)) return "LOCKED_OUT";
  if (earlierAddressFailures !== null && isAddressThrottled(earlierAddressFailures)) return "ADDRESS_THROTTLED";
  return null;
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
