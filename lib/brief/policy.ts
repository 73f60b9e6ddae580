/**
 * Which outcomes a brief holds, and who may have which copy. The approved copy is what the funder
 * receives; a lead may preview a draft that also holds outcomes further back on their path, and
 * such a copy says so on every page.
 */
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { can, type Role } from "@/lib/permissions";

export const BRIEF_INCLUDES = ["approved", "validated", "selected"] as const;
export type BriefInclude = (typeof BRIEF_INCLUDES)[number];

/** The stages of each copy; a returned outcome is back in revision and in none of them. */
export const BRIEF_STAGES: Record<BriefInclude, readonly StoryStage[]> = {
  approved: ["APPROVED"],
  validated: ["APPROVED", "IN_REVIEW", "VALIDATED"],
  selected: ["APPROVED", "IN_REVIEW", "VALIDATED", "IN_VALIDATION", "TRIANGULATED", "IN_TRIANGULATION", "SELECTED"],
};

/** The copy the reader may have, or null (answer 404) when they may not have the one asked for. */
export function briefCopy(
  roles: readonly Role[],
  include: BriefInclude,
): { include: BriefInclude; stages: readonly StoryStage[]; draft: boolean } | null {
  if (!can(roles, "brief.view")) return null;
  if (include !== "approved" && !can(roles, "brief.preview_drafts")) return null;
  return { include, stages: BRIEF_STAGES[include], draft: include !== "approved" };
}
