/**
 * Creating new stories, one or thousands, with the same rows: the story form creates one through
 * here (createStory) and a story import a chunk of a thousand (lib/imports/writers.ts). The rows of
 * every story are built by one function (newStoryRows), then written with one insert per table
 * for the whole call, so an imported story is indistinguishable from a typed one and the two
 * paths cannot drift. Inside the caller's transaction; the caller writes the audit events.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Refusal } from "@/lib/core/refusal";
import { newRecordId } from "@/lib/imports/record-ids";
import { nextTranslationSources, translatableTexts } from "@/lib/translations/story-sources";
import { checkReferences } from "./children-mutations";
import { loadStorySnapshots } from "./data";
import { storedPeriod } from "./period";
import type { StoryFields } from "./schema";
import type { StorySnapshot } from "./snapshot";

type Tx = Prisma.TransactionClient;

function day(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00.000Z`) : null;
}

/** The story's own columns as the form's fields give them (new stories and saves alike). */
export function storyColumns(story: StoryFields) {
  const period = storedPeriod(story.periodPrecision, story.periodFrom, story.periodTo);
  if (!period.ok) throw new Refusal(period.problem, period.field); // the schema has checked it already
  return {
    title: story.title,
    titleTranslation: story.titleTranslation,
    whatChanged: story.whatChanged,
    whatChangedTranslation: story.whatChangedTranslation,
    whySignificant: story.whySignificant,
    whySignificantTranslation: story.whySignificantTranslation,
    originalLanguage: story.originalLanguage,
    translationLanguage: story.translationLanguage,
    translatedById: story.translatedById,
    collectedById: story.collectedById,
    changeType: story.changeType,
    periodPrecision: story.periodPrecision,
    periodFrom: day(period.from),
    periodTo: day(period.to),
    contributionNarrative: story.contributionNarrative,
    contributionNarrativeTranslation: story.contributionNarrativeTranslation,
    sustainabilityAssessment: story.sustainabilityAssessment,
    sustainabilityAssessmentTranslation: story.sustainabilityAssessmentTranslation,
    sustainabilityConditions: story.sustainabilityConditions,
    sustainabilityConditionsTranslation: story.sustainabilityConditionsTranslation,
    sustainabilityRisks: story.sustainabilityRisks,
    sustainabilityRisksTranslation: story.sustainabilityRisksTranslation,
  };
}

type FigureFields = StoryFields["figures"][number];

/** A figure's stored columns at its place in the form's order (positions count from 1). */
export function figureColumns(figure: FigureFields, index: number) {
  return {
    position: index + 1,
    label: figure.label,
    labelTranslation: figure.labelTranslation,
    qualifier: figure.qualifier,
    value: figure.value,
    valueMax: figure.valueMax,
    unit: figure.unit,
    unitTranslation: figure.unitTranslation,
  };
}

export function storyCodeOf(codeNumber: number): string {
  return `CS-${String(codeNumber).padStart(4, "0")}`;
}

/** Every row a new draft story is made of, its ids chosen here so one insert per table takes a whole chunk. */
export type NewStoryRows = ReturnType<typeof newStoryRows>;

export function newStoryRows(input: {
  evaluationId: string;
  actorId: string;
  story: StoryFields;
  codeNumber: number;
  now: Date;
}) {
  const { evaluationId, story, now } = input;
  const storyId = newRecordId();
  const base = { evaluationId, storyId };
  const unique = (ids: string[]) => [...new Set(ids)];
  return {
    story: {
      id: storyId,
      ...storyColumns(story),
      evaluationId,
      codeNumber: input.codeNumber,
      code: storyCodeOf(input.codeNumber),
      authorId: input.actorId,
      stage: "DRAFT",
      stageChangedAt: now,
      version: 1,
    } satisfies Prisma.ChangeStoryCreateManyInput,
    figures: story.figures.map((figure, index): Prisma.StoryFigureCreateManyInput => ({
      id: newRecordId(),
      ...base,
      ...figureColumns(figure, index),
    })),
    places: unique(story.placeIds).map((placeId): Prisma.StoryPlaceCreateManyInput => ({ ...base, placeId })),
    sectors: unique(story.sectorIds).map((sectorId): Prisma.StorySectorCreateManyInput => ({ ...base, sectorId })),
    priorityTags: unique(story.priorityTagIds).map((priorityTagId): Prisma.StoryPriorityTagCreateManyInput => ({
      ...base,
      priorityTagId,
    })),
    storytellers: unique(story.storytellerIds).map((respondentId): Prisma.StoryTellerCreateManyInput => ({
      ...base,
      respondentId,
    })),
    atRiskGroups: story.atRiskGroups.map((row): Prisma.StoryAtRiskGroupCreateManyInput => ({
      ...base,
      groupId: row.groupId,
      note: row.note,
    })),
    contributions: story.contributions.map((row): Prisma.StoryContributionCreateManyInput => ({
      ...base,
      projectId: row.projectId,
      howContributed: row.howContributed,
      howContributedTranslation: row.howContributedTranslation,
    })),
    sources: story.sources.map((source): Prisma.StorySourceCreateManyInput => ({
      ...base,
      interviewId: source.kind === "INTERVIEW" ? source.id : null,
      focusGroupId: source.kind === "FOCUS_GROUP" ? source.id : null,
      excerptId: source.kind === "EXCERPT" ? source.id : null,
    })),
  };
}

/** The next free code number, under a per-evaluation lock all creators share (held to the end of the transaction). */
export async function nextCodeNumber(tx: Tx, evaluationId: string): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`story-code:${evaluationId}`}, 0))`;
  const last = await tx.changeStory.aggregate({ where: { evaluationId }, _max: { codeNumber: true } });
  return (last._max.codeNumber ?? 0) + 1;
}

async function insertRows(tx: Tx, rows: NewStoryRows[]): Promise<void> {
  // In the order of the foreign keys; an empty list costs no statement.
  await tx.changeStory.createMany({ data: rows.map((row) => row.story) });
  const figures = rows.flatMap((row) => row.figures);
  if (figures.length) await tx.storyFigure.createMany({ data: figures });
  const places = rows.flatMap((row) => row.places);
  if (places.length) await tx.storyPlace.createMany({ data: places });
  const sectors = rows.flatMap((row) => row.sectors);
  if (sectors.length) await tx.storySector.createMany({ data: sectors });
  const priorityTags = rows.flatMap((row) => row.priorityTags);
  if (priorityTags.length) await tx.storyPriorityTag.createMany({ data: priorityTags });
  const storytellers = rows.flatMap((row) => row.storytellers);
  if (storytellers.length) await tx.storyTeller.createMany({ data: storytellers });
  const atRiskGroups = rows.flatMap((row) => row.atRiskGroups);
  if (atRiskGroups.length) await tx.storyAtRiskGroup.createMany({ data: atRiskGroups });
  const contributions = rows.flatMap((row) => row.contributions);
  if (contributions.length) await tx.storyContribution.createMany({ data: contributions });
  const sources = rows.flatMap((row) => row.sources);
  if (sources.length) await tx.storySource.createMany({ data: sources });
}

/**
 * Where each translation came from (lib/translations/story-sources.ts) and when it was made, for
 * the stories just written (their figures have ids only then), in one statement.
 */
async function recordTranslationSources(
  tx: Tx,
  evaluationId: string,
  written: StorySnapshot[],
  storyIds: string[],
  now: Date,
): Promise<StorySnapshot[]> {
  const stored = written.map((snapshot) => ({
    ...snapshot,
    translationSources: nextTranslationSources(null, snapshot, now),
  }));
  const translated = written.map((snapshot) => translatableTexts(snapshot).some((text) => text.translation?.trim()));
  // timestamp(3) without time zone holds UTC, as Prisma writes it.
  const at = now.toISOString().replace("T", " ").replace("Z", "");
  await tx.$executeRaw`
    UPDATE change_story AS s
    SET translation_sources = u.sources::jsonb, translated_at = CASE WHEN u.translated THEN ${at}::timestamp(3) END
    FROM unnest(${storyIds}::text[], ${stored.map((snapshot) => JSON.stringify(snapshot.translationSources))}::text[], ${translated}::boolean[])
      AS u(id, sources, translated)
    WHERE s.evaluation_id = ${evaluationId} AND s.id = u.id`;
  return stored;
}

export type CreatedStory = {
  storyId: string;
  code: string;
  /** What the story's "story.create" audit event records. */
  auditAfter: StorySnapshot & { stage: "DRAFT"; version: 1 };
};

/**
 * Writes new draft stories with their child rows, translation sources and first revisions, and
 * returns what each one's "story.create" event records, in the order given. References are checked
 * first (a refusal names the field of the first story at fault); codes follow on from the
 * evaluation's last, without gaps, under the lock creators share.
 */
export async function insertStories(
  tx: Tx,
  input: { actorId: string; evaluationId: string; stories: StoryFields[] },
): Promise<CreatedStory[]> {
  const { actorId, evaluationId, stories } = input;
  if (stories.length === 0) return [];
  await checkReferences(
    tx,
    evaluationId,
    stories.map((story) => ({ story, storyId: null })),
  );
  const first = await nextCodeNumber(tx, evaluationId);
  const now = new Date();
  const rows = stories.map((story, index) =>
    newStoryRows({ evaluationId, actorId, story, codeNumber: first + index, now }),
  );
  await insertRows(tx, rows);
  const storyIds = rows.map((row) => row.story.id);
  const read = await loadStorySnapshots(tx, evaluationId, storyIds);
  const written = storyIds.map((id) => {
    const snapshot = read.get(id);
    if (!snapshot) throw new Error("a new story vanished inside its own transaction");
    return snapshot;
  });
  const snapshots = await recordTranslationSources(tx, evaluationId, written, storyIds, now);
  await tx.storyRevision.createMany({
    data: snapshots.map((snapshot, index) => ({
      evaluationId,
      storyId: storyIds[index]!,
      version: 1,
      snapshot: snapshot as Prisma.InputJsonObject,
      editedById: actorId,
    })),
  });
  return snapshots.map((snapshot, index) => ({
    storyId: storyIds[index]!,
    code: rows[index]!.story.code,
    auditAfter: { ...snapshot, stage: "DRAFT" as const, version: 1 as const },
  }));
}
