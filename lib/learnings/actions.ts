"use server";

import { evaluationAction } from "@/lib/actions";
import { rejectionOf } from "@/lib/core/refusal";
import * as mutations from "./mutations";
import { createLearningInput, learningVersionInput, reorderLearningsInput, updateLearningInput } from "./schema";

// ── What the team learned (leads, analysts and administrators write it) ──

export const createLearning = evaluationAction("createLearning", {
  permission: "learning.edit",
  input: createLearningInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.createLearning({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { learningId: result.learningId, position: result.position } : rejectionOf(result);
  },
});

export const updateLearning = evaluationAction("updateLearning", {
  permission: "learning.edit",
  input: updateLearningInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.updateLearning({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { version: result.version } : rejectionOf(result);
  },
});

export const reorderLearnings = evaluationAction("reorderLearnings", {
  permission: "learning.edit",
  input: reorderLearningsInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.reorderLearnings({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { reordered: true } : rejectionOf(result);
  },
});

export const deleteLearning = evaluationAction("deleteLearning", {
  permission: "learning.edit",
  input: learningVersionInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.deleteLearning({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { deleted: true } : rejectionOf(result);
  },
});
