/** Who may open the triangulation pages and download attachments: everyone else gets 404. */
import { getAuthorizedUser, type CurrentUser } from "@/lib/auth/session";
import { accessWith } from "@/lib/evaluations/access";
import type { Permission, Role } from "@/lib/permissions";
import { getTriangulationStory } from "./data";

/** The reader and their roles when they may `permission` in this evaluation; null otherwise. */
export async function triangulationAccess(
  evaluationId: string,
  permission: Extract<Permission, "triangulation.view" | "triangulation.edit">,
  user?: CurrentUser | null,
): Promise<{ user: CurrentUser; roles: Role[] } | null> {
  const actor = user === undefined ? await getAuthorizedUser() : user;
  return accessWith(evaluationId, actor, permission);
}

/**
 * A story's triangulation pages (evidence, contribution): the reader, their roles and the story,
 * or null when the reader may not view triangulation here or the story is not in this evaluation.
 * Metadata passes `user: null` for a visitor who is not signed in.
 */
export async function openTriangulationStory(evaluationId: string, storyId: string, user: CurrentUser | null) {
  const access = user ? await triangulationAccess(evaluationId, "triangulation.view", user) : null;
  const story = access ? await getTriangulationStory(evaluationId, storyId) : null;
  return access && story ? { ...access, story } : null;
}
