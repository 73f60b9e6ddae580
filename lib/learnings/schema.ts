/**
 * What the team learned, as the learning brief prints it: the key results introduction, the
 * programme overview, key learnings, impact on at-risk groups, lessons and recommendations.
 * Messages are keys under `learnings.errors`. Which texts are required depends on the
 * evaluation's languages, so the mutation checks that (the first language is the original).
 */
import { z } from "zod";
import { idSchema } from "@/lib/core/ids";
import { version } from "@/lib/core/version";
import { optionalText } from "@/lib/text-schema";
import { LEARNING_KINDS, AUDIENCES, LEARNING_LIMITS } from "./types";
export { LEARNING_KINDS, AUDIENCES, LEARNING_LIMITS, SINGLE_KINDS } from "./types";
export type { LearningKind } from "./types";

export const LEARNING_LOCALES = ["ES", "EN"] as const;
export type LearningLocale = (typeof LEARNING_LOCALES)[number];

/** A text in one language; all blank means "not written in this language yet". */
export const learningTextSchema = z.object({
  title: optionalText(LEARNING_LIMITS.title),
  body: optionalText(LEARNING_LIMITS.body),
  sustainability: optionalText(LEARNING_LIMITS.sustainability),
  /** Who translated it; left out, the person saving it. Ignored for the original language. */
  translatedById: idSchema.nullish().transform((value) => value ?? null),
});

const ids = (max: number) =>
  z
    .array(idSchema, { error: "invalid" })
    .max(max, { error: "tooMany" })
    .default([])
    .transform((list) => [...new Set(list)]);

export const learningFieldsSchema = z.object({
  texts: z.object({ ES: learningTextSchema.optional(), EN: learningTextSchema.optional() }, { error: "invalid" }),
  audience: z
    .enum(AUDIENCES, { error: "audienceRequired" })
    .nullish()
    .transform((value) => value ?? null),
  /** One of the evaluation's at-risk groups (the mutation checks it is this evaluation's). */
  atRiskGroupId: z
    .union([z.literal(""), idSchema])
    .nullish()
    .transform((value) => value || null),
  storyIds: ids(LEARNING_LIMITS.stories),
  domainIds: ids(LEARNING_LIMITS.domains),
});

export const createLearningInput = learningFieldsSchema.extend({
  evaluationId: idSchema,
  kind: z.enum(LEARNING_KINDS, { error: "invalid" }),
});
export const updateLearningInput = learningFieldsSchema.extend({
  evaluationId: idSchema,
  learningId: idSchema,
  expectedVersion: version,
});
export const learningVersionInput = z.object({
  evaluationId: idSchema,
  learningId: idSchema,
  expectedVersion: version,
});
export const reorderLearningsInput = z.object({
  evaluationId: idSchema,
  kind: z.enum(LEARNING_KINDS, { error: "invalid" }),
  order: z.array(idSchema).max(LEARNING_LIMITS.list),
  /** The order the person saw: a reorder made on a list that changed since is refused. */
  seenOrder: z.array(idSchema).max(LEARNING_LIMITS.list),
});

export type LearningText = z.output<typeof learningTextSchema>;
export type LearningFields = z.output<typeof learningFieldsSchema>;
export type CreateLearningInput = z.output<typeof createLearningInput>;
export type UpdateLearningInput = z.output<typeof updateLearningInput>;
export type LearningVersionInput = z.output<typeof learningVersionInput>;
export type ReorderLearningsInput = z.output<typeof reorderLearningsInput>;
