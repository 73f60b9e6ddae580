/**
 * The story revision snapshot: the whole story as saved, stored in `story_revision.snapshot`
 * (JSON) and never changed afterwards. Panels, validation and review point at the exact revision
 * they saw, and the revisions page compares any two, so the shape is documented and versioned.
 *
 * Shape, version 1 (`schemaVersion: 1`) — see docs/decisions/0007-story-revisions-and-path.md:
 * - every scalar field of ChangeStory the author edits, dates as ISO days ("2023-12-31"), empty as null;
 * - child rows with the names and codes needed to show them as they were (a renamed sector still
 *   shows its old name in an old revision): places, sectors, priorityTags, atRiskGroups (id,
 *   position and both names; the at-risk groups migration rewrote older ones, decision 0017), figures
 *   (values as plain decimal strings), contributions (project acronym and name), storytellers
 *   (respondent codes — never identities), sources (kind, id, date; excerpts name their transcript
 *   but do not copy its text, which not every story reader may see);
 * - lists in a stable order, so equal stories give equal snapshots.
 * Added within version 1 (decision 0038), read as null or {} from older revisions: the
 * translations of the contribution, sustainability, contributions' "how", figure units, and
 * `translationSources`, where each translation came from (lib/translations/story-sources.ts).
 * Not in the snapshot: stage and domain assignments (they have their own history), ids of the
 * story itself and the version (they are columns of the revision row).
 * A later shape gets `schemaVersion: 2` and `parseStorySnapshot` learns to read both.
 */
import { isoDay } from "@/lib/core/calendar-day";
import { z } from "zod";
import { CHANGE_TYPES, FIGURE_QUALIFIERS, SOURCE_KINDS } from "./schema";
import { DATE_PRECISIONS } from "./period";
import { storyTextsOf } from "./types";

export const STORY_SNAPSHOT_SCHEMA_VERSION = 1;

type Person = { id: string; name: string };
type DecimalLike = { toString(): string } | string | number;

/** What the builder needs: the story and its child rows as loaded (lib/stories/snapshot-data.ts) or built (seed). */
export type SnapshotSource = {
  code: string;
  title: string;
  titleTranslation: string | null;
  whatChanged: string;
  whatChangedTranslation: string | null;
  whySignificant: string;
  whySignificantTranslation: string | null;
  originalLanguage: string;
  translationLanguage: string | null;
  translatedBy: Person | null;
  collectedBy: Person | null;
  changeType: (typeof CHANGE_TYPES)[number];
  periodPrecision: (typeof DATE_PRECISIONS)[number];
  periodFrom: Date | null;
  periodTo: Date | null;
  contributionNarrative: string | null;
  sustainabilityAssessment: string | null;
  sustainabilityConditions: string | null;
  sustainabilityRisks: string | null;
  contributionNarrativeTranslation?: string | null;
  sustainabilityAssessmentTranslation?: string | null;
  sustainabilityConditionsTranslation?: string | null;
  sustainabilityRisksTranslation?: string | null;
  translationSources?: unknown;
  places: Array<{ id: string; state: string; municipality: string | null; community: string | null }>;
  sectors: Array<{ id: string; nameEn: string; nameEs: string }>;
  priorityTags: Array<{ id: string; position: number; nameEn: string; nameEs: string }>;
  atRiskGroups: Array<{ id: string; position: number; nameEn: string; nameEs: string; note: string | null }>;
  figures: Array<{
    id: string;
    position: number;
    label: string;
    labelTranslation: string | null;
    qualifier: (typeof FIGURE_QUALIFIERS)[number];
    value: DecimalLike;
    valueMax: DecimalLike | null;
    unit: string | null;
    unitTranslation?: string | null;
  }>;
  contributions: Array<{
    projectId: string;
    acronym: string;
    name: string;
    howContributed: string;
    howContributedTranslation?: string | null;
  }>;
  storytellers: Array<{ respondentId: string; code: string }>;
  sources: Array<
    | { kind: "INTERVIEW"; id: string; date: Date }
    | { kind: "FOCUS_GROUP"; id: string; date: Date; topic: string }
    | { kind: "EXCERPT"; id: string; interviewId: string | null; focusGroupId: string | null; date: Date }
  >;
};

const nullableText = z.string().nullable();
/** A field added within version 1: older revisions do not have it. */
const addedText = nullableText.default(null);
export const translationSourcesSchema = z.record(
  z.string(),
  z.object({ from: z.string(), by: z.string().nullable(), at: z.string().nullable() }),
);
export type TranslationSources = z.infer<typeof translationSourcesSchema>;
const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const storySnapshotSchema = z.object({
  schemaVersion: z.literal(STORY_SNAPSHOT_SCHEMA_VERSION),
  code: z.string(),
  title: z.string(),
  titleTranslation: nullableText,
  whatChanged: z.string(),
  whatChangedTranslation: nullableText,
  whySignificant: z.string(),
  whySignificantTranslation: nullableText,
  originalLanguage: z.string(),
  translationLanguage: nullableText,
  translatedBy: person,
  collectedBy: person,
  changeType: z.enum(CHANGE_TYPES),
  periodPrecision: z.enum(DATE_PRECISIONS),
  periodFrom: nullableText,
  periodTo: nullableText,
  places: z.array(z.object({ id: z.string(), state: z.string(), municipality: nullableText, community: nullableText })),
  sectors: z.array(z.object({ id: z.string(), nameEn: z.string(), nameEs: z.string() })),
  priorityTags: z.array(z.object({ id: z.string(), position: z.number(), nameEn: z.string(), nameEs: z.string() })),
  atRiskGroups: z.array(
    z.object({ id: z.string(), position: z.number(), nameEn: z.string(), nameEs: z.string(), note: nullableText }),
  ),
  figures: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      label: z.string(),
      labelTranslation: nullableText,
      qualifier: z.enum(FIGURE_QUALIFIERS),
      value: z.string(),
      valueMax: nullableText,
      unit: nullableText,
      unitTranslation: addedText,
    }),
  ),
  contributionNarrative: nullableText,
  contributionNarrativeTranslation: addedText,
  contributions: z.array(
    z.object({
      projectId: z.string(),
      acronym: z.string(),
      name: z.string(),
      howContributed: z.string(),
      howContributedTranslation: addedText,
    }),
  ),
  sustainabilityAssessment: nullableText,
  sustainabilityAssessmentTranslation: addedText,
  sustainabilityConditions: nullableText,
  sustainabilityConditionsTranslation: addedText,
  sustainabilityRisks: nullableText,
  sustainabilityRisksTranslation: addedText,
  translationSources: translationSourcesSchema.default({}),
  storytellers: z.array(z.object({ respondentId: z.string(), code: z.string() })),
  sources: z.array(
    z.object({
      kind: z.enum(SOURCE_KINDS),
      id: z.string(),
      date: z.string(),
      topic: nullableText,
      interviewId: nullableText,
      focusGroupId: nullableText,
    }),
  ),
});

export type StorySnapshot = z.infer<typeof storySnapshotSchema>;
export type SnapshotSourceItem = StorySnapshot["sources"][number];

/** "24.0000" → "24", "81.50" → "81.5", "-0.5000" → "-0.5". */
export function plainDecimal(value: DecimalLike): string {
  const text = String(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole, fraction = ""] = text.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  return trimmed ? `${whole}.${trimmed}` : whole!;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The stored map in key order (equal stories give equal snapshots); anything malformed reads as none. */
function sortedSources(value: unknown): TranslationSources {
  const parsed = translationSourcesSchema.safeParse(value ?? {});
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).sort(([a], [b]) => byText(a, b)));
}

export function buildStorySnapshot(story: SnapshotSource): StorySnapshot {
  return {
    schemaVersion: STORY_SNAPSHOT_SCHEMA_VERSION,
    code: story.code,
    ...storyTextsOf(story),
    originalLanguage: story.originalLanguage,
    translationLanguage: story.translationLanguage,
    translatedBy: story.translatedBy ? { id: story.translatedBy.id, name: story.translatedBy.name } : null,
    collectedBy: story.collectedBy ? { id: story.collectedBy.id, name: story.collectedBy.name } : null,
    changeType: story.changeType,
    periodPrecision: story.periodPrecision,
    periodFrom: isoDay(story.periodFrom),
    periodTo: isoDay(story.periodTo),
    places: story.places
      .map(({ id, state, municipality, community }) => ({ id, state, municipality, community }))
      .sort((a, b) =>
        byText(
          `${a.state}|${a.municipality ?? ""}|${a.community ?? ""}|${a.id}`,
          `${b.state}|${b.municipality ?? ""}|${b.community ?? ""}|${b.id}`,
        ),
      ),
    sectors: story.sectors
      .map(({ id, nameEn, nameEs }) => ({ id, nameEn, nameEs }))
      .sort((a, b) => byText(a.nameEn + a.id, b.nameEn + b.id)),
    priorityTags: story.priorityTags
      .map(({ id, position, nameEn, nameEs }) => ({ id, position, nameEn, nameEs }))
      .sort((a, b) => a.position - b.position),
    atRiskGroups: story.atRiskGroups
      .map(({ id, position, nameEn, nameEs, note }) => ({ id, position, nameEn, nameEs, note }))
      .sort((a, b) => a.position - b.position),
    figures: story.figures
      .map((figure) => ({
        id: figure.id,
        position: figure.position,
        label: figure.label,
        labelTranslation: figure.labelTranslation,
        qualifier: figure.qualifier,
        value: plainDecimal(figure.value),
        valueMax: figure.valueMax === null ? null : plainDecimal(figure.valueMax),
        unit: figure.unit,
        unitTranslation: figure.unitTranslation ?? null,
      }))
      .sort((a, b) => a.position - b.position),
    contributions: story.contributions
      .map(({ projectId, acronym, name, howContributed, howContributedTranslation }) => ({
        projectId,
        acronym,
        name,
        howContributed,
        howContributedTranslation: howContributedTranslation ?? null,
      }))
      .sort((a, b) => byText(a.acronym + a.projectId, b.acronym + b.projectId)),
    translationSources: sortedSources(story.translationSources),
    storytellers: story.storytellers
      .map(({ respondentId, code }) => ({ respondentId, code }))
      .sort((a, b) => byText(a.code, b.code)),
    sources: story.sources
      .map((source) => ({
        kind: source.kind,
        id: source.id,
        date: isoDay(source.date)!,
        topic: source.kind === "FOCUS_GROUP" ? source.topic : null,
        interviewId: source.kind === "EXCERPT" ? source.interviewId : null,
        focusGroupId: source.kind === "EXCERPT" ? source.focusGroupId : null,
      }))
      .sort((a, b) =>
        byText(
          `${SOURCE_KINDS.indexOf(a.kind)}|${a.date}|${a.id}`,
          `${SOURCE_KINDS.indexOf(b.kind)}|${b.date}|${b.id}`,
        ),
      ),
  };
}

/** A stored snapshot, or null when it is not in a shape this code knows (shown as "cannot be shown"). */
export function parseStorySnapshot(json: unknown): StorySnapshot | null {
  const parsed = storySnapshotSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
