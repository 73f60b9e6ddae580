/**
 * The one-time link an administrator hands to a new user to choose a password. The `Invitation`
 * table belongs to an evaluation, and a user created by an administrator may belong to none, so
 * this link is stateless: `<userId>.<expiry>.<HMAC>`, signed with a key derived from AUTH_SECRET
 * over the user id, the expiry and the user row's `updatedAt`.
 *
 * - single use: choosing the password updates the row, so `updatedAt` moves and the link dies;
 * - revocable: issuing a new link, disabling or any other change to the user does the same;
 * - expiring: 7 days, like invitations;
 * - nothing secret is stored, and the link reveals nothing but the user id.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/env";

export const ACCOUNT_SETUP_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

function signingKey(): Buffer {
  return createHmac("sha256", serverEnv().AUTH_SECRET).update("msc:account-setup:v1").digest();
}

function signature(userId: string, expiresAt: number, userUpdatedAt: Date): Buffer {
  return createHmac("sha256", signingKey()).update(`${userId}.${expiresAt}.${userUpdatedAt.getTime()}`).digest();
}

export function createAccountSetupToken(user: { id: string; updatedAt: Date }, now = new Date()): string {
  const expiresAt = now.getTime() + ACCOUNT_SETUP_LIFETIME_MS;
  return `${user.id}.${expiresAt.toString(36)}.${signature(user.id, expiresAt, user.updatedAt).toString("base64url")}`;
}

export type ParsedSetupToken = { userId: string; expiresAt: number; signature: Buffer };

/** The parts of a well-formed token, or null. Says nothing yet about its validity. */
export function parseAccountSetupToken(token: string): ParsedSetupToken | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expiresAt = Number.parseInt(match[2]!, 36);
  if (!Number.isSafeInteger(expiresAt)) return null;
  return { userId: match[1]!, expiresAt, signature: Buffer.from(match[3]!, "base64url") };
}

/** True when the token was made for this very state of the user's row and has not expired. */
export function accountSetupTokenFits(
  parsed: ParsedSetupToken,
  user: { id: string; updatedAt: Date; passwordHash: string | null; disabledAt: Date | null },
  now = new Date(),
): boolean {
  if (user.id !== parsed.userId || user.passwordHash !== null || user.disabledAt !== null) return false;
  if (parsed.expiresAt <= now.getTime()) return false;
  const expected = signature(user.id, parsed.expiresAt, user.updatedAt);
  return expected.length === parsed.signature.length && timingSafeEqual(expected, parsed.signature);
}

/** The link shown once to the administrator. Never built from the request's Host header. */
export function accountSetupLink(token: string): string {
  return `${serverEnv().APP_BASE_URL.replace(/\/+$/, "")}/invitations/account/${token}`;
}
