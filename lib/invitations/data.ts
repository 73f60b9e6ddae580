/** Invitation reads. A token is only ever looked up by its hash. */
import "server-only";
import { db } from "@/lib/db";
import type { EvaluationRole } from "@/lib/generated/prisma/client";
import { hashInvitationToken, INVITATION_TOKEN_PATTERN } from "./token";

export type InvitationView = {
  evaluationName: string;
  email: string;
  roles: EvaluationRole[];
  expiresAt: Date;
  /**
   * NEW: no account with this e-mail, or one that has no password yet: the invitee chooses a name
   * and password. EXISTING: the invitee signs in and accepts.
   */
  account: "NEW" | "EXISTING";
};

/**
 * What the invitation page shows, or null for an unknown, expired, used or revoked token, and for
 * an invitation to a disabled account: the page gives all of these one and the same answer.
 */
export async function findInvitationByToken(token: string, now = new Date()): Promise<InvitationView | null> {
  if (typeof token !== "string" || !INVITATION_TOKEN_PATTERN.test(token)) return null;
  const invitation = await db().invitation.findFirst({
    where: { tokenHash: hashInvitationToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { email: true, roles: true, expiresAt: true, evaluation: { select: { name: true } } },
  });
  if (!invitation) return null;
  const user = await db().user.findUnique({
    where: { email: invitation.email },
    select: { passwordHash: true, disabledAt: true },
  });
  if (user?.disabledAt) return null;
  return {
    evaluationName: invitation.evaluation.name,
    email: invitation.email,
    roles: invitation.roles,
    expiresAt: invitation.expiresAt,
    account: user?.passwordHash ? "EXISTING" : "NEW",
  };
}

export type PendingInvitation = {
  id: string;
  email: string;
  roles: EvaluationRole[];
  expiresAt: Date;
  invitedByName: string;
};

/** Invitations of one evaluation that can still be accepted, newest first. */
export async function listPendingInvitations(evaluationId: string, now = new Date()): Promise<PendingInvitation[]> {
  const rows = await db().invitation.findMany({
    where: { evaluationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, roles: true, expiresAt: true, invitedBy: { select: { name: true } } },
  });
  return rows.map(({ invitedBy, ...row }) => ({ ...row, invitedByName: invitedBy.name }));
}
