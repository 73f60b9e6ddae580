/**
 * The story form's values (plain strings and lists, "" for empty), how a stored story becomes
 * them, and how two editors' values are merged field by field after a conflict. Pure.
 */
import type { ChangeType, FigureQualifier } from "@/lib/generated/prisma/enums";
import { writtenNumber, type NumberLocale } from "@/lib/written-number";
import { writtenPeriodValue, type Precision } from "./period";
import type { SourceKind, StoryFieldsInput } from "./schema";
import type { StorySnapshot } from "./snapshot";

export type FigureValues = {
  /** A stable key for the row while editing; the figure's id once stored. */
  key: string;
  id: string;
  label: string;
  labelTranslation: string;
  qualifier: FigureQualifier;
  value: string;
  valueMax: string;
  unit: string;
  /** Optional so rows built before translations existed (tests, merges) still type-check. */
  unitTranslation?: string;
};

export type StoryFormValues = {
  title: string;
  titleTranslation: string;
  whatChanged: string;
  whatChangedTranslation: string;
  whySignificant: string;
  whySignificantTranslation: string;
  originalLanguage: string;
  translationLanguage: string;
  translatedById: string;
  collectedById: string;
  changeType: ChangeType | "";
  periodPrecision: Precision;
  periodFrom: string;
  periodTo: string;
  placeIds: string[];
  sectorIds: string[];
  priorityTagIds: string[];
  atRiskGroups: Array<{ groupId: string; note: string }>;
  figures: FigureValues[];
  contributionNarrative: string;
  contributionNarrativeTranslation: string;
  contributions: Array<{ projectId: string; howContributed: string; howContributedTranslation?: string }>;
  sustainabilityAssessment: string;
  sustainabilityAssessmentTranslation: string;
  sustainabilityConditions: string;
  sustainabilityConditionsTranslation: string;
  sustainabilityRisks: string;
  sustainabilityRisksTranslation: string;
  storytellerIds: string[];
  sources: Array<{ kind: SourceKind; id: string }>;
};

/** The form's values are one of the shapes the schema accepts (`changeType: ""` is refused as "required"). */
export function asSchemaInput(values: StoryFormValues): StoryFieldsInput {
  return values as unknown as StoryFieldsInput;
}

export function emptyStoryValues(originalLanguage = "es"): StoryFormValues {
  return {
    title: "",
    titleTranslation: "",
    whatChanged: "",
    whatChangedTranslation: "",
    whySignificant: "",
    whySignificantTranslation: "",
    originalLanguage,
    translationLanguage: "",
    translatedById: "",
    collectedById: "",
    changeType: "",
    periodPrecision: "YEAR",
    periodFrom: "",
    periodTo: "",
    placeIds: [],
    sectorIds: [],
    priorityTagIds: [],
    atRiskGroups: [],
    figures: [],
    contributionNarrative: "",
    contributionNarrativeTranslation: "",
    contributions: [],
    sustainabilityAssessment: "",
    sustainabilityAssessmentTranslation: "",
    sustainabilityConditions: "",
    sustainabilityConditionsTranslation: "",
    sustainabilityRisks: "",
    sustainabilityRisksTranslation: "",
    storytellerIds: [],
    sources: [],
  };
}

export function toFormValues(snapshot: StorySnapshot): StoryFormValues {
  const text = (value: string | null) => value ?? "";
  return {
    title: snapshot.title,
    titleTranslation: text(snapshot.titleTranslation),
    whatChanged: snapshot.whatChanged,
    whatChangedTranslation: text(snapshot.whatChangedTranslation),
    whySignificant: snapshot.whySignificant,
    whySignificantTranslation: text(snapshot.whySignificantTranslation),
    originalLanguage: snapshot.originalLanguage,
    translationLanguage: text(snapshot.translationLanguage),
    translatedById: snapshot.translatedBy?.id ?? "",
    collectedById: snapshot.collectedBy?.id ?? "",
    changeType: snapshot.changeType,
    periodPrecision: snapshot.periodPrecision,
    periodFrom: writtenPeriodValue(snapshot.periodPrecision, snapshot.periodFrom),
    periodTo: writtenPeriodValue(snapshot.periodPrecision, snapshot.periodTo),
    placeIds: snapshot.places.map((place) => place.id),
    sectorIds: snapshot.sectors.map((sector) => sector.id),
    priorityTagIds: snapshot.priorityTags.map((tag) => tag.id),
    atRiskGroups: snapshot.atRiskGroups.map((row) => ({ groupId: row.id, note: text(row.note) })),
    figures: snapshot.figures.map((figure) => ({
      key: figure.id,
      id: figure.id,
      label: figure.label,
      labelTranslation: text(figure.labelTranslation),
      qualifier: figure.qualifier,
      value: figure.value,
      valueMax: text(figure.valueMax),
      unit: text(figure.unit),
      unitTranslation: text(figure.unitTranslation),
    })),
    contributionNarrative: text(snapshot.contributionNarrative),
    contributionNarrativeTranslation: text(snapshot.contributionNarrativeTranslation),
    contributions: snapshot.contributions.map((row) => ({
      projectId: row.projectId,
      howContributed: row.howContributed,
      howContributedTranslation: text(row.howContributedTranslation),
    })),
    sustainabilityAssessment: text(snapshot.sustainabilityAssessment),
    sustainabilityAssessmentTranslation: text(snapshot.sustainabilityAssessmentTranslation),
    sustainabilityConditions: text(snapshot.sustainabilityConditions),
    sustainabilityConditionsTranslation: text(snapshot.sustainabilityConditionsTranslation),
    sustainabilityRisks: text(snapshot.sustainabilityRisks),
    sustainabilityRisksTranslation: text(snapshot.sustainabilityRisksTranslation),
    storytellerIds: snapshot.storytellers.map((teller) => teller.respondentId),
    sources: snapshot.sources.map((source) => ({ kind: source.kind, id: source.id })),
  };
}

/**
 * Stored figures ("600000", "1.5") as the editor types numbers in `locale` (12.345 as "12.3450",
 * never the ambiguous "12.345"), so saving unchanged values reads them back exactly (the form
 * sends its locale with them).
 */
export function valuesWrittenIn(values: StoryFormValues, locale: NumberLocale): StoryFormValues {
  return {
    ...values,
    figures: values.figures.map((figure) => ({
      ...figure,
      value: writtenNumber(figure.value, locale),
      valueMax: figure.valueMax ? writtenNumber(figure.valueMax, locale) : "",
    })),
  };
}

// ───────────── Merging after a conflict ─────────────

/** The units an editor chooses between when merging (the period is one unit: precision, from and to together). */
export const MERGE_FIELDS = [
  "title",
  "titleTranslation",
  "whatChanged",
  "whatChangedTranslation",
  "whySignificant",
  "whySignificantTranslation",
  "originalLanguage",
  "translationLanguage",
  "translatedById",
  "collectedById",
  "changeType",
  "period",
  "placeIds",
  "sectorIds",
  "priorityTagIds",
  "atRiskGroups",
  "figures",
  "contributionNarrative",
  "contributionNarrativeTranslation",
  "contributions",
  "sustainabilityAssessment",
  "sustainabilityAssessmentTranslation",
  "sustainabilityConditions",
  "sustainabilityConditionsTranslation",
  "sustainabilityRisks",
  "sustainabilityRisksTranslation",
  "storytellerIds",
  "sources",
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeChoice = "theirs" | "yours";

const PERIOD_KEYS = ["periodPrecision", "periodFrom", "periodTo"] as const;

function pick(values: StoryFormValues, field: MergeField): unknown {
  if (field === "period") return PERIOD_KEYS.map((key) => values[key]);
  // A figure's row key is only for the browser: compare what is saved.
  if (field === "figures") return values.figures.map(({ key: _key, ...figure }) => figure);
  return values[field];
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type MergeRow = { field: MergeField; theirsChanged: boolean; yoursChanged: boolean; suggested: MergeChoice };

/**
 * The fields where the stored version (theirs) and the unsaved one (yours) differ, with who
 * changed each since the version both started from, and a suggestion: keep your change where
 * only you changed it, take theirs where only they did; where both did, yours (the editor decides).
 */
export function mergeRows(base: StoryFormValues, theirs: StoryFormValues, yours: StoryFormValues): MergeRow[] {
  return MERGE_FIELDS.flatMap((field) => {
    const theirsValue = pick(theirs, field);
    const yoursValue = pick(yours, field);
    if (equal(theirsValue, yoursValue)) return [];
    const theirsChanged = !equal(pick(base, field), theirsValue);
    const yoursChanged = !equal(pick(base, field), yoursValue);
    return [{ field, theirsChanged, yoursChanged, suggested: yoursChanged || !theirsChanged ? "yours" : "theirs" }];
  });
}

/** The values to save: theirs, with each field chosen as "yours" taken from yours. */
export function mergeValues(
  theirs: StoryFormValues,
  yours: StoryFormValues,
  choices: Partial<Record<MergeField, MergeChoice>>,
): StoryFormValues {
  const merged: StoryFormValues = structuredClone(theirs);
  for (const field of MERGE_FIELDS) {
    if (choices[field] !== "yours") continue;
    if (field === "period") {
      merged.periodPrecision = yours.periodPrecision;
      merged.periodFrom = yours.periodFrom;
      merged.periodTo = yours.periodTo;
    } else if (field === "figures") {
      // A figure they removed is no longer stored: yours is saved as a new one.
      const stored = new Set(theirs.figures.map((figure) => figure.id).filter(Boolean));
      merged.figures = yours.figures.map((figure) => (stored.has(figure.id) ? { ...figure } : { ...figure, id: "" }));
    } else {
      (merged as Record<string, unknown>)[field] = structuredClone(yours[field]);
    }
  }
  return merged;
}
