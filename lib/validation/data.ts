/**
 * Reads for the validation pages and the validation sheet. The evaluation is in every `where`;
 * respondents appear by code and attributes only (never their identity). Lists are paged.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseStorySnapshot, type StorySnapshot } from "@/lib/stories/snapshot";
import { coverageRows, type CoverageRow } from "./sampling";
import { validId } from "@/lib/core/ids";

export const PAGE_SIZE = 50;
const pageArgs = (page: number) => ({ skip: (Math.max(1, Math.floor(page)) - 1) * PAGE_SIZE, take: PAGE_SIZE });

/** One page of a list and how many rows the whole list has, read side by side. */
async function paged<Row>(
  page: number,
  readPage: (args: ReturnType<typeof pageArgs>) => Promise<Row[]>,
  count: () => Promise<number>,
) {
  const [rows, total] = await Promise.all([readPage(pageArgs(page)), count()]);
  return { rows, total };
}

/** What both the round list and a round's page show of a round. */
const roundSummarySelect = {
  id: true,
  name: true,
  status: true,
  method: true,
  startsOn: true,
  endsOn: true,
  targetSize: true,
} as const;

/** What both the response list and a response's correction page show of a response. */
const responseSummarySelect = {
  id: true,
  verdict: true,
  comments: true,
  proposedChanges: true,
  disputeResolution: true,
  resolvedAt: true,
  createdAt: true,
  respondent: { select: { code: true } },
  storyRevision: { select: { version: true } },
} as const;

export async function listRounds(evaluationId: string, page = 1) {
  if (!validId(evaluationId)) return { rows: [], total: 0 };
  const where = { evaluationId };
  return paged(
    page,
    (args) =>
      db().validationRound.findMany({
        where,
        orderBy: [{ startsOn: "desc" }, { id: "asc" }],
        ...args,
        select: {
          ...roundSummarySelect,
          _count: { select: { stories: true, sampleMembers: true, responses: true } },
        },
      }),
    () => db().validationRound.count({ where }),
  );
}

export async function getRound(evaluationId: string, roundId: string) {
  if (!validId(evaluationId) || !validId(roundId)) return null;
  return db().validationRound.findFirst({
    where: { id: roundId, evaluationId },
    select: {
      ...roundSummarySelect,
      notes: true,
      version: true,
      closedAt: true,
      evaluation: { select: { name: true } },
      stories: {
        orderBy: { story: { codeNumber: "asc" } },
        select: {
          storyId: true,
          storyRevisionId: true,
          storyRevision: { select: { version: true } },
          story: { select: { code: true, title: true, stage: true, version: true } },
        },
      },
      _count: { select: { sampleMembers: true, responses: true } },
    },
  });
}

export type RoundDetail = NonNullable<Awaited<ReturnType<typeof getRound>>>;

export async function listSample(evaluationId: string, roundId: string, page = 1) {
  if (!validId(evaluationId) || !validId(roundId)) return { rows: [], total: 0 };
  const where = { evaluationId, validationRoundId: roundId };
  return paged(
    page,
    (args) =>
      db().validationSampleMember.findMany({
        where,
        orderBy: { respondent: { codeNumber: "asc" } },
        ...args,
        select: {
          respondentId: true,
          stratum: true,
          addedManually: true,
          respondent: { select: { code: true, type: true, state: true, gender: true, language: true } },
          _count: { select: { responses: true } },
        },
      }),
    () => db().validationSampleMember.count({ where }),
  );
}

type Attribute = "type" | "state" | "gender";
const COLUMNS: Record<Attribute, Prisma.Sql> = {
  type: Prisma.sql`r.type::text`,
  state: Prisma.sql`r.state`,
  gender: Prisma.sql`r.gender::text`,
};

/** Sample vs all respondents by type, state and gender: counted in SQL, two queries per attribute. */
export async function getCoverage(evaluationId: string, roundId: string): Promise<Record<Attribute, CoverageRow[]>> {
  const result = {} as Record<Attribute, CoverageRow[]>;
  for (const attribute of Object.keys(COLUMNS) as Attribute[]) {
    const column = COLUMNS[attribute];
    const [all, sample] = await Promise.all([
      db().$queryRaw<
        Array<{ value: string; n: bigint }>
      >`SELECT ${column} AS value, count(*) AS n FROM respondent r WHERE r.evaluation_id = ${evaluationId} GROUP BY 1`,
      db().$queryRaw<Array<{ value: string; n: bigint }>>`
        SELECT ${column} AS value, count(*) AS n FROM validation_sample_member m
        JOIN respondent r ON r.id = m.respondent_id AND r.evaluation_id = m.evaluation_id
        WHERE m.evaluation_id = ${evaluationId} AND m.validation_round_id = ${roundId} GROUP BY 1`,
    ]);
    const counts = (rows: Array<{ value: string; n: bigint }>) =>
      new Map(rows.map((row) => [row.value, Number(row.n)]));
    result[attribute] = coverageRows(counts(all), counts(sample));
  }
  return result;
}

export async function listResponses(evaluationId: string, roundId: string, page = 1) {
  if (!validId(evaluationId) || !validId(roundId)) return { rows: [], total: 0 };
  const where = { evaluationId, validationRoundId: roundId };
  return paged(
    page,
    (args) =>
      db().validationResponse.findMany({
        where,
        orderBy: [{ story: { codeNumber: "asc" } }, { respondent: { codeNumber: "asc" } }],
        ...args,
        select: { ...responseSummarySelect, story: { select: { code: true } } },
      }),
    () => db().validationResponse.count({ where }),
  );
}

/**
 * The round's disputes for the lead's one place to settle them (decision 0042): open ones first,
 * each with the respondent's words, its outcome once settled, and its story's stage now. Read
 * through the (evaluation, round, verdict) index, a page at a time.
 */
export async function listDisputes(evaluationId: string, roundId: string) {
  if (!validId(evaluationId) || !validId(roundId)) return { rows: [], open: 0 };
  const where = { evaluationId, validationRoundId: roundId, verdict: "DISPUTES" as const };
  const [rows, open] = await Promise.all([
    db().validationResponse.findMany({
      where,
      orderBy: [{ resolvedAt: { sort: "desc", nulls: "first" } }, { story: { codeNumber: "asc" } }, { id: "asc" }],
      take: PAGE_SIZE,
      select: {
        id: true,
        comments: true,
        proposedChanges: true,
        disputeResolution: true,
        disputeOutcome: true,
        resolvedAt: true,
        storyId: true,
        respondent: { select: { code: true } },
        story: { select: { code: true, title: true, stage: true } },
        storyRevision: { select: { version: true } },
      },
    }),
    db().validationResponse.count({ where: { ...where, resolvedAt: null } }),
  ]);
  return { rows, open };
}

export type DisputeRow = Awaited<ReturnType<typeof listDisputes>>["rows"][number];

/** One response of the round as its correction page shows it, or null outside the round or the evaluation. */
export async function getResponse(evaluationId: string, roundId: string, responseId: string) {
  if (!validId(evaluationId) || !validId(roundId) || !validId(responseId)) return null;
  return db().validationResponse.findFirst({
    where: { id: responseId, evaluationId, validationRoundId: roundId },
    select: {
      ...responseSummarySelect,
      version: true,
      story: { select: { code: true, title: true } },
      validationRound: { select: { name: true, status: true } },
    },
  });
}

export type ResponseDetail = NonNullable<Awaited<ReturnType<typeof getResponse>>>;

/** Every kept version of a response, newest first, with who saved it (names of team members only). */
export async function listResponseRevisions(evaluationId: string, responseId: string) {
  if (!validId(evaluationId) || !validId(responseId)) return [];
  return db().validationResponseRevision.findMany({
    where: { evaluationId, responseId },
    orderBy: { version: "desc" },
    take: 200,
    select: {
      version: true,
      change: true,
      verdict: true,
      comments: true,
      proposedChanges: true,
      disputeResolution: true,
      createdAt: true,
      savedBy: { select: { name: true } },
    },
  });
}

/** Stories a new round may take (TRIANGULATED), newest codes last; the form checks them all by default. */
export async function listStoriesReadyForValidation(evaluationId: string) {
  if (!validId(evaluationId)) return [];
  return db().changeStory.findMany({
    where: { evaluationId, stage: "TRIANGULATED" },
    orderBy: { codeNumber: "asc" },
    take: 500,
    select: { id: true, code: true, title: true, version: true },
  });
}

/** Stories waiting for the lead after validation: returned for revision, or validated and not yet sent to review. */
export async function listStoriesAwaitingLead(evaluationId: string) {
  if (!validId(evaluationId)) return { returned: [], validated: [] };
  const atStage = (stage: "RETURNED" | "VALIDATED") =>
    db().changeStory.findMany({
      where: { evaluationId, stage },
      orderBy: { stageChangedAt: "asc" },
      take: PAGE_SIZE,
      select: { id: true, code: true, title: true, version: true, stageChangedAt: true },
    });
  const [returned, validated] = await Promise.all([atStage("RETURNED"), atStage("VALIDATED")]);
  return { returned, validated };
}

export type SheetData = {
  respondentCode: string;
  language: string;
  round: { name: string; startsOn: Date; endsOn: Date; method: string };
  stories: Array<{ code: string; version: number; snapshot: StorySnapshot }>;
};

/** What the sheet of one sampled respondent shows: the round's revisions, without the stories they told. */
export async function getSheetData(
  evaluationId: string,
  roundId: string,
  respondentId: string,
): Promise<SheetData | null> {
  if (!validId(evaluationId) || !validId(roundId) || !validId(respondentId)) return null;
  const member = await db().validationSampleMember.findFirst({
    where: { evaluationId, validationRoundId: roundId, respondentId },
    select: {
      respondent: { select: { code: true, language: true, storiesTold: { select: { storyId: true } } } },
      validationRound: {
        select: {
          name: true,
          startsOn: true,
          endsOn: true,
          method: true,
          stories: {
            orderBy: { story: { codeNumber: "asc" } },
            select: {
              storyId: true,
              story: { select: { code: true } },
              storyRevision: { select: { version: true, snapshot: true } },
            },
          },
        },
      },
    },
  });
  if (!member) return null;
  const told = new Set(member.respondent.storiesTold.map((row) => row.storyId));
  const { stories, ...round } = member.validationRound;
  return {
    respondentCode: member.respondent.code,
    language: member.respondent.language,
    round,
    stories: stories.flatMap((row) => {
      const snapshot = parseStorySnapshot(row.storyRevision.snapshot);
      return !told.has(row.storyId) && snapshot
        ? [{ code: row.story.code, version: row.storyRevision.version, snapshot }]
        : [];
    }),
  };
}
