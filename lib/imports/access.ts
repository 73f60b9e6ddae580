/** Who may open the imports page: the same question the actions ask (`import.run`). */
import type { CurrentUser } from "@/lib/auth/session";
import { findEvaluationAccess } from "@/lib/evaluations/data";
import { can, rolesOf, type Role } from "@/lib/permissions";

/** The caller's roles when they may import into this evaluation; null otherwise (answer 404). */
export async function importRunnerRoles(evaluationId: string, user: CurrentUser): Promise<Role[] | null> {
  const access = await findEvaluationAccess(evaluationId, user);
  if (!access) return null;
  const roles = rolesOf(user, access.roles);
  return can(roles, "import.run") ? roles : null;
}
