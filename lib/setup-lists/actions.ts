"use server";

import { evaluationAction } from "@/lib/actions";
import { rejectionOf } from "@/lib/core/refusal";
import * as mutations from "./mutations";
import { addListItemInput, removeListItemInput, renameListItemInput } from "./schema";

export const addListItem = evaluationAction("addListItem", {
  permission: "evaluation.update",
  input: addListItemInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.addListItem({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { itemId: result.itemId } : rejectionOf(result);
  },
});

export const renameListItem = evaluationAction("renameListItem", {
  permission: "evaluation.update",
  input: renameListItemInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.renameListItem({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { renamed: true } : rejectionOf(result);
  },
});

export const removeListItem = evaluationAction("removeListItem", {
  permission: "evaluation.update",
  input: removeListItemInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.removeListItem({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { removed: true } : rejectionOf(result);
  },
});
