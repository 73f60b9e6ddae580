"use server";

import { evaluationAction } from "@/lib/actions";
import { rejectionOf, type Refused } from "@/lib/core/refusal";
import { createStory, updateStory, type SavedStory } from "./mutations";
import { createStoryInput, moveStoryInput, updateStoryInput } from "./schema";
import { takePageStep } from "./page-steps";
import { isTriangulationStep } from "./stage-machine";

/** What the story form gets back from a save, new or edited: the story to open and its version. */
function savedStoryAnswer(result: SavedStory | Refused) {
  return result.ok ? { storyId: result.storyId, code: result.code, version: result.version } : rejectionOf(result);
}

export const createChangeStory = evaluationAction("createChangeStory", {
  permission: "story.edit",
  input: createStoryInput,
  handler: async ({ actor, input, ipAddress }) =>
    savedStoryAnswer(
      await createStory({ actorId: actor.id, evaluationId: input.evaluationId, story: input.story, ipAddress }),
    ),
});

/** Saves over `expectedVersion`; CONFLICT when someone saved first (the form then offers a merge). */
export const updateChangeStory = evaluationAction("updateChangeStory", {
  permission: "story.edit",
  input: updateStoryInput,
  handler: async ({ actor, input, ipAddress }) =>
    savedStoryAnswer(await updateStory({ ...input, actorId: actor.id, ipAddress })),
});

/**
 * One step along the path, taken by those who write stories (submit, send back, revise). Each step
 * also checks its own permission from the table (lib/stories/stage-machine.ts); the analysts' steps
 * go through their own action (lib/triangulation/actions.ts), rounds and reviews through theirs.
 */
export const moveChangeStory = evaluationAction("moveChangeStory", {
  permission: "story.edit",
  input: moveStoryInput,
  handler: (context) => takePageStep(context, (permission) => !isTriangulationStep(permission)),
});
