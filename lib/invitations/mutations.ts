/**
 * Invitation writes: invite (token shown once, hash stored), revoke, accept. Each runs one
 * transaction that checks the state, writes and records the audit event in the evaluation's chain.
 */
import "server-only";
import type { Rejection } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EvaluationRole, Locale, Prisma } from "@/lib/generated/prisma/client";
import { canonicalRoles } from "@/lib/members/schema";
import { hashInvitationToken, INVITATION_LIFETIME_MS, INVITATION_TOKEN_PATTERN, newInvitationToken } from "./token";

type Tx = Prisma.TransactionClient;
export type Meta = { ipAddress?: string | null };

/**
 * Inside a caller's transaction: a new invitation for `email`, replacing (revoking) any earlier
 * pending one for the same address in this evaluation, so only the newest link works.
 */
export type CreatedInvitation = { invitationId: string; token: string; expiresAt: Date; roles: EvaluationRole[] };

export async function createInvitationInTransaction(
  tx: Tx,
  input: { actorId: string; evaluationId: string; email: string; roles: EvaluationRole[]; ipAddress?: string | null },
  now = new Date(),
): Promise<CreatedInvitation> {
  const earlier = await tx.invitation.findMany({
    where: { evaluationId: input.evaluationId, email: input.email, acceptedAt: null, revokedAt: null },
    select: { id: true },
  });
  for (const invitation of earlier) {
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now }, select: { id: true } });
    await recordAudit(tx, {
      evaluationId: input.evaluationId,
      actorId: input.actorId,
      action: "invitation.revoke",
      recordType: "Invitation",
      recordId: invitation.id,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString(), replaced: true },
      ipAddress: input.ipAddress,
    });
  }
  const { token, tokenHash } = newInvitationToken();
  const roles = canonicalRoles(input.roles);
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  const invitation = await tx.invitation.create({
    data: {
      evaluationId: input.evaluationId,
      email: input.email,
      roles,
      tokenHash,
      invitedById: input.actorId,
      expiresAt,
      createdAt: now,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    evaluationId: input.evaluationId,
    actorId: input.actorId,
    action: "member.invite",
    recordType: "Invitation",
    recordId: invitation.id,
    after: { email: input.email, roles, expiresAt: expiresAt.toISOString() },
    ipAddress: input.ipAddress,
  });
  return { invitationId: invitation.id, token, expiresAt, roles };
}

/** Whether `email` is the address of the account `actorId` (addresses are stored lower-cased). */
export async function isOwnAddress(tx: Tx, actorId: string, email: string): Promise<boolean> {
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { email: true } });
  return actor !== null && actor.email.toLowerCase() === email.trim().toLowerCase();
}

export async function inviteMember(
  actorId: string,
  evaluationId: string,
  input: { email: string; roles: EvaluationRole[] },
  meta: Meta = {},
  now = new Date(),
): Promise<(CreatedInvitation & { evaluationName: string }) | Rejection> {
  return db().$transaction(async (tx) => {
    const evaluation = await tx.evaluation.findUnique({
      where: { id: evaluationId },
      select: { id: true, name: true },
    });
    if (!evaluation) throw new AppError("NOT_FOUND", "inviteMember: no such evaluation");
    // Nobody grants themselves a role: an administrator inviting their own address would reach
    // the identities through their own acceptance (docs/decisions/0030).
    if (await isOwnAddress(tx, actorId, input.email)) return { rejected: "SELF_INVITATION", field: "email" };
    const user = await tx.user.findUnique({
      where: { email: input.email },
      select: { disabledAt: true, memberships: { where: { evaluationId }, select: { id: true } } },
    });
    if (user?.disabledAt) return { rejected: "USER_DISABLED", field: "email" };
    // Someone already in the team gets their roles changed instead.
    if (user && user.memberships.length > 0) return { rejected: "ALREADY_MEMBER", field: "email" };
    const created = await createInvitationInTransaction(
      tx,
      { actorId, evaluationId, email: input.email, roles: input.roles, ipAddress: meta.ipAddress },
      now,
    );
    return { ...created, evaluationName: evaluation.name };
  });
}

export async function revokeInvitation(
  actorId: string,
  evaluationId: string,
  invitationId: string,
  meta: Meta = {},
  now = new Date(),
): Promise<{ invitationId: string } | Rejection> {
  return db().$transaction(async (tx) => {
    // Scoped to the evaluation: an invitation of another evaluation is "not found".
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, evaluationId },
      select: { id: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "revokeInvitation: not in this evaluation");
    if (invitation.acceptedAt || invitation.revokedAt) return { rejected: "INVITATION_NOT_PENDING" };
    const claimed = await tx.invitation.updateMany({
      where: { id: invitationId, evaluationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (claimed.count !== 1) return { rejected: "INVITATION_NOT_PENDING" };
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "invitation.revoke",
      recordType: "Invitation",
      recordId: invitationId,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
      ipAddress: meta.ipAddress,
    });
    return { invitationId };
  });
}

export type AcceptAs =
  /** The invitee has no account, or one without a password: they choose a name and password. */
  | { kind: "NEW_ACCOUNT"; name: string; password: string; locale: Locale }
  /** The invitee is signed in as the invited account. */
  | { kind: "SIGNED_IN"; userId: string };

/**
 * Uses the invitation once: creates the account when needed, creates the membership or adds the
 * roles to an existing one, marks the invitation accepted, and records `invitation.accept`.
 * Unknown, expired, used and revoked tokens all get the same `INVITATION_INVALID`.
 */
export async function acceptInvitation(
  token: string,
  as: AcceptAs,
  meta: Meta = {},
  now = new Date(),
): Promise<{ evaluationId: string; userId: string; email: string } | Rejection> {
  const invalid = { rejected: "INVITATION_INVALID" } satisfies Rejection;
  if (typeof token !== "string" || !INVITATION_TOKEN_PATTERN.test(token)) return invalid;
  const tokenHash = hashInvitationToken(token);
  // Hashed before the transaction: argon2 is slow on purpose.
  const passwordHash = as.kind === "NEW_ACCOUNT" ? await hashPassword(as.password) : null;

  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        evaluationId: true,
        email: true,
        roles: true,
        invitedById: true,
        acceptedAt: true,
        revokedAt: true,
        expiresAt: true,
      },
    });
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) return invalid;
    const existing = await tx.user.findUnique({
      where: { email: invitation.email },
      select: { id: true, name: true, passwordHash: true, disabledAt: true, isAdmin: true },
    });
    if (existing?.disabledAt) return invalid;
    // An invitation its own author accepts is a role they granted themselves (one made before
    // inviteMember refused them, or to an address that has since become theirs).
    if (existing && existing.id === invitation.invitedById) return { rejected: "SELF_INVITATION" } satisfies Rejection;

    let userId: string;
    let accountCreated = false;
    if (as.kind === "SIGNED_IN") {
      // Only the invited account itself may accept with its session.
      if (!existing || existing.id !== as.userId || existing.passwordHash === null)
        return { rejected: "WRONG_ACCOUNT" } satisfies Rejection;
      userId = existing.id;
    } else {
      // An account that already has a password signs in instead: the link must not reset it.
      if (existing?.passwordHash) return { rejected: "SIGN_IN_REQUIRED" } satisfies Rejection;
      if (existing) {
        await tx.user.update({
          where: { id: existing.id },
          data: { name: as.name, passwordHash },
          select: { id: true },
        });
        userId = existing.id;
      } else {
        const created = await tx.user.create({
          data: { email: invitation.email, name: as.name, passwordHash, locale: as.locale },
          select: { id: true },
        });
        userId = created.id;
        accountCreated = true;
      }
    }

    // Single use: of two concurrent accepts, the second finds `acceptedAt` set and changes nothing.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "acceptInvitation: used concurrently");

    const membership = await tx.evaluationMember.findUnique({
      where: { evaluationId_userId: { evaluationId: invitation.evaluationId, userId } },
      select: { id: true, roles: true },
    });
    const before = membership ? canonicalRoles(membership.roles) : null;
    const after = canonicalRoles([...(before ?? []), ...invitation.roles]);
    let memberId: string;
    if (membership) {
      await tx.evaluationMember.update({ where: { id: membership.id }, data: { roles: after }, select: { id: true } });
      memberId = membership.id;
    } else {
      const created = await tx.evaluationMember.create({
        data: { evaluationId: invitation.evaluationId, userId, roles: after },
        select: { id: true },
      });
      memberId = created.id;
    }
    await recordAudit(tx, {
      evaluationId: invitation.evaluationId,
      actorId: userId,
      action: "invitation.accept",
      recordType: "Invitation",
      recordId: invitation.id,
      before: { acceptedAt: null, memberRoles: before },
      // The leads see in the trail when an installation administrator joined their team.
      after: {
        acceptedAt: now.toISOString(),
        memberId,
        memberRoles: after,
        accountCreated,
        ...(existing?.isAdmin ? { administrator: true } : {}),
      },
      ipAddress: meta.ipAddress,
    });
    return { evaluationId: invitation.evaluationId, userId, email: invitation.email };
  });
}
