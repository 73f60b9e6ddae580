/**
 * The interview form's schema: the form, the server actions and imports validate with it.
 * What every fieldwork record has is in lib/fieldwork/schema.ts; here only the interview's own
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
import { INTERVIEW_MODES, MAX_DURATION_MINUTES } from "./types";
export { INTERVIEW_MODES, MAX_DURATION_MINUTES } from "./types";

const interviewFields = z
  .object({
    ...recordFields,
    mode: z.enum(INTERVIEW_MODES, { error: "errors.invalidChoice" }),
    durationMinutes: optionalIntegerSchema(1, MAX_DURATION_MINUTES, "errors.durationRange"),
    interviewerIds: idListSchema({ min: 1, minMessage: "errors.interviewersRequired" }),
    respondentIds: idListSchema({ min: 1, minMessage: "errors.respondentsRequired" }),
  })
  .strip();

export const interviewInputSchema = withTranscriptRules(interviewFields);

export const interviewUpdateSchema = withTranscriptRules(interviewFields.extend(editFields("interviewId")));

export type InterviewInput = z.output<typeof interviewInputSchema>;
export type InterviewUpdateInput = z.output<typeof interviewUpdateSchema>;
/** The form's raw values, before parsing. */
export type InterviewFormValues = z.input<typeof interviewInputSchema>;
