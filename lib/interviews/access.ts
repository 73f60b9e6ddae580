/** Who may open a fieldwork page: pages ask here, and answer 404 on null. */
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { findEvaluationAccess } from "@/lib/evaluations/data";
import { can, rolesOf, type Permission } from "@/lib/permissions";

export type FieldworkAccess = { user: CurrentUser; canEdit: boolean };

/** The user and what they may do, when they hold `permission` in this evaluation; null otherwise. */
export const fieldworkAccess = cache(async (
  evaluationId: string,
  user: CurrentUser,
  permission: Extract<Permission, "interview.view" | "interview.edit">,
): Promise<FieldworkAccess | null> => {
  const access = await findEvaluationAccess(evaluationId, user);
  if (!access) return null;
  const roles = rolesOf(user, access.roles);
  if (!can(roles, permission)) return null;
  return { user, canEdit: can(roles, "interview.edit") };
});
