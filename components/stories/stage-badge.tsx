import type { StoryStage } from "@/lib/generated/prisma/enums";

/**
 * Stages grouped by the part of the path they belong to; each part has one colour. The colour only
 * helps the eye find a group in a long list: the badge always carries the stage's name
 * (WCAG 1.4.1), and every colour pair keeps at least 7:1 (app/globals.css, .stage-badge).
 */
const PHASE: Record<StoryStage, string> = {
  DRAFT: "draft",
  SUBMITTED: "draft",
  SCREENED: "screening",
  IN_SELECTION: "selection",
  SELECTED: "selection",
  NOT_SELECTED: "closed",
  IN_TRIANGULATION: "triangulation",
  TRIANGULATED: "triangulation",
  IN_VALIDATION: "validation",
  VALIDATED: "validation",
  IN_REVIEW: "review",
  APPROVED: "approved",
  RETURNED: "returned",
  NOT_VALIDATED: "closed",
};

/** A story's stage, named as the glossary names it (lib/i18n/glossary.ts), with its colour. */
export function StageBadge({ stage, name }: { stage: StoryStage; name: string }) {
  return (
    <span className={`stage-badge stage-badge--${PHASE[stage]}`} data-stage={stage}>
      {name}
    </span>
  );
}
