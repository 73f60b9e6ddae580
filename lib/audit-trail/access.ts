/** Who may read an evaluation's audit trail: the page and the export ask the same question. */
import { getAuthorizedUser, type CurrentUser } from "@/lib/auth/session";
import { findEvaluationAccess } from "@/lib/evaluations/data";
import { can, rolesOf, type Permission } from "@/lib/permissions";

/** The user when they may `permission` in this evaluation; null otherwise (answer 404). */
export async function auditReader(evaluationId: string, permission: Extract<Permission, "audit.view" | "audit.export">, user?: CurrentUser | null): Promise<CurrentUser | null> {
  const actor = user === undefined ? await getAuthorizedUser() : user;
  if (!actor) return null;
  const access = await findEvaluationAccess(evaluationId, actor);
  if (!access || !can(rolesOf(actor, access.roles), permission)) return null;
  return actor;
}
