/**
 * What the dashboard shows to whom. Pure rules; the loader applies them before any figure leaves
 * the server, so a page cannot show more than the reader may see.
 */
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { can, type Role } from "@/lib/permissions";
import { STORY_STAGES } from "@/lib/stories/schema";

/**
 * The funnel's steps in the order of the story's path (PRODUCT.md), one per StoryStage:
 * collected/draft = DRAFT, submitted = SUBMITTED, screened = SCREENED, in selection = IN_SELECTION,
 * selected / not selected = SELECTED / NOT_SELECTED, in triangulation = IN_TRIANGULATION,
 * triangulated = TRIANGULATED, in validation = IN_VALIDATION, validated = VALIDATED,
 * in review = IN_REVIEW, approved / returned = APPROVED / RETURNED.
 * A story is counted once, at the step it stands at now.
 */
export const FUNNEL_STAGES = STORY_STAGES;

/** Below this, a count of respondents is shown to readers without exact counts as "< 5". */
export const SMALL_CELL_LIMIT = 5;

/** A count of respondents as the reader may see it: exact, or only "fewer than five". */
export type Figure = number | "UNDER_5";
export const UNDER_5 = "UNDER_5" as const;

export type DashboardScope = {
  /** Readers of stories see every step; others (reviewers, administrators) approved outcomes only. */
  stages: readonly StoryStage[];
  /** Leads, evaluators and analysts see exact counts of respondents. */
  exactCounts: boolean;
  /** Whether counts link to the story list (only for those who may open it). */
  linksToStories: boolean;
};

export function dashboardScope(roles: readonly Role[]): DashboardScope | null {
  if (!can(roles, "dashboard.view")) return null;
  const readsStories = can(roles, "story.view");
  return {
    stages: readsStories ? FUNNEL_STAGES : ["APPROVED"],
    exactCounts: can(roles, "dashboard.exact_counts"),
    linksToStories: readsStories,
  };
}

/** A respondent count as `scope` lets the reader see it. Zero is under five too. */
export function respondentFigure(count: number, scope: Pick<DashboardScope, "exactCounts">): Figure {
  return scope.exactCounts || count >= SMALL_CELL_LIMIT ? count : UNDER_5;
}

/**
 * A total over cells of a table: exact readers get it; others get none, since a total beside
 * cells shown as "< 5" would let them work out the hidden cell by subtraction.
 */
export function respondentTotal(count: number, scope: Pick<DashboardScope, "exactCounts">): number | null {
  return scope.exactCounts ? count : null;
}
