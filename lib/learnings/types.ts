/**
 * What the learnings forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
import type { LearningKind as StoredKind, RecommendationAudience } from "@/lib/generated/prisma/enums";

export const LEARNING_KINDS = [
  "KEY_RESULTS_INTRODUCTION",
  "PROGRAMME_OVERVIEW",
  "KEY_LEARNING",
  "AT_RISK_IMPACT",
  "LESSON",
  "RECOMMENDATION",
] as const satisfies readonly StoredKind[];

export type LearningKind = (typeof LEARNING_KINDS)[number];

/** The brief numbers recommendations straight through, by audience in this order. */
export const AUDIENCES = [
  "IMPLEMENTING_PARTNERS",
  "FUNDER",
  "OTHER",
] as const satisfies readonly RecommendationAudience[];

export const LEARNING_LIMITS = {
  title: 300,
  body: 20_000,
  sustainability: 10_000,
  stories: 50,
  domains: 20,
  list: 200,
} as const;

/** Kinds written once per evaluation. */
export const SINGLE_KINDS: ReadonlySet<LearningKind> = new Set(["KEY_RESULTS_INTRODUCTION", "PROGRAMME_OVERVIEW"]);
