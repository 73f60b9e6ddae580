/**
 * Story reads. The evaluation is in every `where`; child rows are loaded through their story,
 * never by their own id alone. Functions that take a `client` run inside a mutation's transaction
 * as well as on their own.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { StoryReadScope } from "./read-scope";
import { storyScopeWhere } from "./scope-sql";
import { buildStorySnapshot, type SnapshotSource, type StorySnapshot } from "./snapshot";
import type { StageFacts } from "./stage-machine";
import { validId } from "@/lib/core/ids";

export type Client = PrismaClient | Prisma.TransactionClient;

/**
 * A story's figures, read on their own: a relation joined into the story's statement travels as
 * JSON, where a value of 20 digits (Decimal(20, 4)) came back as a floating-point number and lost
 * its last digits. Read beside the story, in parallel (decision 0046).
 */
export const storyFigureSelect = {
  id: true,
  position: true,
  label: true,
  labelTranslation: true,
  qualifier: true,
  value: true,
  valueMax: true,
  unit: true,
  unitTranslation: true,
} satisfies Prisma.StoryFigureSelect;

function readFigures(client: Client, evaluationId: string, storyId: string) {
  return client.storyFigure.findMany({
    where: { evaluationId, storyId },
    orderBy: { position: "asc" },
    select: storyFigureSelect,
  });
}

const snapshotSelect = {
  code: true,
  title: true,
  titleTranslation: true,
  whatChanged: true,
  whatChangedTranslation: true,
  whySignificant: true,
  whySignificantTranslation: true,
  originalLanguage: true,
  translationLanguage: true,
  translatedBy: { select: { id: true, name: true } },
  collectedBy: { select: { id: true, name: true } },
  changeType: true,
  periodPrecision: true,
  periodFrom: true,
  periodTo: true,
  contributionNarrative: true,
  sustainabilityAssessment: true,
  sustainabilityConditions: true,
  sustainabilityRisks: true,
  contributionNarrativeTranslation: true,
  sustainabilityAssessmentTranslation: true,
  sustainabilityConditionsTranslation: true,
  sustainabilityRisksTranslation: true,
  translationSources: true,
  places: { select: { place: { select: { id: true, state: true, municipality: true, community: true } } } },
  sectors: { select: { sector: { select: { id: true, nameEn: true, nameEs: true } } } },
  priorityTags: { select: { priorityTag: { select: { id: true, position: true, nameEn: true, nameEs: true } } } },
  atRiskGroups: { select: { note: true, group: { select: { id: true, position: true, nameEn: true, nameEs: true } } } },
  contributions: {
    select: {
      howContributed: true,
      howContributedTranslation: true,
      project: { select: { id: true, acronym: true, name: true } },
    },
  },
  storytellers: { select: { respondent: { select: { id: true, code: true } } } },
  sources: {
    select: {
      interview: { select: { id: true, date: true } },
      focusGroup: { select: { id: true, date: true, topic: true } },
      excerpt: {
        select: {
          id: true,
          interviewId: true,
          focusGroupId: true,
          interview: { select: { date: true } },
          focusGroup: { select: { date: true } },
        },
      },
    },
  },
} satisfies Prisma.ChangeStorySelect;

type SnapshotRow = Prisma.ChangeStoryGetPayload<{ select: typeof snapshotSelect }> & {
  figures: Array<Prisma.StoryFigureGetPayload<{ select: typeof storyFigureSelect }>>;
};

function toSnapshotSource(row: SnapshotRow): SnapshotSource {
  return {
    ...row,
    places: row.places.map(({ place }) => place),
    sectors: row.sectors.map(({ sector }) => sector),
    priorityTags: row.priorityTags.map(({ priorityTag }) => priorityTag),
    atRiskGroups: row.atRiskGroups.map(({ group, note }) => ({ ...group, note })),
    contributions: row.contributions.map(({ howContributed, howContributedTranslation, project }) => ({
      projectId: project.id,
      acronym: project.acronym,
      name: project.name,
      howContributed,
      howContributedTranslation,
    })),
    storytellers: row.storytellers.map(({ respondent }) => ({ respondentId: respondent.id, code: respondent.code })),
    sources: row.sources.flatMap((source): SnapshotSource["sources"] => {
      if (source.interview) return [{ kind: "INTERVIEW", id: source.interview.id, date: source.interview.date }];
      if (source.focusGroup) return [{ kind: "FOCUS_GROUP", ...source.focusGroup }];
      if (source.excerpt) {
        const parent = source.excerpt.interview ?? source.excerpt.focusGroup;
        return [
          {
            kind: "EXCERPT",
            id: source.excerpt.id,
            interviewId: source.excerpt.interviewId,
            focusGroupId: source.excerpt.focusGroupId,
            date: parent!.date,
          },
        ];
      }
      return [];
    }),
  };
}

/** The story as a snapshot (what a revision would store now), or null when it is not in this evaluation. */
export async function loadStorySnapshot(
  client: Client,
  evaluationId: string,
  storyId: string,
): Promise<StorySnapshot | null> {
  if (!validId(evaluationId) || !validId(storyId)) return null;
  const [row, figures] = await Promise.all([
    client.changeStory.findFirst({ where: { id: storyId, evaluationId }, select: snapshotSelect }),
    readFigures(client, evaluationId, storyId),
  ]);
  return row ? buildStorySnapshot(toSnapshotSource({ ...row, figures })) : null;
}

/**
 * Many stories as snapshots, by id (those not in this evaluation are absent): one statement for the
 * stories and one for their figures, whatever their number, for a chunk of imported stories.
 */
export async function loadStorySnapshots(
  client: Client,
  evaluationId: string,
  storyIds: string[],
): Promise<Map<string, StorySnapshot>> {
  const ids = storyIds.filter(validId);
  if (!validId(evaluationId) || ids.length === 0) return new Map();
  const [rows, figures] = await Promise.all([
    client.changeStory.findMany({
      where: { evaluationId, id: { in: ids } },
      select: { ...snapshotSelect, id: true },
    }),
    client.storyFigure.findMany({
      where: { evaluationId, storyId: { in: ids } },
      orderBy: [{ storyId: "asc" }, { position: "asc" }],
      select: { ...storyFigureSelect, storyId: true },
    }),
  ]);
  const figuresOf = new Map<string, SnapshotRow["figures"]>();
  for (const { storyId, ...figure } of figures) {
    const list = figuresOf.get(storyId);
    if (list) list.push(figure);
    else figuresOf.set(storyId, [figure]);
  }
  return new Map(
    rows.map(({ id, ...row }) => [
      id,
      buildStorySnapshot(toSnapshotSource({ ...row, figures: figuresOf.get(id) ?? [] })),
    ]),
  );
}

/**
 * Everything the story page shows, or null (answer 404) also when the story is outside `scope`.
 * With `quotes`, for readers who may see transcripts, also the passages its excerpts quote, read
 * with its sources instead of in a statement of their own; without, they are not read at all.
 */
export async function getStoryDetail(
  evaluationId: string,
  storyId: string,
  scope: StoryReadScope,
  options: { quotes?: boolean } = {},
) {
  if (!validId(evaluationId) || !validId(storyId)) return null;
  const sources = snapshotSelect.sources;
  const [row, figures] = await Promise.all([
    db().changeStory.findFirst({
      where: { id: storyId, evaluationId, ...storyScopeWhere(scope) },
      select: {
        ...snapshotSelect,
        id: true,
        version: true,
        stage: true,
        stageChangedAt: true,
        translatedAt: true,
        contributionRating: true,
        contributionRatingReason: true,
        flaggedSourceDestroyedAt: true,
        createdAt: true,
        updatedAt: true,
        author: { select: { id: true, name: true } },
        ...(options.quotes
          ? {
              sources: {
                select: {
                  ...sources.select,
                  excerpt: { select: { ...sources.select.excerpt.select, quotedText: true } },
                },
              },
            }
          : {}),
      },
    }),
    // Discarded below when the story is outside the scope.
    readFigures(db(), evaluationId, storyId),
  ]);
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    stage: row.stage,
    stageChangedAt: row.stageChangedAt,
    translatedAt: row.translatedAt,
    contributionRating: row.contributionRating,
    contributionRatingReason: row.contributionRatingReason,
    flaggedSourceDestroyedAt: row.flaggedSourceDestroyedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    author: row.author,
    snapshot: buildStorySnapshot(toSnapshotSource({ ...row, figures })),
    /** The quoted passages by excerpt; null unless asked for. */
    excerptQuotes: options.quotes ? quotesOf(row.sources) : null,
  };
}

function quotesOf(sources: Array<{ excerpt: { id: string } | null }>): Map<string, string> {
  const quotes = new Map<string, string>();
  for (const { excerpt } of sources)
    if (excerpt && "quotedText" in excerpt && typeof excerpt.quotedText === "string")
      quotes.set(excerpt.id, excerpt.quotedText);
  return quotes;
}

export type StoryDetail = NonNullable<Awaited<ReturnType<typeof getStoryDetail>>>;

/** The story's heading for the pages around it (timeline, revisions), or null (answer 404) also outside `scope`. */
export async function getStoryHeading(evaluationId: string, storyId: string, scope: StoryReadScope) {
  if (!validId(evaluationId) || !validId(storyId)) return null;
  return db().changeStory.findFirst({
    where: { id: storyId, evaluationId, ...storyScopeWhere(scope) },
    select: { id: true, code: true, title: true },
  });
}

/**
 * What the stage guards look at: storytellers with their newest consent, sources, the current
 * primary domain. Read inside the transition's transaction, after its conditional update has
 * locked the story row, so concurrent edits cannot slip between the check and the move.
 */
export async function loadStageFacts(
  client: Client,
  evaluationId: string,
  storyId: string,
): Promise<StageFacts | null> {
  const row = await client.changeStory.findFirst({
    where: { id: storyId, evaluationId },
    select: {
      flaggedSourceDestroyedAt: true,
      _count: { select: { sources: true } },
      domainAssignments: { where: { kind: "PRIMARY", endedAt: null }, select: { id: true }, take: 1 },
      storytellers: {
        select: {
          respondent: {
            select: {
              code: true,
              excludedAt: true,
              consents: {
                orderBy: [{ givenOn: "desc" }, { createdAt: "desc" }],
                take: 1,
                select: { withdrawnOn: true, scopes: { select: { scope: true, granted: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  return {
    sourceCount: row._count.sources,
    hasCurrentPrimaryDomain: row.domainAssignments.length > 0,
    flaggedSourceDestroyed: row.flaggedSourceDestroyedAt !== null,
    storytellers: row.storytellers
      .map(({ respondent }) => {
        const consent = respondent.consents[0];
        return {
          code: respondent.code,
          excluded: respondent.excludedAt !== null,
          consent: consent
            ? {
                withdrawn: consent.withdrawnOn !== null,
                scopes: Object.fromEntries(consent.scopes.map((s) => [s.scope, s.granted])),
              }
            : null,
        };
      })
      .sort((a, b) => (a.code < b.code ? -1 : 1)),
  };
}

/** The stage facts for the story page (what the next steps still need). */
export async function getStageFacts(evaluationId: string, storyId: string): Promise<StageFacts | null> {
  if (!validId(evaluationId) || !validId(storyId)) return null;
  return loadStageFacts(db(), evaluationId, storyId);
}
