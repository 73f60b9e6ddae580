/** Who may open the selection pages: leads (selection.manage) and panelists (selection.vote); 404 for anyone else. */
import type { CurrentUser } from "@/lib/auth/session";
import { findEvaluationAccess } from "@/lib/evaluations/data";
import { can, rolesOf, type Role } from "@/lib/permissions";

export async function selectionAccess(evaluationId: string, user: CurrentUser): Promise<{ roles: Role[]; manages: boolean } | null> {
  const access = await findEvaluationAccess(evaluationId, user);
  if (!access) return null;
  const roles = rolesOf(user, access.roles);
  const manages = can(roles, "selection.manage");
  return manages || can(roles, "selection.vote") ? { roles, manages } : null;
}
