/**
 * A step taken on the story's page, as the server actions answer it. Two actions take such steps,
 * each for the roles of its part of the path: writers (`moveChangeStory`, story.edit) and analysts
 * (`moveStoryInTriangulation`, triangulation.edit). The step's own permission from the table is
 * checked by `moveStory` either way; `family` keeps each action to its part of the path.
 */
import type { ActionContext } from "@/lib/actions";
import { reject, rejectionOf } from "@/lib/core/refusal";
import type { Permission } from "@/lib/permissions";
import type { z } from "zod";
import type { moveStoryInput } from "./schema";
import { findTransition } from "./stage-machine";
import { moveStory } from "./stage-mutations";

export async function takePageStep(
  { actor, input, roles, ipAddress }: ActionContext<z.output<typeof moveStoryInput>>,
  family: (permission: Permission) => boolean,
) {
  const transition = findTransition(input.from, input.to);
  if (transition && !family(transition.permission)) return reject("NO_SUCH_STEP");
  const result = await moveStory({ ...input, actorId: actor.id, roles, ipAddress });
  if (result.ok) return { stage: result.stage };
  return rejectionOf(result);
}
