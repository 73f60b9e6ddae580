/** Who may read an evaluation's audit trail: the page and the export ask the same question. */
import { getAuthorizedUser, type CurrentUser } from "@/lib/auth/session";
import { accessWith } from "@/lib/evaluations/access";
import type { Permission } from "@/lib/permissions";

/** The user when they may `permission` in this evaluation; null otherwise (answer 404). */
export async function auditReader(
  evaluationId: string,
  permission: Extract<Permission, "audit.view" | "audit.export">,
  user?: CurrentUser | null,
): Promise<CurrentUser | null> {
  const actor = user === undefined ? await getAuthorizedUser() : user;
  return (await accessWith(evaluationId, actor, permission))?.user ?? null;
}
