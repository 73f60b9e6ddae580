/**
 * What the stories forms and pages share with the schema, without zod: limits and option lists.
 * Client components import these from here (schema.ts re-exports them), so the browser never
 * downloads zod for a constant (decision 0034).
 */
import type { ChangeType, ConsentScopeKind, FigureQualifier, StoryStage } from "@/lib/generated/prisma/enums";

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

/**
 * The steps a story stands at once a panel has selected it, in the path's order. RETURNED is one:
 * only a selected story is validated or reviewed, so only a selected story comes back for changes.
 * A story dropped after validation (NOT_VALIDATED) is not: it has left the path (decision 0042).
 */
export const SELECTED_ONWARD_STAGES = [
  "SELECTED",
  "IN_TRIANGULATION",
  "TRIANGULATED",
  "IN_VALIDATION",
  "VALIDATED",
  "IN_REVIEW",
  "APPROVED",
  "RETURNED",
] as const satisfies readonly StoryStage[];

/**
 * The story's translatable texts, each beside the field of its translation, in the form's order.
 * The revisions page compares them and the translations track their sources by them
 * (lib/translations/story-sources.ts): a new text joins both here.
 */
export const STORY_TEXTS = [
  ["title", "titleTranslation"],
  ["whatChanged", "whatChangedTranslation"],
  ["whySignificant", "whySignificantTranslation"],
  ["contributionNarrative", "contributionNarrativeTranslation"],
  ["sustainabilityAssessment", "sustainabilityAssessmentTranslation"],
  ["sustainabilityConditions", "sustainabilityConditionsTranslation"],
  ["sustainabilityRisks", "sustainabilityRisksTranslation"],
] as const;

type StoryText = (typeof STORY_TEXTS)[number][0];
export type StoryTranslation = (typeof STORY_TEXTS)[number][1];

/**
 * The texts and their translations copied from a story, a translation not given as null: what the
 * story's columns and its revision snapshot both hold of them.
 */
export function storyTextsOf<
  S extends Record<StoryText, string | null> & Partial<Record<StoryTranslation, string | null>>,
>(story: S): Pick<S, StoryText> & Record<StoryTranslation, string | null> {
  return Object.fromEntries(
    STORY_TEXTS.flatMap(([text, translation]) => [
      [text, story[text]],
      [translation, story[translation] ?? null],
    ]),
  ) as Pick<S, StoryText> & Record<StoryTranslation, string | null>;
}
