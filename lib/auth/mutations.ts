/** Writes for sign-in, sign-out and session upkeep. They take explicit ids and never read the session. */
import { db } from "@/lib/db";
import { SESSION_LIFETIME_MS } from "./policy";

type RequestMeta = { ipAddress: string; userAgent: string | null };

export async function recordFailedSignIn(email: string, meta: RequestMeta): Promise<void> {
  await db().signInAttempt.create({ data: { email, ipAddress: meta.ipAddress, succeeded: false } });
}

/** Opens a session row, stamps the user's last sign-in and logs the attempt, all or nothing. */
export async function startUserSession(userId: string, email: string, meta: RequestMeta, now = new Date()) {
  return db().$transaction(async (tx) => {
    const session = await tx.userSession.create({
      data: {
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
        ipAddress: meta.ipAddress,
        userAgent: meta.userAgent,
      },
      select: { id: true },
    });
    await tx.user.update({ where: { id: userId }, data: { lastSignInAt: now }, select: { id: true } });
    await tx.signInAttempt.create({ data: { email, ipAddress: meta.ipAddress, succeeded: true, createdAt: now } });
    return session;
  });
}

/** Marks the session as ended; a second call changes nothing. */
export async function revokeUserSession(sessionId: string, now = new Date()): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

export async function touchUserSession(sessionId: string, now = new Date()): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
}
