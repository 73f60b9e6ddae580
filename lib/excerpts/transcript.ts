/**
 * Transcripts: their size limit and how they are normalised before they are stored.
 * Shared by interviews and focus groups, and by their forms in the browser: no Prisma, no Node.
 */
import { z } from "zod";
import { MAX_TRANSCRIPT_LENGTH } from "./types";
export { MAX_TRANSCRIPT_LENGTH } from "./types";

/**
 * A transcript as stored: line breaks as "\n" (browsers send "\r\n" from forms, which would shift
 * every offset), empty or blank as null. Not trimmed: leading spaces may be deliberate layout.
 */
export const transcriptSchema = z
  .string({ error: "errors.invalid" })
  .max(MAX_TRANSCRIPT_LENGTH * 2, "errors.transcriptTooLong")
  .nullish()
  .transform((value) => (value ? value.replace(/\r\n?/g, "\n") : null))
  .refine((value) => value === null || value.length <= MAX_TRANSCRIPT_LENGTH, "errors.transcriptTooLong")
  .transform((value) => (value && value.trim().length > 0 ? value : null));
