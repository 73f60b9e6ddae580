/**
 * What the triangulation forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
import type {
  ContributionRating,
  EvidenceSourceType,
  EvidenceStance,
  EvidenceStrength,
} from "@/lib/generated/prisma/enums";

export const SOURCE_TYPES = [
  "QUANTITATIVE_DATASET",
  "ADMINISTRATIVE_RECORD",
  "DOCUMENT",
  "MEDIA",
  "OTHER_INTERVIEW",
  "SITE_OBSERVATION",
  "OTHER",
] as const satisfies readonly EvidenceSourceType[];

export const STANCES = ["SUPPORTS", "CONTRADICTS", "MIXED"] as const satisfies readonly EvidenceStance[];

export const STRENGTHS = ["WEAK", "MODERATE", "STRONG"] as const satisfies readonly EvidenceStrength[];

export const TRIANGULATION_LIMITS = { citation: 1_000, text: 5_000, note: 2_000 } as const;

export const CONTRIBUTION_RATINGS = [
  "NONE",
  "LOW",
  "MODERATE",
  "HIGH",
] as const satisfies readonly ContributionRating[];
