"use server";

import { evaluationAction } from "@/lib/actions";
import { rejectionOf } from "@/lib/core/refusal";
import * as mutations from "./mutations";
import { addCountryInput, addPlaceInput, addRegionInput, removeCountryInput, removePlaceInput } from "./schema";

export const addPlace = evaluationAction("addPlace", {
  permission: "evaluation.update",
  input: addPlaceInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.addPlace({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { placeId: result.placeId } : rejectionOf(result);
  },
});

export const removePlace = evaluationAction("removePlace", {
  permission: "evaluation.update",
  input: removePlaceInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.removePlace({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { removed: true } : rejectionOf(result);
  },
});

export const addCountry = evaluationAction("addCountry", {
  permission: "evaluation.update",
  input: addCountryInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.addCountry({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { code: result.code } : rejectionOf(result);
  },
});

export const addRegion = evaluationAction("addRegion", {
  permission: "evaluation.update",
  input: addRegionInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.addRegion({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { placeId: result.placeId } : rejectionOf(result);
  },
});

export const removeCountry = evaluationAction("removeCountry", {
  permission: "evaluation.update",
  input: removeCountryInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.removeCountry({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { removed: true } : rejectionOf(result);
  },
});
