/**
 * Creating new stories, one or thousands, with the same rows: the story form creates one through
 * here (createStory) and a story import a chunk of a thousand (lib/imports/writers.ts). The rows of
 * every story are built by one function (newStoryRows), then written with one insert per table
 * for the whole call, so an imported story is indistinguishable from a typed one and the two
 * paths cannot drift. Inside the caller's transaction; the caller writes the audit events.
 */
import "server-only";
import { utcMidnight } from "@/lib/core/calendar-day";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertColumns, type Cell, type Column } from "@/lib/core/columnar-insert";
import { refusals } from "@/lib/core/refusal";
import { newRecordId } from "@/lib/imports/record-ids";
import { nextTranslationSources, translatableTexts } from "@/lib/translations/story-sources";
import { checkReferences } from "./children-mutations";
import { loadStorySnapshots } from "./data";
import { storedPeriod } from "./period";
import type { StorySaveRefusal } from "./mutations";
import type { StoryFields } from "./schema";
import type { StorySnapshot } from "./snapshot";
import { storyTextsOf } from "./types";

type Tx = Prisma.TransactionClient;

// New stories are refused for the same reasons as a save (lib/stories/mutations.ts).
const { refuse } = refusals<StorySaveRefusal>();

/** The story's own columns as the form's fields give them (new stories and saves alike). */
export function storyColumns(story: StoryFields) {
  const period = storedPeriod(story.periodPrecision, story.periodFrom, story.periodTo);
  if (!period.ok) throw refuse(period.problem, period.field); // the schema has checked it already
  return {
    ...storyTextsOf(story),
    originalLanguage: story.originalLanguage,
    translationLanguage: story.translationLanguage,
    translatedById: story.translatedById,
    collectedById: story.collectedById,
    changeType: story.changeType,
    periodPrecision: story.periodPrecision,
    periodFrom: utcMidnight(period.from),
    periodTo: utcMidnight(period.to),
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
  // Every child row has an id of its own, chosen here too.
  const child = () => ({ id: newRecordId(), evaluationId, storyId });
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
    figures: story.figures.map((figure, index) => ({
      ...child(),
      ...figureColumns(figure, index),
    })),
    places: unique(story.placeIds).map((placeId) => ({ ...child(), placeId })),
    sectors: unique(story.sectorIds).map((sectorId) => ({ ...child(), sectorId })),
    priorityTags: unique(story.priorityTagIds).map((priorityTagId) => ({
      ...child(),
      priorityTagId,
    })),
    storytellers: unique(story.storytellerIds).map((respondentId) => ({
      ...child(),
      respondentId,
    })),
    atRiskGroups: story.atRiskGroups.map((row) => ({
      ...child(),
      groupId: row.groupId,
      note: row.note,
    })),
    contributions: story.contributions.map((row) => ({
      ...child(),
      projectId: row.projectId,
      howContributed: row.howContributed,
      howContributedTranslation: row.howContributedTranslation,
    })),
    sources: story.sources.map((source) => ({
      ...child(),
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

type Rows = NewStoryRows;
type Child = { id?: string; evaluationId: string; storyId: string };

/**
 * The SQL type of every field a row builder gives (a Record over all of them, so a field added to
 * newStoryRows without its column here does not compile); SQL names are the fields' in snake case.
 */
function columnsOf<Row>(types: Record<keyof Row & string, string>): Array<Column<Row>> {
  return Object.entries(types).map(([field, type]) => ({
    name: field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
    type: type as string,
    value: (row: Row) => row[field as keyof Row] as Cell,
  }));
}
const CHILD = { id: "text", evaluationId: "text", storyId: "text" } as const;

const STORY_COLUMNS = columnsOf<Rows["story"]>({
  id: "text",
  evaluationId: "text",
  code: "text",
  codeNumber: "int",
  title: "text",
  titleTranslation: "text",
  whatChanged: "text",
  whatChangedTranslation: "text",
  whySignificant: "text",
  whySignificantTranslation: "text",
  originalLanguage: "text",
  translationLanguage: "text",
  translatedById: "text",
  collectedById: "text",
  changeType: "change_type",
  periodPrecision: "date_precision",
  periodFrom: "date",
  periodTo: "date",
  contributionNarrative: "text",
  contributionNarrativeTranslation: "text",
  sustainabilityAssessment: "text",
  sustainabilityAssessmentTranslation: "text",
  sustainabilityConditions: "text",
  sustainabilityConditionsTranslation: "text",
  sustainabilityRisks: "text",
  sustainabilityRisksTranslation: "text",
  authorId: "text",
  stage: "story_stage",
  stageChangedAt: "timestamp(3)",
  version: "int",
});

const FIGURE_COLUMNS = columnsOf<Rows["figures"][number]>({
  ...CHILD,
  position: "int",
  label: "text",
  labelTranslation: "text",
  qualifier: "figure_qualifier",
  value: "numeric",
  valueMax: "numeric",
  unit: "text",
  unitTranslation: "text",
});

const REVISION_COLUMNS = columnsOf<{
  id: string;
  evaluationId: string;
  storyId: string;
  version: number;
  snapshot: string;
  editedById: string;
}>({ ...CHILD, version: "int", snapshot: "jsonb", editedById: "text" });

type Table<Row> = { table: string; columns: Array<Column<Row>> };
const CHILDREN: { [K in Exclude<keyof Rows, "story" | "figures">]: Table<Rows[K][number]> } = {
  places: { table: "story_place", columns: columnsOf({ ...CHILD, placeId: "text" }) },
  sectors: { table: "story_sector", columns: columnsOf({ ...CHILD, sectorId: "text" }) },
  priorityTags: { table: "story_priority_tag", columns: columnsOf({ ...CHILD, priorityTagId: "text" }) },
  storytellers: { table: "story_teller", columns: columnsOf({ ...CHILD, respondentId: "text" }) },
  atRiskGroups: { table: "story_at_risk_group", columns: columnsOf({ ...CHILD, groupId: "text", note: "text" }) },
  contributions: {
    table: "story_contribution",
    columns: columnsOf({ ...CHILD, projectId: "text", howContributed: "text", howContributedTranslation: "text" }),
  },
  sources: {
    table: "story_source",
    columns: columnsOf({ ...CHILD, interviewId: "text", focusGroupId: "text", excerptId: "text" }),
  },
};

/** One insert per table for all the stories given, in the order of the foreign keys; an empty list costs nothing. */
async function insertRows(tx: Tx, rows: Rows[]): Promise<void> {
  await insertColumns(
    tx,
    "change_story",
    STORY_COLUMNS,
    rows.map((row) => row.story),
  );
  await insertColumns(
    tx,
    "story_figure",
    FIGURE_COLUMNS,
    rows.flatMap((row) => row.figures),
  );
  for (const [key, { table, columns }] of Object.entries(CHILDREN) as Array<[keyof typeof CHILDREN, Table<Child>]>)
    await insertColumns(
      tx,
      table,
      columns,
      rows.flatMap((row) => row[key] as Child[]),
    );
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
  await insertColumns(
    tx,
    "story_revision",
    REVISION_COLUMNS,
    snapshots.map((snapshot, index) => ({
      id: newRecordId(),
      evaluationId,
      storyId: storyIds[index]!,
      version: 1,
      snapshot: JSON.stringify(snapshot),
      editedById: actorId,
    })),
  );
  return snapshots.map((snapshot, index) => ({
    storyId: storyIds[index]!,
    code: rows[index]!.story.code,
    auditAfter: { ...snapshot, stage: "DRAFT" as const, version: 1 as const },
  }));
}
