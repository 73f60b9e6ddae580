import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Locale } from "@/lib/generated/prisma/client";
import { findSessionWithUser } from "./data";
import { touchUserSession } from "./mutations";
import { getAuthOptions } from "./options";
import { sessionVerdict, shouldTouchSession } from "./policy";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: Locale;
  sessionId: string;
};

/**
 * The signed-in user, or null. The cookie alone is not enough: the session row must be open,
 * unexpired and used within the idle timeout, and the user not disabled. Once per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const sessionId = session?.sid;
  // Never query with an empty or missing id (Prisma drops `undefined` from a `where`).
  if (typeof sessionId !== "string" || sessionId.length === 0) return null;

  const row = await findSessionWithUser(sessionId);
  if (!row) return null;
  // The token and the session row must name the same user.
  if (session?.user.id !== row.userId) return null;
  const now = new Date();
  if (sessionVerdict({ ...row, userDisabledAt: row.user.disabledAt }, now) !== "ACTIVE") return null;
  if (shouldTouchSession(row.lastSeenAt, now)) await touchUserSession(row.id, now);

  const { user } = row;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, locale: user.locale, sessionId: row.id };
});

/**
 * For pages: the signed-in user, or a redirect to the sign-in page that comes back to
 * `returnTo` (a path in this app) afterwards.
 */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
}
