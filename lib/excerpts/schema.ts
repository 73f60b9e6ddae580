/** Marking a passage of a transcript as an excerpt. No Prisma here (the viewer uses it too). */
import { z } from "zod";
import { idSchemaWith } from "@/lib/core/ids";
import { optionalTextSchema } from "@/lib/fieldwork/schema";
import { MAX_EXCERPT_LENGTH, MAX_EXCERPT_NOTE_LENGTH } from "./types";
export { MAX_EXCERPT_LENGTH, MAX_EXCERPT_NOTE_LENGTH } from "./types";

export const EXCERPT_SOURCES = ["INTERVIEW", "FOCUS_GROUP"] as const;
export type ExcerptSourceKind = (typeof EXCERPT_SOURCES)[number];
export const TRANSCRIPT_VARIANTS = ["ORIGINAL", "TRANSLATION"] as const;

/** Messages are keys of the `fieldwork` namespace, where the viewer shows them. */
const idSchema = idSchemaWith("errors.invalid");
const offset = z
  .number({ error: "errors.invalidSelection" })
  .int("errors.invalidSelection")
  .min(0, "errors.invalidSelection");

export const excerptCreateSchema = z
  .object({
    evaluationId: idSchema,
    source: z.enum(EXCERPT_SOURCES, { error: "errors.invalid" }),
    sourceId: idSchema,
    variant: z.enum(TRANSCRIPT_VARIANTS, { error: "errors.invalid" }),
    startOffset: offset,
    endOffset: offset,
    quotedText: z
      .string({ error: "errors.invalidSelection" })
      .max(MAX_EXCERPT_LENGTH, "errors.excerptTooLong")
      .refine((text) => text.trim().length > 0, "errors.emptySelection"),
    note: optionalTextSchema(MAX_EXCERPT_NOTE_LENGTH),
  })
  .strip()
  .refine((value) => value.endOffset - value.startOffset === value.quotedText.length, {
    path: ["quotedText"],
    message: "errors.invalidSelection",
  });

export const excerptDeleteSchema = z.object({ evaluationId: idSchema, excerptId: idSchema }).strip();

export type ExcerptCreateInput = z.output<typeof excerptCreateSchema>;
