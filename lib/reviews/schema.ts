/** Inputs of the funder review and of the lead's decision after a return (messages under `reviews.errors`). */
import { z } from "zod";
import { idSchema } from "@/lib/core/ids";

const comment = z
  .string({ error: "invalid" })
  .trim()
  .max(10_000, { error: "tooLong" })
  .refine((value) => !value.includes("\u0000"), { error: "invalidCharacters" });

export const storyRefInput = z.object({ evaluationId: idSchema, storyId: idSchema });
export const decideReviewInput = z.object({
  evaluationId: idSchema,
  storyId: idSchema,
  /** The revision the reviewer read (the page sends the one it showed). */
  storyRevisionId: idSchema,
  decision: z.enum(["APPROVE", "RETURN"], { error: "choose" }),
  comment: comment.default(""),
});
export const revalidationInput = z.object({
  evaluationId: idSchema,
  storyId: idSchema,
  choice: z.enum(["NEW_VALIDATION", "NO_NEW_VALIDATION"], { error: "choose" }),
  comment,
});
const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);
/** `page` pages the queue, `decided` the outcomes already decided; each keeps its own place. */
export const reviewQueueParams = z.object({ page: pageNumber, decided: pageNumber });
