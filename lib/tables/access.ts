/** Who may read a list: every loader asks before it queries (the page's own check is not enough). */
import { accessWith, type Reader } from "@/lib/evaluations/access";
import type { Permission, Role } from "@/lib/permissions";

/**
 * The reader's roles in the evaluation when they hold `permission` there; null otherwise, which
 * the page answers with 404 (an outsider learns nothing, not even that the evaluation exists).
 */
export async function listReaderRoles(
  evaluationId: string,
  permission: Permission,
  reader: Reader | null,
): Promise<Role[] | null> {
  return (await accessWith(evaluationId, reader, permission))?.roles ?? null;
}
