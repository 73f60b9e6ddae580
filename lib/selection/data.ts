/**
 * Selection reads. The evaluation is in every `where`; rounds are loaded through (evaluationId, id)
 * and what a panelist may see is decided by lib/selection/policy.ts on the rows loaded here.
 */
import "server-only";
import { isoDay } from "@/lib/core/calendar-day";
import { db } from "@/lib/db";
import { placeLabel } from "@/lib/fieldwork/data";
import { storyFigureSelect } from "@/lib/stories/data";
import { ROUND_STATUSES_SEEN_BY_PANEL } from "@/lib/stories/read-scope";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { conflictOfInterest, type ConflictReason } from "./policy";
import { computeTally, type Tally } from "./tally";
import { validId } from "@/lib/core/ids";

export type Client = PrismaClient | Prisma.TransactionClient;

export type StoryTieRow = { story_id: string; wrote: boolean; collected: boolean };

/**
 * How a person is tied to each of these stories, as SQL (so a ballot can read it in the statement
 * that locks its round): wrote or edited it, or collected it, interviewed or facilitated one of its
 * sources, directly or through an excerpt. Only stories with a tie are returned.
 */
export function storyTiesSql(evaluationId: string, userId: string, storyIds: readonly string[]) {
  return Prisma.sql`
    SELECT id AS story_id, wrote, collected FROM (
      SELECT s.id,
             (s.author_id = ${userId} OR EXISTS (
                SELECT 1 FROM story_revision r WHERE r.evaluation_id = s.evaluation_id AND r.story_id = s.id AND r.edited_by_id = ${userId})) AS wrote,
             (s.collected_by_id IS NOT DISTINCT FROM ${userId} OR EXISTS (
                SELECT 1 FROM story_source src
                  LEFT JOIN transcript_excerpt x ON x.id = src.excerpt_id AND x.evaluation_id = src.evaluation_id
                 WHERE src.evaluation_id = s.evaluation_id AND src.story_id = s.id
                   AND (EXISTS (SELECT 1 FROM interview_interviewer ii WHERE ii.interview_id = COALESCE(src.interview_id, x.interview_id) AND ii.user_id = ${userId})
                     OR EXISTS (SELECT 1 FROM focus_group_facilitator f WHERE f.focus_group_id = COALESCE(src.focus_group_id, x.focus_group_id) AND f.user_id = ${userId})))) AS collected
        FROM change_story s
       WHERE s.evaluation_id = ${evaluationId} AND s.id IN (${Prisma.join(storyIds.length ? [...storyIds] : [""])})) ties
     WHERE wrote OR collected`;
}

/** The conflict-of-interest policy (lib/selection/policy.ts) applied to the ties found. */
export function conflictsOf(rows: readonly StoryTieRow[]): Map<string, ConflictReason> {
  const conflicts = new Map<string, ConflictReason>();
  for (const row of rows) {
    const reason = conflictOfInterest(row);
    if (reason) conflicts.set(row.story_id, reason);
  }
  return conflicts;
}

/** Which of these stories the person may not vote on, and why (WROTE or COLLECTED). */
export async function loadConflicts(
  client: Client,
  evaluationId: string,
  userId: string,
  storyIds: readonly string[],
): Promise<Map<string, ConflictReason>> {
  if (storyIds.length === 0) return new Map();
  return conflictsOf(await client.$queryRaw<StoryTieRow[]>(storyTiesSql(evaluationId, userId, storyIds)));
}

/** The rounds this person may see: all of them for leads, the opened rounds of their panels for panelists (canSeeRound). */
export async function listRounds(evaluationId: string, viewer: { userId: string; manages: boolean }) {
  if (!validId(evaluationId)) return [];
  return db().selectionRound.findMany({
    where: {
      evaluationId,
      ...(viewer.manages
        ? {}
        : {
            status: { in: [...ROUND_STATUSES_SEEN_BY_PANEL] },
            panel: { members: { some: { userId: viewer.userId } } },
          }),
    },
    select: {
      id: true,
      name: true,
      status: true,
      method: true,
      deadline: true,
      panel: { select: { name: true, level: true } },
      domain: { select: { nameEn: true, nameEs: true } },
      _count: { select: { candidates: true } },
    },
    orderBy: [{ deadline: "desc" }, { id: "asc" }],
    take: 200,
  });
}

export async function listPanels(evaluationId: string) {
  if (!validId(evaluationId)) return [];
  return db().selectionPanel.findMany({
    where: { evaluationId },
    select: {
      id: true,
      name: true,
      level: true,
      domain: { select: { nameEn: true, nameEs: true } },
      members: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
    orderBy: [{ createdAt: "asc" }],
    take: 200,
  });
}

/** Members who may sit on a panel: those holding the PANELIST role. */
export async function listPanelistOptions(evaluationId: string) {
  if (!validId(evaluationId)) return [];
  const rows = await db().evaluationMember.findMany({
    where: { evaluationId, roles: { has: "PANELIST" } },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
    take: 500,
  });
  return rows.map((row) => row.user);
}

export async function getRound(evaluationId: string, roundId: string) {
  if (!validId(evaluationId) || !validId(roundId)) return null;
  return db().selectionRound.findFirst({
    where: { evaluationId, id: roundId },
    select: {
      id: true,
      name: true,
      status: true,
      method: true,
      scoreScaleMax: true,
      selectCount: true,
      deadline: true,
      opensAt: true,
      closedAt: true,
      resultsHiddenUntilClosed: true,
      lastReminderAt: true,
      version: true,
      panelId: true,
      evaluation: { select: { timeZone: true } },
      panel: {
        select: {
          name: true,
          level: true,
          members: {
            // Whether each member has voted here, counted in the same statement: who voted, never how.
            select: {
              user: {
                select: {
                  id: true,
                  name: true,
                  email: true,
                  _count: { select: { ballots: { where: { evaluationId, roundId } } } },
                },
              },
            },
            orderBy: { createdAt: "asc" },
          },
        },
      },
      domain: { select: { nameEn: true, nameEs: true } },
      candidates: {
        select: {
          story: {
            select: { id: true, code: true, title: true, titleTranslation: true, stage: true, originalLanguage: true },
          },
        },
        orderBy: { story: { codeNumber: "asc" } },
      },
      decision: {
        select: {
          decidedAt: true,
          dissent: true,
          decidedBy: { select: { name: true } },
          selectedStories: { select: { storyId: true, reason: true } },
          feedback: { select: { storyId: true, language: true, text: true } },
        },
      },
    },
  });
}
export type RoundDetail = NonNullable<Awaited<ReturnType<typeof getRound>>>;

/** The panelists who have cast at least one ballot: who voted, never how. */
export async function listVoterIds(evaluationId: string, roundId: string): Promise<Set<string>> {
  const rows = await db().ballot.groupBy({ by: ["panelistId"], where: { evaluationId, roundId } });
  return new Set(rows.map((row) => row.panelistId));
}

export type ReminderRecipient = { id: string; name: string; email: string; locale: "ES" | "EN" };

/**
 * Who a reminder goes to: the round's panel members who have not voted on it, and only while they
 * still are panelists of the evaluation (a member removed or stripped of the role keeps their panel
 * seat row, but is no longer reminded) with an account that is not disabled.
 */
export async function listReminderRecipients(
  client: Client,
  evaluationId: string,
  round: { id: string; panelId: string },
): Promise<ReminderRecipient[]> {
  const rows = await client.panelMember.findMany({
    where: {
      evaluationId,
      panelId: round.panelId,
      user: {
        disabledAt: null,
        memberships: { some: { evaluationId, roles: { has: "PANELIST" } } },
        ballots: { none: { evaluationId, roundId: round.id } },
      },
    },
    select: { user: { select: { id: true, name: true, email: true, locale: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => row.user);
}

export async function listOwnBallots(evaluationId: string, roundId: string, panelistId: string) {
  return db().ballot.findMany({
    where: { evaluationId, roundId, panelistId },
    select: { ...ballotVoteSelect, version: true, updatedAt: true },
  });
}

/** The tally from the stored ballots; callers check lib/selection/policy.ts canSeeResults first. */
export async function loadTally(
  client: Client,
  round: { id: string; method: RoundDetail["method"]; selectCount: number | null },
  evaluationId: string,
  candidateIds: string[],
): Promise<Tally> {
  const ballots = await client.ballot.findMany({
    where: { evaluationId, roundId: round.id },
    select: { storyId: true, panelistId: true, rank: true, score: true, approved: true },
  });
  return computeTally(round.method, candidateIds, ballots, round.selectCount);
}

/** The same reads for a page, outside any transaction (the mutations pass theirs). */
export const pageReads = {
  conflicts: (evaluationId: string, userId: string, storyIds: readonly string[]) =>
    loadConflicts(db(), evaluationId, userId, storyIds),
  reminderRecipients: (evaluationId: string, round: { id: string; panelId: string }) =>
    listReminderRecipients(db(), evaluationId, round),
};

/** A ballot as its panelist cast it: what the tally reads and the close's digest seals (round-mutations.ts). */
export const ballotVoteSelect = {
  storyId: true,
  panelistId: true,
  rank: true,
  score: true,
  approved: true,
  reason: true,
} satisfies Prisma.BallotSelect;

/**
 * Every ballot of the round with its panelist's name, for the tally, the reasons and the reader's
 * own ballots in one read; callers check lib/selection/policy.ts canSeeResults first.
 */
export async function listRoundBallots(evaluationId: string, roundId: string) {
  return db().ballot.findMany({
    where: { evaluationId, roundId },
    select: { ...ballotVoteSelect, panelist: { select: { name: true } } },
    orderBy: [{ storyId: "asc" }, { createdAt: "asc" }],
    take: 5_000,
  });
}

/**
 * Per candidate story, the languages its storytellers speak, most of them first: its feedback goes
 * back in theirs. A story whose storytellers are not recorded has none here.
 */
export async function storytellerLanguages(evaluationId: string, storyIds: string[]): Promise<Map<string, string[]>> {
  const byStory = new Map<string, string[]>();
  if (storyIds.length === 0) return byStory;
  const rows = await db().storyTeller.findMany({
    where: { evaluationId, storyId: { in: storyIds } },
    select: { storyId: true, respondent: { select: { language: true } } },
  });
  const counts = new Map<string, Map<string, number>>();
  for (const { storyId, respondent } of rows) {
    const story = counts.get(storyId) ?? new Map<string, number>();
    story.set(respondent.language, (story.get(respondent.language) ?? 0) + 1);
    counts.set(storyId, story);
  }
  for (const [storyId, languages] of counts)
    byStory.set(
      storyId,
      [...languages.entries()].sort((a, b) => b[1] - a[1]).map(([language]) => language),
    );
  return byStory;
}

/**
 * What a panelist weighs on the ballot, per candidate: what changed, why it matters, where, when
 * and the figures, with their translations. Only the story's own text: no storyteller, no source
 * and no transcript passage is read here, so the ballot shows a panelist nothing their read scope
 * (lib/stories/read-scope.ts) keeps from them. Callers read it only for a round the reader may see.
 */
export async function listCandidateDetails(evaluationId: string, storyIds: readonly string[]) {
  if (!validId(evaluationId) || storyIds.length === 0) return [];
  // Figures' Decimal values lose digits when joined as JSON (decision 0046): they are read apart,
  // beside the stories with their places (one statement).
  const [rows, figures] = await Promise.all([
    db().changeStory.findMany({
      where: { evaluationId, id: { in: [...storyIds] } },
      select: {
        id: true,
        whatChanged: true,
        whatChangedTranslation: true,
        whySignificant: true,
        whySignificantTranslation: true,
        periodFrom: true,
        periodTo: true,
        periodPrecision: true,
        places: {
          select: { place: { select: { countryCode: true, state: true, municipality: true, community: true } } },
          orderBy: { createdAt: "asc" },
        },
      },
    }),
    db().storyFigure.findMany({
      where: { evaluationId, storyId: { in: [...storyIds] } },
      select: { storyId: true, ...storyFigureSelect },
      orderBy: [{ storyId: "asc" }, { position: "asc" }],
    }),
  ]);
  const figuresOf = new Map<string, Array<Omit<(typeof figures)[number], "storyId">>>();
  for (const { storyId, ...figure } of figures) figuresOf.set(storyId, [...(figuresOf.get(storyId) ?? []), figure]);
  return rows.map(({ places, periodFrom, periodTo, ...story }) => ({
    ...story,
    periodFrom: isoDay(periodFrom),
    periodTo: isoDay(periodTo),
    places: places.map(({ place }) => placeLabel(place)),
    figures: (figuresOf.get(story.id) ?? []).map((figure) => ({
      ...figure,
      value: figure.value.toString(),
      valueMax: figure.valueMax?.toString() ?? null,
    })),
  }));
}
export type CandidateDetail = Awaited<ReturnType<typeof listCandidateDetails>>[number];
