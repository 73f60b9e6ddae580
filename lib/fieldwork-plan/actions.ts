"use server";

import { evaluationAction } from "@/lib/actions";
import { rejectionOf } from "@/lib/core/refusal";
import * as mutations from "./mutations";
import { updateFieldworkPlanInput } from "./schema";

export const updateFieldworkPlan = evaluationAction("updateFieldworkPlan", {
  permission: "evaluation.update",
  input: updateFieldworkPlanInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.updateFieldworkPlan({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { changed: result.changed } : rejectionOf(result);
  },
});
