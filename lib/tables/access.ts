/** Who may read a list: every loader asks before it queries (the page's own check is not enough). */
import type { EvaluationReader } from "@/lib/evaluations/data";
import { findEvaluationAccess } from "@/lib/evaluations/data";
import { can, rolesOf, type Permission, type Role } from "@/lib/permissions";

/**
 * The reader's roles in the evaluation when they hold `permission` there; null otherwise, which
 * the page answers with 404 (an outsider learns nothing, not even that the evaluation exists).
 */
export async function listReaderRoles(evaluationId: string, permission: Permission, reader: EvaluationReader | null): Promise<Role[] | null> {
  if (!reader) return null;
  const access = await findEvaluationAccess(evaluationId, reader);
  if (!access) return null;
  const roles = rolesOf(reader, access.roles);
  return can(roles, permission) ? roles : null;
}
