import type { CurrentUser } from "@/lib/auth/session";

/**
 * A user as `getCurrentUser` returns them, for tests that choose the caller by mocking
 * lib/auth/session: `vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }))`.
 */
export function actingUser(user: { id: string; email: string; name: string; isAdmin?: boolean }, overrides: Partial<CurrentUser> = {}): CurrentUser {
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
