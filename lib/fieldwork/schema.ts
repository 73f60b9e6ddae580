/**
 * Zod pieces shared by the interview and focus-group schemas (and their forms): the fields every
 * fieldwork record has, and the rules of its transcripts. Messages are keys of the `fieldwork`
 * namespace; the form translates them. No Prisma here (it runs in the browser too).
 */
import { z } from "zod";
import { isCalendarDay } from "@/lib/core/calendar-day";
import { idSchemaWith } from "@/lib/core/ids";
import { versionWith } from "@/lib/core/version";
import { transcriptSchema } from "@/lib/excerpts/transcript";
import { MAX_NOTES_LENGTH, MAX_PEOPLE } from "./types";
export { FIELDWORK_LANGUAGES, MAX_NOTES_LENGTH, MAX_PEOPLE } from "./types";

/** A record id as the forms send it. */
export const idSchema = idSchemaWith("errors.invalid");

/** "" from an empty select is "none". */
export const optionalIdSchema = z
  .union([z.literal(""), idSchema], { error: "errors.invalid" })
  .nullish()
  .transform((value) => value || null);

/** Distinct ids; a repeated id is refused rather than silently merged. */
export function idListSchema(options: { min?: number; minMessage?: string } = {}) {
  return z
    .array(idSchema, { error: "errors.invalid" })
    .max(MAX_PEOPLE, "errors.tooMany")
    .min(options.min ?? 0, options.minMessage ?? "errors.required")
    .refine((ids) => new Set(ids).size === ids.length, "errors.duplicate");
}

/** A calendar day "YYYY-MM-DD" that exists, between 1950 and 2100. */
export const isoDateSchema = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.invalidDate")
  .refine((value) => isCalendarDay(value) && value >= "1950-01-01" && value <= "2100-12-31", "errors.invalidDate");

/** An ISO 639 code as stored: "es", "en", "nah", "zap"... (lower-case, 2 or 3 letters). */
export const languageSchema = z
  .string({ error: "errors.required" })
  .trim()
  .toLowerCase()
  .min(1, "errors.required")
  .regex(/^[a-z]{2,3}$/, "errors.invalidLanguage");

export const optionalLanguageSchema = z
  .union([z.literal(""), languageSchema], { error: "errors.invalidLanguage" })
  .nullish()
  .transform((value) => value || null);

/** Free text such as notes: trimmed, blank is null. */
export function optionalTextSchema(max: number) {
  return z
    .string({ error: "errors.invalid" })
    .max(max, "errors.tooLong")
    .nullish()
    .transform((value) => (value ? value.replace(/\r\n?/g, "\n").trim() : "") || null);
}

/** A whole number from a form field ("" is null). */
export function optionalIntegerSchema(min: number, max: number, message: string) {
  return z.preprocess(
    (value) => (value === "" || value === undefined ? null : typeof value === "string" ? Number(value.trim()) : value),
    z.number({ error: message }).int(message).min(min, message).max(max, message).nullable(),
  );
}

/**
 * The version the editor loaded; the save is refused when the record has moved on. Read from text
 * like the family's other numbers (a head-count typed as "5"), then checked as every version is.
 */
export const versionSchema = z.coerce.number({ error: "errors.invalid" }).pipe(versionWith("errors.invalid"));

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

/** The transcript fields of every fieldwork record. */
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

/**
 * The fields every fieldwork record has, whatever its kind: the evaluation, the day, the place,
 * the language, the projects discussed, notes and transcripts. Each kind adds its own columns and
 * its people (with their own messages) to these.
 */
export const recordFields = {
  evaluationId: idSchema,
  date: isoDateSchema,
  placeId: optionalIdSchema,
  language: languageSchema,
  projectIds: idListSchema(),
  notes: optionalTextSchema(MAX_NOTES_LENGTH),
  ...transcriptFields,
};

/** What an edit adds to a new record's fields: the record's id and the version it was made on. */
export function editFields<Key extends string>(idField: Key) {
  return { [idField]: idSchema, version: versionSchema } as Record<Key, typeof idSchema> & {
    version: typeof versionSchema;
  };
}
