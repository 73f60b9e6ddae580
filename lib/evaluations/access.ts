/**
 * The first question of every page, loader, route and action: who is asking, and what may they
 * do in this evaluation? One answer for all of them, read once per request: the layout, the
 * page, its metadata and its loaders used to look the membership up five times, and the copies
 * disagreed about two-factor enrolment.
 */
import { cache } from "react";
import { validId } from "@/lib/core/ids";
import type { EvaluationRole } from "@/lib/generated/prisma/client";
import { can, rolesOf, type Permission, type Role } from "@/lib/permissions";
import { findEvaluationAccess, type EvaluationReader } from "./data";
import { canViewEvaluation } from "./policy";

/**
 * Anyone who may read: the signed-in user, or a reader built by a script or a test. The signed-in
 * user carries `memberships`, read with their session in this request (lib/auth/current-user.ts).
 */
export type Reader = EvaluationReader & {
  needsTwoFactorEnrolment?: boolean;
  memberships?: ReadonlyMap<string, readonly EvaluationRole[]>;
};

export type EvaluationAccess<U extends Reader = Reader> = { user: U; roles: Role[] };

// Keyed on plain values so every caller in one request shares the answer, whatever object it holds.
const membership = cache((evaluationId: string, userId: string, isAdmin: boolean) =>
  findEvaluationAccess(evaluationId, { id: userId, isAdmin }),
);

/**
 * The reader's roles here (ADMIN added for administrators), or null when there is no reader,
 * they must still set up two-factor sign-in, they are not a member, or the evaluation does not
 * exist. Callers answer null with 404, so an outsider never learns the evaluation exists.
 */
export async function evaluationAccess<U extends Reader>(
  evaluationId: string,
  user: U | null | undefined,
): Promise<EvaluationAccess<U> | null> {
  if (!user || user.needsTwoFactorEnrolment) return null;
  const found = await rolesHere(evaluationId, user);
  return found ? { user, roles: rolesOf(user, found) } : null;
}

/**
 * A member's roles come with their session: no statement. A membership row's evaluation exists
 * (its foreign key), so none is read. An administrator may see any evaluation, so whether this
 * one exists is still asked, as for a reader that carries no memberships.
 */
async function rolesHere(evaluationId: string, user: Reader): Promise<readonly EvaluationRole[] | null> {
  if (user.isAdmin || !user.memberships) {
    return (await membership(evaluationId, user.id, user.isAdmin))?.roles ?? null;
  }
  if (!validId(evaluationId)) return null;
  const roles = user.memberships.get(evaluationId);
  return roles && canViewEvaluation(user, { roles }) ? roles : null;
}

/** As `evaluationAccess`, when the reader also holds at least one of `permissions` here. */
export async function accessWith<U extends Reader>(
  evaluationId: string,
  user: U | null | undefined,
  ...permissions: [Permission, ...Permission[]]
): Promise<EvaluationAccess<U> | null> {
  const access = await evaluationAccess(evaluationId, user);
  return access && permissions.some((permission) => can(access.roles, permission)) ? access : null;
}
