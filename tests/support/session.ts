/**
 * The signed-in caller of an integration test. A test has no request, so no session cookie to
 * read: lib/auth/session.ts, the one file that reads it, is replaced by this one with a single line
 * at the top of the test file,
 *
 *   vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));
 *
 * and each test chooses its caller with `signInAs(user)` or `signOut()`. Everything after the
 * cookie stays real: `getAuthorizedUser` and `requireUser` apply the same rules as the app's
 * (set up two-factor sign-in first; no caller is sent to sign in), and actions, loaders, pages and
 * route handlers check membership and permissions in the database. As the session's own read
 * does, each request's caller carries their memberships as they are in the database at that
 * moment (`withMemberships`), so the access check takes the same path as in the app. Signing in,
 * the session row and its timeouts are tested without this, in auth-*.test.ts.
 */
import { redirect } from "next/navigation";
import { vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";

/** Where pages send a caller who must set up two-factor sign-in: the real module's own value. */
export const { TWO_FACTOR_SETUP_PATH } =
  await vi.importActual<typeof import("@/lib/auth/session")>("@/lib/auth/session");

type Person = { id: string; email: string; name: string; isAdmin?: boolean };

/** A user as `getCurrentUser` returns them: a person of the test's world, signed in a moment ago. */
export function actingUser(user: Person, overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin ?? false,
    locale: "ES",
    sessionId: `session-of-${user.id}`,
    needsTwoFactorEnrolment: false,
    ...overrides,
  };
}

let caller: CurrentUser | null = null;

/**
 * From now on the requests of this test file come from `user`: a person, a caller made with
 * `actingUser`, or null for nobody signed in (a loop over every kind of caller). Returns the caller.
 */
export function signInAs<U extends Person | CurrentUser | null>(
  user: U,
  overrides: Partial<CurrentUser> = {},
): U extends null ? null : CurrentUser {
  caller = user === null ? null : "sessionId" in user ? { ...user, ...overrides } : actingUser(user, overrides);
  return caller as U extends null ? null : CurrentUser;
}

/** From now on the requests of this test file come from nobody signed in. */
export function signOut(): void {
  caller = null;
}

/**
 * The caller with their memberships read now, as lib/auth/data.ts `findSessionWithUser` reads them
 * with the session on every request; a caller made with `memberships` keeps the ones it was given.
 */
async function withMemberships(user: CurrentUser | null): Promise<CurrentUser | null> {
  if (!user || user.memberships) return user;
  const rows = await db().evaluationMember.findMany({
    where: { userId: user.id },
    select: { evaluationId: true, roles: true },
  });
  return { ...user, memberships: new Map(rows.map((row) => [row.evaluationId, row.roles])) };
}

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return withMemberships(caller);
}

export async function getAuthorizedUser(): Promise<CurrentUser | null> {
  return caller && !caller.needsTwoFactorEnrolment ? withMemberships(caller) : null;
}

export async function requireUser(
  returnTo?: string,
  options: { duringTwoFactorSetup?: boolean } = {},
): Promise<CurrentUser> {
  if (!caller) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  if (caller.needsTwoFactorEnrolment && !options.duringTwoFactorSetup) redirect(TWO_FACTOR_SETUP_PATH);
  return (await withMemberships(caller))!;
}
