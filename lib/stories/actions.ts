"use server";

import { evaluationAction, reject } from "@/lib/actions";
import { createStory, updateStory } from "./mutations";
import { createStoryInput, moveStoryInput, updateStoryInput } from "./schema";
import { moveStory } from "./stage-mutations";

export const createChangeStory = evaluationAction("createChangeStory", {
  permission: "story.edit",
  input: createStoryInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await createStory({ actorId: actor.id, evaluationId: input.evaluationId, story: input.story, ipAddress });
    return result.ok ? { storyId: result.storyId, code: result.code, version: result.version } : reject(result.reason, result.field);
  },
});

/** Saves over `expectedVersion`; CONFLICT when someone saved first (the form then offers a merge). */
export const updateChangeStory = evaluationAction("updateChangeStory", {
  permission: "story.edit",
  input: updateStoryInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await updateStory({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { storyId: result.storyId, code: result.code, version: result.version } : reject(result.reason, result.field);
  },
});

/**
 * One step along the path. The steps of this table are taken by those who write stories; each
 * step also checks its own permission from the table (lib/stories/stage-machine.ts). Later steps
 * taken by other roles (panels, analysts, reviewers) come with their own actions on the same table.
 */
export const moveChangeStory = evaluationAction("moveChangeStory", {
  permission: "story.edit",
  input: moveStoryInput,
  handler: async ({ actor, input, roles, ipAddress }) => {
    const result = await moveStory({ ...input, actorId: actor.id, roles, ipAddress });
    if (result.ok) return { stage: result.stage };
    return reject(result.reason, "field" in result ? result.field : undefined);
  },
});
