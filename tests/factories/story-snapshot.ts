/**
 * What the snapshot builder reads for a story (lib/stories/snapshot.ts): a plain story, told by
 * R-0001, with nothing else, for the unit tests of snapshots, diffs and translations. Pure data:
 * unit tests import it without a database.
 */
import type { SnapshotSource } from "@/lib/stories/snapshot";

export function snapshotSource(overrides: Partial<SnapshotSource> = {}): SnapshotSource {
  return {
    code: "CS-0001",
    title: "Título",
    titleTranslation: null,
    whatChanged: "Las trabajadoras votaron.",
    whatChangedTranslation: null,
    whySignificant: "Porque sí.",
    whySignificantTranslation: null,
    originalLanguage: "es",
    translationLanguage: null,
    translatedBy: null,
    collectedBy: null,
    changeType: "POSITIVE",
    periodPrecision: "YEAR",
    periodFrom: new Date("2022-01-01T00:00:00Z"),
    periodTo: null,
    contributionNarrative: null,
    sustainabilityAssessment: null,
    sustainabilityConditions: null,
    sustainabilityRisks: null,
    places: [],
    sectors: [],
    priorityTags: [],
    atRiskGroups: [],
    figures: [],
    contributions: [],
    storytellers: [{ respondentId: "r1", code: "R-0001" }],
    sources: [],
    ...overrides,
  };
}
