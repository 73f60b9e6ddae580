/**
 * The first question of every page, loader, route and action: who is asking, and what may they
 * do in this evaluation? One answer for all of them, read once per request: the layout, the
 * page, its metadata and its loaders used to look the membership up five times, and the copies
 * disagreed about two-factor enrolment.
 */
import { cache } from "react";
import { can, rolesOf, type Permission, type Role } from "@/lib/permissions";
import { findEvaluationAccess, type EvaluationReader } from "./data";

/** Anyone who may read: the signed-in user, or a reader built by a script or a test. */
export type Reader = EvaluationReader & { needsTwoFactorEnrolment?: boolean };

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
  const found = await membership(evaluationId, user.id, user.isAdmin);
  return found ? { user, roles: rolesOf(user, found.roles) } : null;
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
