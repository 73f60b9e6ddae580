"use server";

import { evaluationAction } from "@/lib/actions";
import { createExcerpt, deleteExcerpt } from "./mutations";
import { excerptCreateSchema, excerptDeleteSchema } from "./schema";

export const createExcerptAction = evaluationAction("excerpt.create", {
  permission: "interview.edit",
  input: excerptCreateSchema,
  handler: ({ actor, input, ipAddress }) => createExcerpt({ actorId: actor.id, evaluationId: input.evaluationId, input, ipAddress }),
});

export const deleteExcerptAction = evaluationAction("excerpt.delete", {
  permission: "interview.edit",
  input: excerptDeleteSchema,
  handler: ({ actor, input, ipAddress }) =>
    deleteExcerpt({ actorId: actor.id, evaluationId: input.evaluationId, excerptId: input.excerptId, ipAddress }),
});
