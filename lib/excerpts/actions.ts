"use server";

import { evaluationAction } from "@/lib/actions";
import * as mutations from "./mutations";
import { excerptCreateSchema, excerptDeleteSchema } from "./schema";

export const createExcerpt = evaluationAction("createExcerpt", {
  permission: "interview.edit",
  input: excerptCreateSchema,
  handler: ({ actor, input, ipAddress }) =>
    mutations.createExcerpt({ actorId: actor.id, evaluationId: input.evaluationId, input, ipAddress }),
});

export const deleteExcerpt = evaluationAction("deleteExcerpt", {
  permission: "interview.edit",
  input: excerptDeleteSchema,
  handler: ({ actor, input, ipAddress }) =>
    mutations.deleteExcerpt({
      actorId: actor.id,
      evaluationId: input.evaluationId,
      excerptId: input.excerptId,
      ipAddress,
    }),
});
