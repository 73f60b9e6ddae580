/**
 * Quotations for the brief: shared by the forms and the server actions. The quoted words are not
 * an input: they are copied from the excerpt on the server, so nobody can quote what a transcript
 * does not say.
 */
import { z } from "zod";
import { idSchema, requiredId } from "@/lib/core/ids";
import { version } from "@/lib/core/version";
import { optionalText } from "@/lib/text-schema";
import { QUOTATION_LANGUAGES, QUOTATION_LIMITS } from "./types";

export const chooseQuotationInput = z.object({
  evaluationId: idSchema,
  storyId: idSchema,
  excerptId: requiredId,
});

/** An empty translation removes it; whoever saves it is its translator (decision 0038). */
export const translateQuotationInput = z.object({
  evaluationId: idSchema,
  quotationId: idSchema,
  expectedVersion: version,
  translation: optionalText(QUOTATION_LIMITS.translation),
  translationLanguage: z.enum(QUOTATION_LANGUAGES, { error: "required" }),
});

export const removeQuotationInput = z.object({
  evaluationId: idSchema,
  quotationId: idSchema,
  expectedVersion: version,
});
