import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { resolveCurrentUser, type CurrentUser } from "./current-user";
import { getAuthOptions } from "./options";

export type { CurrentUser } from "./current-user";

export const TWO_FACTOR_SETUP_PATH = "/account/two-factor";

/**
 * The signed-in user, or null. The cookie alone is not enough: the session row must be open,
 * unexpired and used within the idle timeout, and the user not disabled (current-user.ts).
 * Once per request. Check `needsTwoFactorEnrolment` before doing anything for them, or use
 * `getAuthorizedUser`.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(getAuthOptions());
  return resolveCurrentUser({ sessionId: session?.sid, userId: session?.user.id });
});

/**
 * For loaders, route handlers and metadata: the signed-in user, or null also while they must
 * still set up two-factor sign-in.
 */
export async function getAuthorizedUser(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user && !user.needsTwoFactorEnrolment ? user : null;
}

/**
 * For pages: the signed-in user, or a redirect to the sign-in page that comes back to
 * `returnTo` (a path in this app) afterwards. A user who must set up two-factor sign-in is sent
 * to do that first; only the set-up page itself passes `duringTwoFactorSetup`.
 */
export async function requireUser(
  returnTo?: string,
  options: { duringTwoFactorSetup?: boolean } = {},
): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  if (user.needsTwoFactorEnrolment && !options.duringTwoFactorSetup) redirect(TWO_FACTOR_SETUP_PATH);
  return user;
}
