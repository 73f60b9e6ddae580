/**
 * Inputs of validation rounds, samples, responses and dispute resolutions, shared by the forms and
 * the server actions. Messages are keys under `validation.errors`. Unknown keys are stripped, so a
 * payload carrying `status`, `recordedById` or `resolvedAt` changes nothing.
 */
import { z } from "zod";
import { isCalendarDay } from "@/lib/core/calendar-day";
import { idSchema } from "@/lib/core/ids";
import { version } from "@/lib/core/version";
import { optionalText, requiredText } from "@/lib/text-schema";
import { DISPUTE_OUTCOMES, VALIDATION_VERDICTS, VALIDATION_METHODS, LIMITS, SAMPLE_RULES } from "./types";
export { DISPUTE_OUTCOMES, VALIDATION_VERDICTS, VALIDATION_METHODS, LIMITS } from "./types";

/** "2025-03-01", a real calendar day. */
const isoDay = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date" })
  .refine(isCalendarDay, { error: "date" });

const targetSize = z.coerce
  .number({ error: "number" })
  .int({ error: "number" })
  .min(1, { error: "number" })
  .max(LIMITS.targetSize, { error: "number" });

export const roundFieldsSchema = z
  .object({
    name: requiredText(LIMITS.name),
    startsOn: isoDay,
    endsOn: isoDay,
    method: z.enum(VALIDATION_METHODS, { error: "choose" }),
    targetSize,
    notes: optionalText(LIMITS.notes),
    storyIds: z.array(idSchema).max(LIMITS.stories, { error: "tooMany" }),
  })
  .refine((round) => round.endsOn >= round.startsOn, { error: "endsBeforeStart", path: ["endsOn"] })
  .refine((round) => new Set(round.storyIds).size === round.storyIds.length, {
    error: "duplicate",
    path: ["storyIds"],
  });

export type RoundFields = z.infer<typeof roundFieldsSchema>;

export const createRoundInput = z.object({ evaluationId: idSchema, round: roundFieldsSchema });
export const updateRoundInput = z.object({
  evaluationId: idSchema,
  roundId: idSchema,
  expectedVersion: version,
  round: roundFieldsSchema,
});
export const roundStepInput = z.object({
  evaluationId: idSchema,
  roundId: idSchema,
  step: z.enum(["open", "close"]),
  expectedVersion: version,
});
/** The rule defaults to the story's states or types: a nationwide draw is a choice, never an accident. */
export const drawSampleInput = z.object({
  evaluationId: idSchema,
  roundId: idSchema,
  rule: z.enum(SAMPLE_RULES, { error: "sampleRule" }).default("SHARED_STATE_OR_TYPE"),
});
export const sampleMemberInput = z.object({ evaluationId: idSchema, roundId: idSchema, respondentId: idSchema });
/** The lead types the code (R-0042) to add someone by hand: codes, never names. */
export const addSampleMemberInput = z.object({
  evaluationId: idSchema,
  roundId: idSchema,
  respondentCode: z
    .string({ error: "required" })
    .trim()
    .toUpperCase()
    .regex(/^R-\d{4,9}$/, { error: "respondentCode" }),
});

/** What the respondent said: the fields a response is recorded with and corrected through. */
export const responseFieldsSchema = z.object({
  verdict: z.enum(VALIDATION_VERDICTS, { error: "choose" }),
  comments: optionalText(LIMITS.comments),
  proposedChanges: optionalText(LIMITS.comments),
});

export type ResponseFields = z.infer<typeof responseFieldsSchema>;

export const recordResponseInput = z.object({
  evaluationId: idSchema,
  roundId: idSchema,
  respondentId: idSchema,
  storyId: idSchema,
  /** The revision the sheet showed; a later revision of the story makes the response outdated. */
  storyRevisionId: idSchema,
  ...responseFieldsSchema.shape,
});

/**
 * A correction of a recorded response: the same fields, over the version the form loaded. Who
 * answered, on which story and revision, stays as recorded (those keys are stripped).
 */
export const correctResponseInput = z.object({
  evaluationId: idSchema,
  responseId: idSchema,
  expectedVersion: version,
  ...responseFieldsSchema.shape,
});

export const resolveDisputeInput = z.object({
  evaluationId: idSchema,
  responseId: idSchema,
  outcome: z.enum(DISPUTE_OUTCOMES, { error: "choose" }),
  resolution: requiredText(LIMITS.resolution),
});

/** A validation list's `?page=`: a whole number from 1 (capped), anything else the first page. */
export function pageNumber(raw: string | undefined): number {
  return Math.max(1, Math.min(100_000, Number.parseInt(raw ?? "1", 10) || 1));
}
