/** Who may open the selection pages: leads (selection.manage) and panelists (selection.vote); 404 for anyone else. */
import type { CurrentUser } from "@/lib/auth/session";
import { accessWith } from "@/lib/evaluations/access";
import { can, type Role } from "@/lib/permissions";

export async function selectionAccess(evaluationId: string, user: CurrentUser): Promise<{ roles: Role[]; manages: boolean } | null> {
  const access = await accessWith(evaluationId, user, "selection.manage", "selection.vote");
  return access ? { roles: access.roles, manages: can(access.roles, "selection.manage") } : null;
}
