import hkdf from "@panva/hkdf";
import { jwtDecrypt } from "jose";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { resolveCurrentUser, type CurrentUser, type SessionClaim } from "./current-user";
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
  return resolveCurrentUser(await sessionClaim());
});

/**
 * What the session cookie says, read as next-auth's own session handler reads it (the same
 * cookie, its chunks joined, the JWT decrypted and its expiry checked with the same secret) but
 * without that handler: in a page or an action it also set up its sign-in options, a CSRF token
 * and a re-encrypted cookie that Next does not let it send, on every request (decision 0046). The
 * session row, not the cookie, decides (current-user.ts).
 */
async function sessionClaim(): Promise<SessionClaim> {
  // next-auth names the cookie __Secure-… when its URL is https (NEXTAUTH_URL, scripts/start.ts).
  const name = `${process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
  const chunks = (await cookies())
    .getAll()
    .filter((cookie) => cookie.name === name || cookie.name.startsWith(`${name}.`))
    .sort((a, b) => chunkIndex(a.name, name) - chunkIndex(b.name, name));
  const token = chunks.map((cookie) => cookie.value).join("");
  if (!token) return { sessionId: undefined, userId: undefined };
  try {
    const { payload } = await jwtDecrypt(token, await sessionKey(getAuthOptions().secret!), SESSION_JWT);
    return {
      sessionId: typeof payload.sid === "string" ? payload.sid : undefined,
      userId: typeof payload.sub === "string" ? payload.sub : undefined,
    };
  } catch {
    return { sessionId: undefined, userId: undefined }; // not ours, tampered with, or expired
  }
}

/**
 * What next-auth writes (a JWT encrypted directly with the key, AES-256-GCM) and nothing else: other
 * key-management algorithms fit the same key, and PBES2 would make a forged header cost CPU. The
 * clock tolerance is next-auth's.
 */
const SESSION_JWT = { keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"], clockTolerance: 15 };

const sessionKeys = new Map<string, Promise<Uint8Array>>();

/**
 * The key next-auth encrypts its session JWT with, derived from the secret as next-auth's `decode`
 * derives it (HKDF-SHA256, empty salt, its fixed label), but once per secret and process: `decode`
 * derived it again on every request, a step that showed in every page's profile (decision 0054).
 * tests/unit/auth-session-cookie.test.ts reads cookies made by next-auth's own `encode`.
 */
function sessionKey(secret: string): Promise<Uint8Array> {
  let key = sessionKeys.get(secret);
  if (!key) {
    key = hkdf("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
    sessionKeys.set(secret, key);
  }
  return key;
}

/** A cookie too large for one is sent as name.0, name.1, …; the whole one sorts first. */
function chunkIndex(cookieName: string, name: string): number {
  return cookieName === name ? -1 : Number(cookieName.slice(name.length + 1));
}

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
