/** Forms for evaluations, shared by the browser forms and the actions. */
import { z } from "zod";
import { isCalendarDay } from "@/lib/core/calendar-day";
import { Locale } from "@/lib/generated/prisma/enums";
import { emailSchema, singleLine, TEXT_MAX } from "@/lib/users/schema";
import { ID_PATTERN, idSchemaWith } from "@/lib/core/ids";
import { versionWith } from "@/lib/core/version";
import { isTimeZone } from "./time-zone";
import { DESCRIPTION_MAX } from "./types";
export { DESCRIPTION_MAX } from "./types";

/** A calendar day as the date input sends it: "2024-03-01". */
export const calendarDaySchema = z
  .string({ error: "validation.dateInvalid" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.dateInvalid")
  .refine((value) => isCalendarDay(value) && value >= "1900-01-01" && value <= "2200-12-31", "validation.dateInvalid");

const LANGUAGES = [Locale.ES, Locale.EN] as const;

const evaluationFields = {
  name: singleLine(TEXT_MAX, { required: "validation.evaluationNameRequired", tooLong: "validation.textTooLong" }),
  client: singleLine(TEXT_MAX, { required: "validation.clientRequired", tooLong: "validation.textTooLong" }),
  evaluatorOrganisation: singleLine(TEXT_MAX, {
    required: "validation.organisationRequired",
    tooLong: "validation.textTooLong",
  }),
  periodStart: calendarDaySchema,
  periodEnd: calendarDaySchema,
  languages: z
    .array(z.enum(LANGUAGES, { error: "validation.languagesRequired" }), { error: "validation.languagesRequired" })
    .min(1, "validation.languagesRequired")
    .max(4, "validation.languagesRequired")
    .transform((languages) => [...new Set(languages)]),
};

const periodInOrder = (value: { periodStart: string; periodEnd: string }, ctx: z.RefinementCtx) => {
  if (value.periodEnd < value.periodStart) {
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "validation.periodEndBeforeStart" });
  }
};

export const createEvaluationSchema = z
  .object({
    ...evaluationFields,
    /** The first lead: an existing account becomes a member at once; otherwise an invitation is made. */
    leadEmail: emailSchema,
  })
  .superRefine(periodInOrder);
export type CreateEvaluationInput = z.infer<typeof createEvaluationSchema>;

/** The evaluation's own details, edited by a lead; the order of `languages` says which is the original. */
export const updateEvaluationSchema = z
  .object({
    evaluationId: idSchemaWith("validation.invalid"),
    expectedVersion: versionWith("validation.invalid"),
    ...evaluationFields,
    /** Absent: the zone stays as it is (callers that predate it). */
    timeZone: z
      .string({ error: "validation.invalid" })
      .refine((value) => isTimeZone(value), "validation.timeZoneUnknown")
      .optional(),
    description: z
      .string({ error: "validation.invalid" })
      .trim()
      .max(DESCRIPTION_MAX, "validation.textTooLong")
      .refine((value) => !value.includes("\u0000"), "validation.controlCharacters")
      .nullish()
      .transform((value) => value || null),
  })
  .superRefine(periodInOrder);
export type UpdateEvaluationInput = z.infer<typeof updateEvaluationSchema>;

/** Copy the setup of `sourceEvaluationId` into `evaluationId`. */
export const copySetupSchema = z.object({
  evaluationId: idSchemaWith("validation.invalid"),
  sourceEvaluationId: z
    .string({ error: "setup.errors.sourceRequired" })
    .min(1, "setup.errors.sourceRequired")
    .regex(ID_PATTERN, "validation.invalid"),
});
