/**
 * The change-story form, shared by the browser form, the server actions and (later) imports.
 * Messages are keys under `stories.errors`; the form shows them in the user's language.
 * Unknown keys are stripped, so `stage`, `version`, `authorId` or `evaluationId` sent inside the
 * story are never read (the actions take the evaluation and the expected version separately).
 */
import { z } from "zod";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { optionalText, requiredText } from "@/lib/text-schema";
import { NUMBER_LOCALES } from "@/lib/written-number";
import { readFigures } from "./figure-numbers";
import { DATE_PRECISIONS, storedPeriod } from "./period";
import { idSchema, requiredId } from "@/lib/core/ids";
import { version } from "@/lib/core/version";
import { LIMITS, FIGURE_QUALIFIERS, CHANGE_TYPES, STORY_TEXTS, type StoryTranslation } from "./types";
import { isOneOf } from "@/lib/i18n/labels";
export { LIMITS, FIGURE_QUALIFIERS, CHANGE_TYPES, STORYTELLER_SCOPES } from "./types";

export const SOURCE_KINDS = ["INTERVIEW", "FOCUS_GROUP", "EXCERPT"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const optionalId = z
  .union([z.literal(""), idSchema])
  .nullish()
  .transform((value) => (value ? value : null));

/** ISO 639 code such as "es", "en", "nah" or "mix", optionally with a region. */
const languageCode = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, { error: "languageInvalid" });

/** A figure's number as typed; it is read in the story's `numberLocale` (see readFigureNumbers below). */
const writtenNumberText = z.string({ error: "required" }).trim().max(64, { error: "numberInvalid" });
function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z.array(item, { error: "invalid" }).max(max, { error: "tooMany" });
}

/** Adds a "duplicate" issue on every repeated key after its first occurrence. */
function flagDuplicates(ctx: z.RefinementCtx, keys: string[], path: (index: number) => PropertyKey[]) {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key)) ctx.addIssue({ code: "custom", message: "duplicate", path: path(index) });
    seen.add(key);
  });
}

export const figureSchema = z.object({
  /** Set for a figure that already exists: figures are edited in place (evidence may point at them). */
  id: optionalId,
  label: requiredText(LIMITS.label),
  labelTranslation: optionalText(LIMITS.label),
  qualifier: z.enum(FIGURE_QUALIFIERS, { error: "invalid" }),
  value: writtenNumberText,
  /** Read only when the qualifier is RANGE. */
  valueMax: writtenNumberText.nullish(),
  unit: optionalText(LIMITS.unit),
  /** The unit in the translation language, when it is words ("trabajadores" → "workers"). */
  unitTranslation: optionalText(LIMITS.unit),
});

export const contributionSchema = z.object({
  projectId: requiredId,
  howContributed: requiredText(LIMITS.mediumText),
  howContributedTranslation: optionalText(LIMITS.mediumText),
});

export const sourceSchema = z.object({
  kind: z.enum(SOURCE_KINDS, { error: "invalid" }),
  id: idSchema,
});

/** One of the evaluation's at-risk groups (the mutation checks it is this evaluation's), with a note. */
export const atRiskGroupSchema = z.object({
  groupId: idSchema,
  note: optionalText(LIMITS.note),
});

export const storyFieldsSchema = z
  .object({
    title: requiredText(LIMITS.title),
    titleTranslation: optionalText(LIMITS.title),
    whatChanged: requiredText(LIMITS.longText),
    whatChangedTranslation: optionalText(LIMITS.longText),
    whySignificant: requiredText(LIMITS.longText),
    whySignificantTranslation: optionalText(LIMITS.longText),
    originalLanguage: languageCode,
    translationLanguage: z
      .union([z.literal(""), languageCode])
      .nullish()
      .transform((value) => (value ? value : null)),
    translatedById: optionalId,
    collectedById: optionalId,
    changeType: z.enum(CHANGE_TYPES, { error: "required" }),
    periodPrecision: z.enum(DATE_PRECISIONS, { error: "required" }),
    periodFrom: z
      .string({ error: "invalid" })
      .max(10, { error: "periodFormat" })
      .nullish()
      .transform((value) => value ?? ""),
    periodTo: z
      .string({ error: "invalid" })
      .max(10, { error: "periodFormat" })
      .nullish()
      .transform((value) => value ?? ""),
    placeIds: uniqueList(idSchema, LIMITS.places),
    sectorIds: uniqueList(idSchema, LIMITS.sectors),
    priorityTagIds: uniqueList(idSchema, LIMITS.priorityTags),
    atRiskGroups: uniqueList(atRiskGroupSchema, LIMITS.atRiskGroups),
    figures: uniqueList(figureSchema, LIMITS.figures),
    contributionNarrative: optionalText(LIMITS.mediumText),
    contributionNarrativeTranslation: optionalText(LIMITS.mediumText),
    contributions: uniqueList(contributionSchema, LIMITS.contributions),
    sustainabilityAssessment: optionalText(LIMITS.mediumText),
    sustainabilityAssessmentTranslation: optionalText(LIMITS.mediumText),
    sustainabilityConditions: optionalText(LIMITS.mediumText),
    sustainabilityConditionsTranslation: optionalText(LIMITS.mediumText),
    sustainabilityRisks: optionalText(LIMITS.mediumText),
    sustainabilityRisksTranslation: optionalText(LIMITS.mediumText),
    storytellerIds: uniqueList(idSchema, LIMITS.storytellers),
    sources: uniqueList(sourceSchema, LIMITS.sources),
    /**
     * The language whose way of writing numbers the figures are typed in (both `600,000` and
     * `1.5` today, as Mexico writes them); left out, figures must be plain stored values ("600000", "1.5").
     */
    numberLocale: z.enum(NUMBER_LOCALES, { error: "invalid" }).nullish(),
  })
  // Runs even when other fields are wrong (`when`), so a row or a form shows all its errors at once.
  .superRefine(
    (story, ctx) => {
      const text = (value: unknown) => (typeof value === "string" ? value : "");
      const period = storedPeriod(story.periodPrecision, text(story.periodFrom), text(story.periodTo));
      if (DATE_PRECISIONS.includes(story.periodPrecision) && !period.ok)
        ctx.addIssue({ code: "custom", message: period.problem, path: [period.field] });
      if (!Array.isArray(story.figures)) return;
      const reader = story.numberLocale && isOneOf(NUMBER_LOCALES, story.numberLocale) ? story.numberLocale : "stored";
      for (const issue of readFigures(story.figures, reader).issues)
        ctx.addIssue({ code: "custom", message: issue.message, path: ["figures", ...issue.path] });
    },
    { when: () => true },
  )
  .superRefine((story, ctx) => {
    const translated = hasAnyTranslation(story);
    if (translated && !story.translationLanguage)
      ctx.addIssue({ code: "custom", message: "required", path: ["translationLanguage"] });
    if (translated && !story.translatedById)
      ctx.addIssue({ code: "custom", message: "translatorRequired", path: ["translatedById"] });
    flagDuplicates(ctx, story.placeIds, (i) => ["placeIds", i]);
    flagDuplicates(ctx, story.sectorIds, (i) => ["sectorIds", i]);
    flagDuplicates(ctx, story.priorityTagIds, (i) => ["priorityTagIds", i]);
    flagDuplicates(ctx, story.storytellerIds, (i) => ["storytellerIds", i]);
    flagDuplicates(
      ctx,
      story.atRiskGroups.map((row) => row.groupId),
      (i) => ["atRiskGroups", i, "groupId"],
    );
    flagDuplicates(
      ctx,
      story.contributions.map((row) => row.projectId),
      (i) => ["contributions", i, "projectId"],
    );
    flagDuplicates(
      ctx,
      story.sources.map((row) => `${row.kind}:${row.id}`),
      (i) => ["sources", i, "id"],
    );
    flagDuplicates(
      ctx,
      story.figures.map((row, i) => row.id ?? `new-${i}`),
      (i) => ["figures", i, "id"],
    );
  })
  .transform(({ numberLocale, ...story }) => ({
    ...story,
    figures: readFigures(story.figures, numberLocale ?? "stored").figures,
  }));

/** Whether any text of the story has a translation: then its language and translator are required. */
export function hasAnyTranslation(
  story: Partial<Record<StoryTranslation, string | null>> & {
    figures?: ReadonlyArray<{ labelTranslation?: string | null; unitTranslation?: string | null }>;
    contributions?: ReadonlyArray<{ howContributedTranslation?: string | null }>;
  },
): boolean {
  const texts = [
    ...STORY_TEXTS.map(([, translation]) => story[translation]),
    ...(Array.isArray(story.figures)
      ? story.figures.flatMap((figure) => [figure.labelTranslation, figure.unitTranslation])
      : []),
    ...(Array.isArray(story.contributions) ? story.contributions.map((row) => row.howContributedTranslation) : []),
  ];
  return texts.some((text) => typeof text === "string" && text.trim() !== "");
}

/** What the schema accepts (the form's values, see form-values.ts, are one such shape). */
export type StoryFieldsInput = z.input<typeof storyFieldsSchema>;
/** The story as the server writes it (trimmed, nulls for empty). */
export type StoryFields = z.output<typeof storyFieldsSchema>;

export const createStoryInput = z.object({ evaluationId: idSchema, story: storyFieldsSchema });

export const updateStoryInput = z.object({
  evaluationId: idSchema,
  storyId: idSchema,
  /** The version the editor loaded; the save is refused (CONFLICT) when the story has moved on. */
  expectedVersion: version,
  /** A short note kept with the revision ("fixed the figures"). */
  note: optionalText(LIMITS.note),
  story: storyFieldsSchema,
});

export type CreateStoryInput = z.output<typeof createStoryInput>;
export type UpdateStoryInput = z.output<typeof updateStoryInput>;

export const STORY_STAGES = [
  "DRAFT",
  "SUBMITTED",
  "SCREENED",
  "IN_SELECTION",
  "SELECTED",
  "NOT_SELECTED",
  "IN_TRIANGULATION",
  "TRIANGULATED",
  "IN_VALIDATION",
  "VALIDATED",
  "IN_REVIEW",
  "APPROVED",
  "RETURNED",
  "NOT_VALIDATED",
] as const satisfies readonly StoryStage[];

/** One step along the story's path; `from` is the stage the mover saw (CONFLICT when it has moved on). */
export const moveStoryInput = z.object({
  evaluationId: idSchema,
  storyId: idSchema,
  from: z.enum(STORY_STAGES, { error: "invalid" }),
  to: z.enum(STORY_STAGES, { error: "invalid" }),
  comment: optionalText(LIMITS.rationale),
});
