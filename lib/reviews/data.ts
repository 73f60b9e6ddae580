/**
 * What reviewers read: the queue of stories in review and one story, de-identified. Nothing here
 * selects a respondent's identity, respondent ids or transcript text: storytellers appear by code,
 * and the JSON sent to the page is built field by field (tests search it for identities).
 */
import "server-only";
import { db } from "@/lib/db";
import type {
  EvidenceSourceType,
  EvidenceStance,
  EvidenceStrength,
  ReviewDecision,
  ValidationVerdict,
} from "@/lib/generated/prisma/enums";
import type { OutcomeRecord } from "@/lib/brief/outcome-sentence";
import { parseStorySnapshot, type StorySnapshot } from "@/lib/stories/snapshot";
import { validId } from "@/lib/core/ids";
import { sourceDigest } from "@/lib/translations/digest";
import { contributionPath, figurePath, staleTranslationPaths } from "@/lib/translations/story-sources";

/** A text with its translation; `stale` when the text changed after it was translated (decision 0038). */
export type TranslatableText = { source: string; translation: string | null; stale: boolean };

export const QUEUE_PAGE_SIZE = 25;

type VerdictCounts = Partial<Record<ValidationVerdict, number>>;

async function verdictCounts(evaluationId: string, storyIds: string[]): Promise<Map<string, VerdictCounts>> {
  const rows = await db().validationResponse.groupBy({
    by: ["storyId", "verdict"],
    where: { evaluationId, storyId: { in: storyIds } },
    _count: { _all: true },
  });
  const result = new Map<string, VerdictCounts>();
  for (const row of rows) result.set(row.storyId, { ...result.get(row.storyId), [row.verdict]: row._count._all });
  return result;
}

/** Stories in review, oldest first, one page; summaries come from three grouped queries, not one per row. */
export async function getReviewQueue(evaluationId: string, page = 1) {
  if (!validId(evaluationId)) return { rows: [], total: 0, pages: 1 };
  const where = { evaluationId, stage: "IN_REVIEW" as const };
  const [stories, total] = await Promise.all([
    db().changeStory.findMany({
      where,
      orderBy: [{ stageChangedAt: "asc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: { id: true, code: true, title: true, titleTranslation: true, stageChangedAt: true },
    }),
    db().changeStory.count({ where }),
  ]);
  const ids = stories.map((story) => story.id);
  const [evidence, verdicts, reasons] = await Promise.all([
    db().evidenceItem.groupBy({
      by: ["storyId"],
      where: { evaluationId, storyId: { in: ids } },
      _count: { _all: true },
    }),
    verdictCounts(evaluationId, ids),
    db().selectedStory.groupBy({
      by: ["storyId"],
      where: { evaluationId, storyId: { in: ids } },
      _count: { _all: true },
    }),
  ]);
  const evidenceBy = new Map(evidence.map((row) => [row.storyId, row._count._all]));
  const reasonsBy = new Map(reasons.map((row) => [row.storyId, row._count._all]));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    rows: stories.map((story) => ({
      id: story.id,
      code: story.code,
      title: story.title,
      titleTranslation: story.titleTranslation,
      since: story.stageChangedAt,
      evidence: evidenceBy.get(story.id) ?? 0,
      verdicts: verdicts.get(story.id) ?? {},
      reasons: reasonsBy.get(story.id) ?? 0,
    })),
  };
}

/** The snapshot fields a reviewer reads; storytellers by code only, no respondent or source ids. */
export function deidentifiedStory(snapshot: StorySnapshot) {
  const stale = staleTranslationPaths(snapshot);
  // A stale translation is no translation: the sentence builder then prints its marker.
  const current = (path: string, translation: string | null | undefined) =>
    translation && !stale.has(path) ? translation : null;
  const text = (path: string, source: string | null, translation: string | null): TranslatableText | null =>
    source ? { source, translation, stale: stale.has(path) } : null;
  return {
    /** The story's own languages: its texts are in the first, their translations in the second. */
    languages: { source: snapshot.originalLanguage, translation: snapshot.translationLanguage },
    texts: {
      whatChanged: text("whatChanged", snapshot.whatChanged, snapshot.whatChangedTranslation),
      whySignificant: text("whySignificant", snapshot.whySignificant, snapshot.whySignificantTranslation),
      contributionNarrative: text(
        "contributionNarrative",
        snapshot.contributionNarrative,
        snapshot.contributionNarrativeTranslation,
      ),
      sustainabilityAssessment: text(
        "sustainabilityAssessment",
        snapshot.sustainabilityAssessment,
        snapshot.sustainabilityAssessmentTranslation,
      ),
      sustainabilityConditions: text(
        "sustainabilityConditions",
        snapshot.sustainabilityConditions,
        snapshot.sustainabilityConditionsTranslation,
      ),
      sustainabilityRisks: text(
        "sustainabilityRisks",
        snapshot.sustainabilityRisks,
        snapshot.sustainabilityRisksTranslation,
      ),
    },
    contributionTexts: snapshot.contributions.map((c) => ({
      acronym: c.acronym,
      how: {
        source: c.howContributed,
        translation: c.howContributedTranslation,
        stale: stale.has(contributionPath(c.projectId)),
      } satisfies TranslatableText,
    })),
    code: snapshot.code,
    title: snapshot.title,
    titleTranslation: snapshot.titleTranslation,
    whatChanged: snapshot.whatChanged,
    whatChangedTranslation: snapshot.whatChangedTranslation,
    whySignificant: snapshot.whySignificant,
    whySignificantTranslation: snapshot.whySignificantTranslation,
    changeType: snapshot.changeType,
    periodPrecision: snapshot.periodPrecision,
    periodFrom: snapshot.periodFrom,
    periodTo: snapshot.periodTo,
    places: snapshot.places.map((place) => [place.municipality, place.state].filter(Boolean).join(", ")),
    figures: snapshot.figures.map((figure) => ({
      label: figure.label,
      labelTranslation: figure.labelTranslation,
      value: figure.value,
      valueMax: figure.valueMax,
      unit: figure.unit,
    })),
    contributionNarrative: snapshot.contributionNarrative,
    contributions: snapshot.contributions.map((c) => ({
      acronym: c.acronym,
      name: c.name,
      howContributed: c.howContributed,
    })),
    priorityTags: snapshot.priorityTags.map(({ nameEn, nameEs }) => ({ nameEn, nameEs })),
    atRiskGroups: snapshot.atRiskGroups.map(({ nameEn, nameEs }) => ({ nameEn, nameEs })),
    sustainabilityAssessment: snapshot.sustainabilityAssessment,
    storytellers: snapshot.storytellers.map((teller) => teller.code),
    /** What the shared sentence builder needs, so the reviewer reads the outcome as the brief will state it. */
    outcome: {
      changeType: snapshot.changeType,
      originalLanguage: snapshot.originalLanguage,
      translationLanguage: snapshot.translationLanguage,
      title: snapshot.title,
      titleTranslation: current("title", snapshot.titleTranslation),
      places: snapshot.places.map(({ state, municipality, community }) => ({ state, municipality, community })),
      sectors: snapshot.sectors.map(({ nameEn, nameEs }) => ({ nameEn, nameEs })),
      figures: snapshot.figures.map(
        ({ id, label, labelTranslation, qualifier, value, valueMax, unit, unitTranslation }) => ({
          label,
          labelTranslation: current(figurePath(id, "label"), labelTranslation),
          qualifier,
          value,
          valueMax,
          unit,
          unitTranslation: current(figurePath(id, "unit"), unitTranslation),
        }),
      ),
      periodPrecision: snapshot.periodPrecision,
      periodFrom: snapshot.periodFrom,
      periodTo: snapshot.periodTo,
    } satisfies OutcomeRecord,
  };
}

export type ReviewStory = {
  id: string;
  stage: string;
  revision: { id: string; version: number };
  story: ReturnType<typeof deidentifiedStory>;
  evidence: Array<{
    id: string;
    sourceType: EvidenceSourceType;
    citation: string;
    whatItShows: string;
    summary: TranslatableText;
    stance: EvidenceStance;
    strength: EvidenceStrength;
  }>;
  verdicts: VerdictCounts;
  reasons: string[];
  /** The panel's reasons with their translations (reasons are never edited, so never stale). */
  reasonTexts: TranslatableText[];
  reviews: Array<{ id: string; decision: ReviewDecision; comment: string; createdAt: Date; revisionVersion: number }>;
};

/**
 * One story as its reviewer reads it: the current revision, its evidence, validation and selection
 * reasons. Only a story sent to the funder's review (waiting, approved, or reviewed before) is
 * found: a reviewer who guesses another story's address must learn nothing of a draft.
 */
export async function getReviewStory(evaluationId: string, storyId: string): Promise<ReviewStory | null> {
  if (!validId(evaluationId) || !validId(storyId)) return null;
  const story = await db().changeStory.findFirst({
    where: { id: storyId, evaluationId, OR: [{ stage: { in: ["IN_REVIEW", "APPROVED"] } }, { reviews: { some: {} } }] },
    select: { id: true, stage: true, version: true },
  });
  if (!story) return null;
  const [revision, evidence, verdicts, reasons, reviews] = await Promise.all([
    db().storyRevision.findFirst({
      where: { evaluationId, storyId, version: story.version },
      select: { id: true, version: true, snapshot: true },
    }),
    db().evidenceItem.findMany({
      where: { evaluationId, storyId },
      orderBy: [{ sourceType: "asc" }, { createdAt: "asc" }],
      take: 200,
      select: {
        id: true,
        sourceType: true,
        citation: true,
        whatItShows: true,
        whatItShowsTranslation: true,
        translatedFrom: true,
        stance: true,
        strength: true,
      },
    }),
    verdictCounts(evaluationId, [storyId]),
    db().selectedStory.findMany({
      where: { evaluationId, storyId },
      orderBy: { createdAt: "asc" },
      select: { reason: true, reasonTranslation: true },
    }),
    db().review.findMany({
      where: { evaluationId, storyId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        decision: true,
        comment: true,
        createdAt: true,
        storyRevision: { select: { version: true } },
      },
    }),
  ]);
  const snapshot = revision ? parseStorySnapshot(revision.snapshot) : null;
  if (!revision || !snapshot) return null;
  return {
    id: story.id,
    stage: story.stage,
    revision: { id: revision.id, version: revision.version },
    story: deidentifiedStory(snapshot),
    evidence: evidence.map(({ whatItShowsTranslation, translatedFrom, ...item }) => ({
      ...item,
      summary: {
        source: item.whatItShows,
        translation: whatItShowsTranslation,
        stale: Boolean(whatItShowsTranslation && translatedFrom && translatedFrom !== sourceDigest(item.whatItShows)),
      },
    })),
    verdicts: verdicts.get(storyId) ?? {},
    reasons: reasons.map((row) => row.reason),
    reasonTexts: reasons.map((row) => ({ source: row.reason, translation: row.reasonTranslation, stale: false })),
    reviews: reviews.map(({ storyRevision, ...review }) => ({ ...review, revisionVersion: storyRevision.version })),
  };
}
