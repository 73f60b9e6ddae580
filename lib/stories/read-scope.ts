/**
 * Which stories a reader may read, decided once from their roles and handed to every query that
 * reads stories (the story pages, the list, search, the dashboard's counts, exports), so no reader
 * can reach more than another. Leads, evaluators and analysts read every story of the evaluation.
 * A panelist reads only the candidates of the rounds they sit on, once a round has opened: a
 * round still being planned, and every draft and story outside their rounds, stay out of reach
 * (docs/decisions/0030-separation-of-duties-and-read-scopes.md).
 */
import type { SelectionRoundStatus } from "@/lib/generated/prisma/enums";
import { can, type Role } from "@/lib/permissions";

export type StoryReadScope = { kind: "ALL" } | { kind: "PANEL_ROUNDS"; userId: string };

export const ALL_STORIES: StoryReadScope = { kind: "ALL" };

/** A round's candidates reach its panel from its opening on; a cancelled round's never did for certain. */
export const ROUND_STATUSES_SEEN_BY_PANEL: readonly SelectionRoundStatus[] = ["OPEN", "CLOSED", "DECIDED"];

/** The reader's story scope here, or null when they may read no story at all. */
export function storyReadScope(access: { user: { id: string }; roles: readonly Role[] } | null): StoryReadScope | null {
  if (!access || !can(access.roles, "story.view")) return null;
  if (can(access.roles, "story.view_all")) return ALL_STORIES;
  // An empty id would match no panel member, but refuse it loudly rather than read on.
  if (typeof access.user.id !== "string" || access.user.id.length === 0)
    throw new Error("storyReadScope: the reader has no id");
  return { kind: "PANEL_ROUNDS", userId: access.user.id };
}
