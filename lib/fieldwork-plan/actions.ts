"use server";

import { evaluationAction, reject } from "@/lib/actions";
import * as mutations from "./mutations";
import { updateFieldworkPlanInput } from "./schema";

export const updateFieldworkPlan = evaluationAction("updateFieldworkPlan", {
  permission: "evaluation.update",
  input: updateFieldworkPlanInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.updateFieldworkPlan({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { changed: result.changed } : reject(result.reason, result.field);
  },
});
