/**
 * What the stories forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
import type { ChangeType, ConsentScopeKind, FigureQualifier } from "@/lib/generated/prisma/enums";

export const LIMITS = {
  title: 300,
  longText: 20_000,
  mediumText: 5_000,
  label: 200,
  unit: 40,
  rationale: 2_000,
  figures: 30,
  contributions: 40,
  places: 100,
  sectors: 50,
  priorityTags: 50,
  atRiskGroups: 50,
  storytellers: 50,
  sources: 100,
  note: 500,
} as const;

export const FIGURE_QUALIFIERS = [
  "EXACT",
  "APPROXIMATELY",
  "MORE_THAN",
  "LESS_THAN",
  "AT_LEAST",
  "UP_TO",
  "RANGE",
] as const satisfies readonly FigureQualifier[];

export const CHANGE_TYPES = ["POSITIVE", "NEGATIVE", "NO_CHANGE"] as const satisfies readonly ChangeType[];

/** The consent scopes a storyteller must have granted before the story leaves draft. */
export const STORYTELLER_SCOPES = ["INTERVIEW", "ANONYMOUS_QUOTATION"] as const satisfies readonly ConsentScopeKind[];
