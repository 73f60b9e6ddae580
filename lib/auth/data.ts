/** Reads for sign-in and session checks. Callers pass defined ids; see session.ts. */
import { db } from "@/lib/db";

/** The fields sign-in needs, found by the lower-cased e-mail address. */
export function findUserForSignIn(email: string) {
  return db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
}

/** A session row with the user it belongs to; never the password hash. */
export function findSessionWithUser(sessionId: string) {
  return db().userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      lastSeenAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, isAdmin: true, locale: true, disabledAt: true } },
    },
  });
}
