"use server";

import { evaluationAction } from "@/lib/actions";
import { rejectionOf } from "@/lib/core/refusal";
import { chooseQuotation, removeQuotation, translateQuotation } from "./mutations";
import { chooseQuotationInput, removeQuotationInput, translateQuotationInput } from "./schema";

export const addQuotation = evaluationAction("addQuotation", {
  permission: "quotation.manage",
  input: chooseQuotationInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await chooseQuotation({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { quotationId: result.quotationId, version: result.version } : rejectionOf(result);
  },
});

/** Saves over `expectedVersion`; CONFLICT when someone saved first. */
export const saveQuotationTranslation = evaluationAction("saveQuotationTranslation", {
  permission: "quotation.manage",
  input: translateQuotationInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await translateQuotation({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { quotationId: result.quotationId, version: result.version } : rejectionOf(result);
  },
});

export const dropQuotation = evaluationAction("dropQuotation", {
  permission: "quotation.manage",
  input: removeQuotationInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await removeQuotation({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { storyId: result.storyId } : rejectionOf(result);
  },
});
