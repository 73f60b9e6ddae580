/**
 * The focus-group form's schema: the form, the server actions and imports validate with it.
 * What every fieldwork record has is in lib/fieldwork/schema.ts; here only the focus group's own
 * fields. No Prisma here (it runs in the browser too).
 */
import { z } from "zod";
import {
  editFields,
  idListSchema,
  optionalIntegerSchema,
  recordFields,
  withTranscriptRules,
} from "@/lib/fieldwork/schema";
import { MAX_ANONYMOUS_PARTICIPANTS, MAX_TOPIC_LENGTH } from "./types";
export { MAX_ANONYMOUS_PARTICIPANTS, MAX_TOPIC_LENGTH } from "./types";

const focusGroupFields = z
  .object({
    ...recordFields,
    topic: z
      .string({ error: "errors.required" })
      .trim()
      .min(1, "errors.required")
      .max(MAX_TOPIC_LENGTH, "errors.tooLong"),
    facilitatorIds: idListSchema({ min: 1, minMessage: "errors.facilitatorsRequired" }),
    participantIds: idListSchema(),
    anonymousParticipantCount: optionalIntegerSchema(0, MAX_ANONYMOUS_PARTICIPANTS, "errors.headCountRange").transform(
      (value) => value ?? 0,
    ),
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
  focusGroupFields.extend(editFields("focusGroupId")).superRefine(someoneTookPart),
);

export type FocusGroupInput = z.output<typeof focusGroupInputSchema>;
export type FocusGroupUpdateInput = z.output<typeof focusGroupUpdateSchema>;
export type FocusGroupFormValues = z.input<typeof focusGroupInputSchema>;
