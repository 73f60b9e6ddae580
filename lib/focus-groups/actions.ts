"use server";

import { evaluationAction } from "@/lib/actions";
import * as mutations from "./mutations";
import { focusGroupInputSchema, focusGroupUpdateSchema } from "./schema";

export const createFocusGroup = evaluationAction("createFocusGroup", {
  permission: "interview.edit",
  input: focusGroupInputSchema,
  handler: ({ actor, input, ipAddress }) =>
    mutations.createFocusGroup({ actorId: actor.id, evaluationId: input.evaluationId, input, ipAddress }),
});

export const updateFocusGroup = evaluationAction("updateFocusGroup", {
  permission: "interview.edit",
  input: focusGroupUpdateSchema,
  handler: ({ actor, input, ipAddress }) =>
    mutations.updateFocusGroup({ actorId: actor.id, evaluationId: input.evaluationId, input, ipAddress }),
});
