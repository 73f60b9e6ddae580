/**
 * Invitation tokens: 32 random bytes (base64url, 43 characters), shown once to the inviter as a
 * link; only the SHA-256 hash is stored, so a copy of the database opens no invitation.
 * Without an e-mail server the inviter passes the link on themselves.
 */
import { createHash, randomBytes } from "node:crypto";
import { serverEnv } from "@/lib/env";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

/** Built from APP_BASE_URL, never from the request's Host header (which a client can forge). */
export function invitationLink(token: string): string {
  return `${serverEnv().APP_BASE_URL.replace(/\/+$/, "")}/invitations/${token}`;
}
