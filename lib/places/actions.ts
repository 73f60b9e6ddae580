"use server";

import { evaluationAction, reject } from "@/lib/actions";
import * as mutations from "./mutations";
import { addPlaceInput, removePlaceInput } from "./schema";

export const addPlace = evaluationAction("addPlace", {
  permission: "evaluation.update",
  input: addPlaceInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.addPlace({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { placeId: result.placeId } : reject(result.reason, result.field);
  },
});

export const removePlace = evaluationAction("removePlace", {
  permission: "evaluation.update",
  input: removePlaceInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.removePlace({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { removed: true } : reject(result.reason, result.field);
  },
});
