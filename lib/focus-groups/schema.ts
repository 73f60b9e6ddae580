/**
 * The focus-group form's schema: the form, the server actions and imports validate with it.
 * No Prisma here (it runs in the browser too).
 */
import { z } from "zod";
import {
  idListSchema,
  idSchema,
  isoDateSchema,
  languageSchema,
  MAX_NOTES_LENGTH,
  optionalIdSchema,
  optionalIntegerSchema,
  optionalTextSchema,
  versionSchema,
} from "@/lib/interviews/fields";
import { transcriptFields, withTranscriptRules } from "@/lib/interviews/schema";
import { MAX_ANONYMOUS_PARTICIPANTS, MAX_TOPIC_LENGTH } from "./types";
export { MAX_ANONYMOUS_PARTICIPANTS, MAX_TOPIC_LENGTH } from "./types";

const focusGroupFields = z
  .object({
    evaluationId: idSchema,
    date: isoDateSchema,
    placeId: optionalIdSchema,
    topic: z
      .string({ error: "errors.required" })
      .trim()
      .min(1, "errors.required")
      .max(MAX_TOPIC_LENGTH, "errors.tooLong"),
    language: languageSchema,
    facilitatorIds: idListSchema({ min: 1, minMessage: "errors.facilitatorsRequired" }),
    participantIds: idListSchema(),
    anonymousParticipantCount: optionalIntegerSchema(0, MAX_ANONYMOUS_PARTICIPANTS, "errors.headCountRange").transform(
      (value) => value ?? 0,
    ),
    projectIds: idListSchema(),
    notes: optionalTextSchema(MAX_NOTES_LENGTH),
    ...transcriptFields,
  })
  .strip();

/** A group of nobody is a typing mistake: at least one registered or anonymous participant. */
function someoneTookPart(
  value: { participantIds: string[]; anonymousParticipantCount: number },
  context: z.RefinementCtx,
) {
  if (value.participantIds.length === 0 && value.anonymousParticipantCount === 0) {
    context.addIssue({ code: "custom", path: ["participantIds"], message: "errors.participantsRequired" });
  }
}

export const focusGroupInputSchema = withTranscriptRules(focusGroupFields.superRefine(someoneTookPart));

export const focusGroupUpdateSchema = withTranscriptRules(
  focusGroupFields.extend({ focusGroupId: idSchema, version: versionSchema }).superRefine(someoneTookPart),
);

export type FocusGroupInput = z.output<typeof focusGroupInputSchema>;
export type FocusGroupUpdateInput = z.output<typeof focusGroupUpdateSchema>;
export type FocusGroupFormValues = z.input<typeof focusGroupInputSchema>;
