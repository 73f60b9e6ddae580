/**
 * Evidence items, the analyst's sign-off and the contribution/sustainability form: shared by the
 * forms and the server actions. Messages are keys under `triangulation.errors` (and the generic
 * `validation.*`); unknown keys are stripped, so `version`, `addedById` or `content` sent inside
 * an evidence item are never read.
 */
import { z } from "zod";
import { idSchema } from "@/lib/core/ids";
import { version } from "@/lib/core/version";
import { contributionSchema, LIMITS as STORY_LIMITS } from "@/lib/stories/schema";
import { optionalText, requiredText } from "@/lib/text-schema";
import { SOURCE_TYPES, STANCES, STRENGTHS, TRIANGULATION_LIMITS, CONTRIBUTION_RATINGS } from "./types";
export { SOURCE_TYPES, STANCES, STRENGTHS, TRIANGULATION_LIMITS, CONTRIBUTION_RATINGS } from "./types";

/** A file picked in the form; its content is checked on the server (lib/uploads/file-check.ts). */
const attachment = z
  .custom<Blob>((value) => typeof Blob !== "undefined" && value instanceof Blob, { error: "invalid" })
  .nullish()
  .transform((value) => value ?? null);

export const evidenceFieldsSchema = z
  .object({
    sourceType: z.enum(SOURCE_TYPES, { error: "required" }),
    citation: requiredText(TRIANGULATION_LIMITS.citation),
    whatItShows: requiredText(TRIANGULATION_LIMITS.text),
    /**
     * The summary in the evaluation's other report language; whoever saves it is its translator.
     * Left out (not sent), the stored translation is kept; sent empty, it is removed.
     */
    whatItShowsTranslation: optionalText(TRIANGULATION_LIMITS.text).optional(),
    stance: z.enum(STANCES, { error: "required" }),
    strength: z.enum(STRENGTHS, { error: "required" }),
    figureId: z
      .union([z.literal(""), idSchema])
      .nullish()
      .transform((value) => (value ? value : null)),
    response: optionalText(TRIANGULATION_LIMITS.text),
    /** Mixed evidence only: why it still supports the story; dropped for any other stance. */
    supportNote: optionalText(TRIANGULATION_LIMITS.text),
  })
  .strip()
  .transform((fields) => ({ ...fields, supportNote: fields.stance === "MIXED" ? (fields.supportNote ?? null) : null }));

export type EvidenceFields = z.output<typeof evidenceFieldsSchema>;
export type EvidenceFieldsInput = z.input<typeof evidenceFieldsSchema>;

export const createEvidenceInput = z.object({
  evaluationId: idSchema,
  storyId: idSchema,
  evidence: evidenceFieldsSchema,
  file: attachment,
});

export const updateEvidenceInput = z.object({
  evaluationId: idSchema,
  evidenceId: idSchema,
  expectedVersion: version,
  evidence: evidenceFieldsSchema,
  /** A new file replaces the stored one; `removeFile` drops it; neither keeps it. */
  file: attachment,
  removeFile: z.boolean({ error: "invalid" }).default(false),
});

export const deleteEvidenceInput = z.object({ evaluationId: idSchema, evidenceId: idSchema, expectedVersion: version });

export const signOffInput = z.object({
  evaluationId: idSchema,
  storyId: idSchema,
  /** The story version the analyst read; a later edit makes the sign-off meaningless (CONFLICT). */
  storyVersion: version,
  note: requiredText(TRIANGULATION_LIMITS.note),
});

export const verificationFieldsSchema = z
  .object({
    contributionNarrative: optionalText(STORY_LIMITS.mediumText),
    // No translation here: the story form enters it (decision 0038), and this save keeps it.
    contributions: z
      .array(contributionSchema.pick({ projectId: true, howContributed: true }), { error: "invalid" })
      .max(STORY_LIMITS.contributions, { error: "tooMany" }),
    contributionRating: z
      .union([z.literal(""), z.enum(CONTRIBUTION_RATINGS, { error: "invalid" })])
      .nullish()
      .transform((value) => (value ? value : null)),
    contributionRatingReason: optionalText(STORY_LIMITS.mediumText),
    sustainabilityAssessment: optionalText(STORY_LIMITS.mediumText),
    sustainabilityConditions: optionalText(STORY_LIMITS.mediumText),
    sustainabilityRisks: optionalText(STORY_LIMITS.mediumText),
  })
  .superRefine((fields, ctx) => {
    if (fields.contributionRating && !fields.contributionRatingReason) {
      ctx.addIssue({ code: "custom", message: "ratingReasonRequired", path: ["contributionRatingReason"] });
    }
    const seen = new Set<string>();
    fields.contributions.forEach((row, index) => {
      if (seen.has(row.projectId))
        ctx.addIssue({ code: "custom", message: "duplicate", path: ["contributions", index, "projectId"] });
      seen.add(row.projectId);
    });
  });

export type VerificationFields = z.output<typeof verificationFieldsSchema>;
export type VerificationFieldsInput = z.input<typeof verificationFieldsSchema>;

export const updateVerificationInput = z.object({
  evaluationId: idSchema,
  storyId: idSchema,
  expectedVersion: version,
  fields: verificationFieldsSchema,
});

/** The matrix page's query string: a domain and a page; anything else falls back to the defaults. */
export const matrixQuerySchema = z.object({
  domain: z
    .union([idSchema, z.literal("")])
    .catch("")
    .default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
