"use server";

import { evaluationAction, reject } from "@/lib/actions";
import { createStory, updateStory } from "./mutations";
import { createStoryInput, moveStoryInput, updateStoryInput } from "./schema";
import { takePageStep } from "./page-steps";
import { isTriangulationStep } from "./stage-machine";

export const createChangeStory = evaluationAction("createChangeStory", {
  permission: "story.edit",
  input: createStoryInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await createStory({
      actorId: actor.id,
      evaluationId: input.evaluationId,
      story: input.story,
      ipAddress,
    });
    return result.ok
      ? { storyId: result.storyId, code: result.code, version: result.version }
      : reject(result.reason, result.field);
  },
});

/** Saves over `expectedVersion`; CONFLICT when someone saved first (the form then offers a merge). */
export const updateChangeStory = evaluationAction("updateChangeStory", {
  permission: "story.edit",
  input: updateStoryInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await updateStory({ ...input, actorId: actor.id, ipAddress });
    return result.ok
      ? { storyId: result.storyId, code: result.code, version: result.version }
      : reject(result.reason, result.field);
  },
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
