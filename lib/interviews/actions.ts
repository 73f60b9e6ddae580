"use server";

import { evaluationAction } from "@/lib/actions";
import { createInterview, updateInterview } from "./mutations";
import { interviewInputSchema, interviewUpdateSchema } from "./schema";

export const createInterviewAction = evaluationAction("interview.create", {
  permission: "interview.edit",
  input: interviewInputSchema,
  handler: ({ actor, input, ipAddress }) => createInterview({ actorId: actor.id, evaluationId: input.evaluationId, input, ipAddress }),
});

export const updateInterviewAction = evaluationAction("interview.update", {
  permission: "interview.edit",
  input: interviewUpdateSchema,
  handler: ({ actor, input, ipAddress }) => updateInterview({ actorId: actor.id, evaluationId: input.evaluationId, input, ipAddress }),
});
