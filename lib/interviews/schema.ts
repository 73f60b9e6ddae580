/**
 * The interview form's schema: the form, the server actions and imports validate with it.
 * No Prisma here (it runs in the browser too).
 */
import { z } from "zod";
import { transcriptSchema } from "@/lib/excerpts/transcript";
import {
  idListSchema,
  idSchema,
  isoDateSchema,
  languageSchema,
  MAX_NOTES_LENGTH,
  optionalIdSchema,
  optionalIntegerSchema,
  optionalLanguageSchema,
  optionalTextSchema,
  versionSchema,
} from "./fields";
import { INTERVIEW_MODES, MAX_DURATION_MINUTES } from "./types";
export { INTERVIEW_MODES, MAX_DURATION_MINUTES } from "./types";

/** Translation fields mean nothing without a translation: they are dropped with it. */
function transcriptRules<T extends TranscriptFields>(value: T, context: z.RefinementCtx) {
  if (value.transcriptOriginal && !value.transcriptLanguage) {
    context.addIssue({ code: "custom", path: ["transcriptLanguage"], message: "errors.transcriptLanguageRequired" });
  }
  if (value.transcriptTranslation && !value.transcriptOriginal) {
    context.addIssue({ code: "custom", path: ["transcriptTranslation"], message: "errors.translationWithoutOriginal" });
  }
  if (value.transcriptTranslation && !value.translationLanguage) {
    context.addIssue({ code: "custom", path: ["translationLanguage"], message: "errors.translationLanguageRequired" });
  }
}

type TranscriptFields = {
  transcriptOriginal: string | null;
  transcriptLanguage: string | null;
  transcriptTranslation: string | null;
  translationLanguage: string | null;
  translatedById: string | null;
};

function withoutOrphanFields<T extends TranscriptFields>(value: T): T {
  return {
    ...value,
    transcriptLanguage: value.transcriptOriginal ? value.transcriptLanguage : null,
    translationLanguage: value.transcriptTranslation ? value.translationLanguage : null,
    translatedById: value.transcriptTranslation ? value.translatedById : null,
  };
}

/** Transcript fields shared with focus groups. */
export const transcriptFields = {
  transcriptOriginal: transcriptSchema,
  transcriptLanguage: optionalLanguageSchema,
  transcriptTranslation: transcriptSchema,
  translationLanguage: optionalLanguageSchema,
  translatedById: optionalIdSchema,
};

export function withTranscriptRules<S extends z.ZodType<TranscriptFields>>(schema: S) {
  return schema.superRefine(transcriptRules).transform((value) => withoutOrphanFields(value));
}

const interviewFields = z
  .object({
    evaluationId: idSchema,
    date: isoDateSchema,
    mode: z.enum(INTERVIEW_MODES, { error: "errors.invalidChoice" }),
    placeId: optionalIdSchema,
    language: languageSchema,
    durationMinutes: optionalIntegerSchema(1, MAX_DURATION_MINUTES, "errors.durationRange"),
    interviewerIds: idListSchema({ min: 1, minMessage: "errors.interviewersRequired" }),
    respondentIds: idListSchema({ min: 1, minMessage: "errors.respondentsRequired" }),
    projectIds: idListSchema(),
    notes: optionalTextSchema(MAX_NOTES_LENGTH),
    ...transcriptFields,
  })
  .strip();

export const interviewInputSchema = withTranscriptRules(interviewFields);

export const interviewUpdateSchema = withTranscriptRules(
  interviewFields.extend({ interviewId: idSchema, version: versionSchema }),
);

export type InterviewInput = z.output<typeof interviewInputSchema>;
export type InterviewUpdateInput = z.output<typeof interviewUpdateSchema>;
/** The form's raw values, before parsing. */
export type InterviewFormValues = z.input<typeof interviewInputSchema>;
