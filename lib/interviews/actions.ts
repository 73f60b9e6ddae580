"use server";

import { evaluationAction } from "@/lib/actions";
import * as mutations from "./mutations";
import { interviewInputSchema, interviewUpdateSchema } from "./schema";

export const createInterview = evaluationAction("createInterview", {
  permission: "interview.edit",
  input: interviewInputSchema,
  handler: ({ actor, input, ipAddress }) =>
    mutations.createInterview({ actorId: actor.id, evaluationId: input.evaluationId, input, ipAddress }),
});

export const updateInterview = evaluationAction("updateInterview", {
  permission: "interview.edit",
  input: interviewUpdateSchema,
  handler: ({ actor, input, ipAddress }) =>
    mutations.updateInterview({ actorId: actor.id, evaluationId: input.evaluationId, input, ipAddress }),
});
