/** Pure rules about stories that are not steps of the path (those are in stage-machine.ts). */
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { can, type Role } from "@/lib/permissions";
import {
  consentBlockers,
  isEditableStage,
  type ConsentBlocker,
  type StageBlocker,
  type StageFacts,
} from "./stage-machine";

/** What an edit past draft may run into: the few blockers editBlockers checks, a closed union. */
export type EditBlocker = Extract<StageBlocker, { code: "NO_STORYTELLER" | "NO_SOURCE" }> | ConsentBlocker;

/**
 * A story past draft may still be edited (by those with `story.edit`), but not into a state its
 * stage would have refused: it keeps at least one storyteller and one source, and a storyteller
 * added now must have consent like the ones checked at submission. Drafts and returned stories
 * may be in any state.
 */
export function editBlockers(
  stage: StoryStage,
  facts: StageFacts,
  addedStorytellerCodes: ReadonlySet<string>,
): EditBlocker[] {
  if (stage === "DRAFT" || stage === "RETURNED") return [];
  const blockers: EditBlocker[] = [];
  if (facts.storytellers.length === 0) blockers.push({ code: "NO_STORYTELLER" });
  if (facts.sourceCount === 0) blockers.push({ code: "NO_SOURCE" });
  blockers.push(...consentBlockers(facts.storytellers.filter((teller) => addedStorytellerCodes.has(teller.code))));
  return blockers;
}

/** Whether this person may open the edit form of a story at this stage. */
export function canEditStory(roles: readonly Role[], stage: StoryStage): boolean {
  return can(roles, "story.edit") && isEditableStage(stage);
}

/** Readers who may see the transcript passages a story quotes (panelists may read stories, not transcripts). */
export function canSeeExcerptText(roles: readonly Role[]): boolean {
  return can(roles, "interview.view");
}
