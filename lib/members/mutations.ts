/**
 * Member writes: change roles, remove. One transaction each, serialised per evaluation so the
 * "last lead" rule holds under concurrent changes, with the audit event in the same transaction.
 */
import "server-only";
import type { Rejection } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import { revokeAllSessionsOfUser } from "@/lib/auth/mutations";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EvaluationRole, Prisma } from "@/lib/generated/prisma/client";
import { grantsMore } from "@/lib/permissions";
import { canonicalRoles, sameRoles } from "./schema";

type Tx = Prisma.TransactionClient;
export type Meta = { ipAddress?: string | null };

/** Two changes to one evaluation's team never interleave (e.g. two leads demoting each other). */
async function lockTeam(tx: Tx, evaluationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`members:${evaluationId}`}, 0))`;
}

async function findMemberInScope(tx: Tx, evaluationId: string, memberId: string) {
  const member = await tx.evaluationMember.findFirst({
    where: { id: memberId, evaluationId },
    select: { id: true, userId: true, roles: true },
  });
  if (!member) throw new AppError("NOT_FOUND", "member not in this evaluation");
  return member;
}

/**
 * A seat on a selection panel needs the panelist role (createPanel checks it), so a member who
 * loses the role, or leaves the team, leaves the evaluation's panels too. Their ballots stay with
 * their rounds. Returns the panels they left, for the audit event.
 */
async function endPanelSeats(tx: Tx, evaluationId: string, userId: string): Promise<string[]> {
  const seats = await tx.panelMember.findMany({ where: { evaluationId, userId }, select: { panelId: true } });
  if (seats.length > 0) await tx.panelMember.deleteMany({ where: { evaluationId, userId } });
  return seats.map((seat) => seat.panelId);
}

async function isLastLead(
  tx: Tx,
  evaluationId: string,
  member: { id: string; roles: EvaluationRole[] },
): Promise<boolean> {
  if (!member.roles.includes("LEAD")) return false;
  const otherLeads = await tx.evaluationMember.count({
    where: { evaluationId, id: { not: member.id }, roles: { has: "LEAD" } },
  });
  return otherLeads === 0;
}

/**
 * Sets a member's roles. The user's sessions are revoked in the same transaction, so the change
 * applies from their next request (they sign in again).
 */
export async function updateMemberRoles(
  actorId: string,
  evaluationId: string,
  memberId: string,
  roles: EvaluationRole[],
  meta: Meta = {},
): Promise<{ changed: boolean } | Rejection> {
  const after = canonicalRoles(roles);
  if (after.length === 0) return { rejected: "ROLES_REQUIRED", field: "roles" };
  return db().$transaction(async (tx) => {
    await lockTeam(tx, evaluationId);
    const member = await findMemberInScope(tx, evaluationId, memberId);
    const before = canonicalRoles(member.roles);
    if (sameRoles(before, after)) return { changed: false };
    // Nobody raises their own roles (a lead who is also an administrator included); giving some up is fine.
    if (member.userId === actorId && grantsMore(before, after)) return { rejected: "OWN_ROLES", field: "roles" };
    if (!after.includes("LEAD") && (await isLastLead(tx, evaluationId, member)))
      return { rejected: "LAST_LEAD", field: "roles" };
    await tx.evaluationMember.update({ where: { id: member.id }, data: { roles: after }, select: { id: true } });
    const panelsLeft = after.includes("PANELIST") ? [] : await endPanelSeats(tx, evaluationId, member.userId);
    await revokeAllSessionsOfUser(tx, member.userId);
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "member.update_roles",
      recordType: "EvaluationMember",
      recordId: member.id,
      before: { roles: before },
      after: { roles: after, ...(panelsLeft.length ? { panelsLeft } : {}) },
      ipAddress: meta.ipAddress,
    });
    return { changed: true };
  });
}

export async function removeMember(
  actorId: string,
  evaluationId: string,
  memberId: string,
  meta: Meta = {},
): Promise<{ removed: true } | Rejection> {
  return db().$transaction(async (tx) => {
    await lockTeam(tx, evaluationId);
    const member = await findMemberInScope(tx, evaluationId, memberId);
    if (await isLastLead(tx, evaluationId, member)) return { rejected: "LAST_LEAD" };
    const panelsLeft = await endPanelSeats(tx, evaluationId, member.userId);
    await tx.evaluationMember.delete({ where: { id: member.id }, select: { id: true } });
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "member.remove",
      recordType: "EvaluationMember",
      recordId: member.id,
      before: {
        userId: member.userId,
        roles: canonicalRoles(member.roles),
        ...(panelsLeft.length ? { panelsLeft } : {}),
      },
      after: null,
      ipAddress: meta.ipAddress,
    });
    return { removed: true };
  });
}

/** Used by `createEvaluation`: adds an existing user as a member inside the caller's transaction. */
export async function addMemberInTransaction(
  tx: Tx,
  input: {
    actorId: string;
    evaluationId: string;
    userId: string;
    roles: EvaluationRole[];
    administrator?: boolean;
    ipAddress?: string | null;
  },
): Promise<{ memberId: string }> {
  const roles = canonicalRoles(input.roles);
  const member = await tx.evaluationMember.create({
    data: { evaluationId: input.evaluationId, userId: input.userId, roles },
    select: { id: true },
  });
  await recordAudit(tx, {
    evaluationId: input.evaluationId,
    actorId: input.actorId,
    action: "member.add",
    recordType: "EvaluationMember",
    recordId: member.id,
    after: { userId: input.userId, roles, ...(input.administrator ? { administrator: true } : {}) },
    ipAddress: input.ipAddress,
  });
  return { memberId: member.id };
}
