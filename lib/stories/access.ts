/** Who may open the story pages: every page asks here and answers 404 to anyone else. */
import type { CurrentUser } from "@/lib/auth/session";
import { accessWith } from "@/lib/evaluations/access";
import type { Permission, Role } from "@/lib/permissions";

/**
 * The reader's roles when they may `permission` in this evaluation; null otherwise (the page
 * answers 404, so nobody learns whether the evaluation or the story exists).
 */
export async function storyAccess(evaluationId: string, user: CurrentUser, permission: Extract<Permission, "story.view" | "story.edit">): Promise<Role[] | null> {
  return (await accessWith(evaluationId, user, permission))?.roles ?? null;
}
