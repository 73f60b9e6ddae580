/**
 * Who is signed in, decided from the database on every request: the cookie only names a session
 * row. Kept apart from next-auth and Next so integration tests call it with a real database.
 */
import type { EvaluationRole, Locale } from "@/lib/generated/prisma/client";
import { findSessionWithUser, type SessionWithUser } from "./data";
import { touchUserSession } from "./mutations";
import { holdsIdentityRole, needsTwoFactorEnrolment, sessionVerdict, shouldTouchSession } from "./policy";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: Locale;
  sessionId: string;
  /**
   * The installation requires two-factor sign-in of this user (admin, or lead or evaluator
   * anywhere) and they have not set it up: they may only set it up or sign out. Pages redirect
   * (`requireUser`); actions and route handlers must refuse.
   */
  needsTwoFactorEnrolment: boolean;
  /**
   * Their roles in each evaluation they are a member of, read with the session in this request:
   * `evaluationAccess` answers a member from it without a statement. Absent on a reader built by
   * a script or a test, which the access check then looks up.
   */
  memberships?: ReadonlyMap<string, readonly EvaluationRole[]>;
};

/** What the session cookie (a next-auth JWT) says: the session row and the user it was issued to. */
export type SessionClaim = { sessionId: unknown; userId: unknown };

/** The two-factor rule, from the facts the session read brought along. */
function mustEnrol(row: SessionWithUser): boolean {
  return needsTwoFactorEnrolment({
    required: row.twoFactorRequired,
    identityRole: holdsIdentityRole(row.user.isAdmin, row.evaluationRoles),
    enrolled: row.user.totpEnabledAt !== null,
  });
}

/**
 * The user when the session row is open, unexpired, used within the idle timeout, issued to the
 * same user, passed the second factor if the user has it on, and the user is not disabled.
 */
export async function resolveCurrentUser(claim: SessionClaim, now = new Date()): Promise<CurrentUser | null> {
  const { sessionId, userId } = claim;
  // Never query with an empty or missing id (Prisma drops `undefined` from a `where`).
  if (typeof sessionId !== "string" || sessionId.length === 0 || sessionId.length > 64) return null;
  if (typeof userId !== "string" || userId.length === 0) return null;

  const row = await findSessionWithUser(sessionId);
  if (!row || row.userId !== userId) return null;
  const verdict = sessionVerdict(
    { ...row, userDisabledAt: row.user.disabledAt, userTwoFactorEnabledAt: row.user.totpEnabledAt },
    now,
  );
  if (verdict !== "ACTIVE") return null;
  if (shouldTouchSession(row.lastSeenAt, now)) await touchUserSession(row.id, now);

  const { user } = row;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    locale: user.locale,
    sessionId: row.id,
    needsTwoFactorEnrolment: mustEnrol(row),
    memberships: row.memberships,
  };
}
