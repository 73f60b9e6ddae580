"use server";

import { evaluationAction } from "@/lib/actions";
import { createFocusGroup, updateFocusGroup } from "./mutations";
import { focusGroupInputSchema, focusGroupUpdateSchema } from "./schema";

export const createFocusGroupAction = evaluationAction("focus_group.create", {
  permission: "interview.edit",
  input: focusGroupInputSchema,
  handler: ({ actor, input, ipAddress }) => createFocusGroup({ actorId: actor.id, evaluationId: input.evaluationId, input, ipAddress }),
});

export const updateFocusGroupAction = evaluationAction("focus_group.update", {
  permission: "interview.edit",
  input: focusGroupUpdateSchema,
  handler: ({ actor, input, ipAddress }) => updateFocusGroup({ actorId: actor.id, evaluationId: input.evaluationId, input, ipAddress }),
});
