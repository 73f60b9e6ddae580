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
};

export type SessionVerdict = "ACTIVE" | "REVOKED" | "EXPIRED" | "IDLE" | "USER_DISABLED";

export function sessionVerdict(session: SessionFacts, now: Date): SessionVerdict {
  if (session.revokedAt) return "REVOKED";
  if (session.userDisabledAt) return "USER_DISABLED";
  if (session.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return "IDLE";
  return "ACTIVE";
}

export function shouldTouchSession(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
