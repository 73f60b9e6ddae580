/**
 * The funder's portfolio of projects, as a lead sets it up. Messages are keys under
 * `setup.errors`, shared with the import of a project list.
 */
import { z } from "zod";
import { isCalendarDay } from "@/lib/core/calendar-day";
import { idSchema } from "@/lib/core/ids";
import { version } from "@/lib/core/version";
import { optionalText, requiredText } from "@/lib/text-schema";
import { PROJECT_LIMITS } from "./types";
export { PROJECT_LIMITS } from "./types";

/** "" and missing mean no date; anything else must be a real calendar day. */
const optionalDay = z
  .string({ error: "invalid" })
  .trim()
  .nullish()
  .transform((value) => value || null)
  .refine((value) => value === null || isCalendarDay(value), { error: "dateInvalid" });

export const projectFieldsSchema = z
  .object({
    acronym: requiredText(PROJECT_LIMITS.acronym),
    name: requiredText(PROJECT_LIMITS.name),
    managingOffice: requiredText(PROJECT_LIMITS.office),
    /** Typed as one line ("USMCA, non-USMCA") or sent as a list; kept as a list without repeats. */
    fundingStreams: z
      .union([
        z.string({ error: "invalid" }).transform((value) => value.split(/[,;]/)),
        z.array(z.string({ error: "invalid" }), { error: "invalid" }),
      ])
      .transform((streams) => [...new Set(streams.map((stream) => stream.trim()).filter(Boolean))])
      .pipe(
        z
          .array(z.string().max(PROJECT_LIMITS.stream, { error: "tooLong" }))
          .max(PROJECT_LIMITS.streams, { error: "tooMany" }),
      ),
    startDate: optionalDay,
    endDate: optionalDay,
    notes: optionalText(PROJECT_LIMITS.notes),
  })
  .superRefine((value, ctx) => {
    if (value.startDate && value.endDate && value.endDate < value.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "endBeforeStart" });
  });

export const createProjectInput = z.object({ evaluationId: idSchema, project: projectFieldsSchema });
export const updateProjectInput = z.object({
  evaluationId: idSchema,
  projectId: idSchema,
  expectedVersion: version,
  project: projectFieldsSchema,
});
export const projectVersionInput = z.object({
  evaluationId: idSchema,
  projectId: idSchema,
  expectedVersion: version,
});

export type ProjectFields = z.output<typeof projectFieldsSchema>;
export type CreateProjectInput = z.output<typeof createProjectInput>;
export type UpdateProjectInput = z.output<typeof updateProjectInput>;
export type ProjectVersionInput = z.output<typeof projectVersionInput>;
