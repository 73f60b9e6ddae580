/**
 * Facts the validation rules look at, loaded with a transaction (or the plain client for pages).
 * Every query names the evaluation.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { consentStanding } from "@/lib/respondents/policy";
import { eligibilityBlockers, type EligibilityBlocker, type ValidationFacts } from "./policy";
import type { SamplingCandidate } from "./sampling";

export type Client = PrismaClient | Prisma.TransactionClient;

export type StoryHead = {
  id: string;
  code: string;
  stage: StoryStage;
  version: number;
  authorId: string;
  currentRevisionId: string | null;
};

/** The story with the id of its current revision (the one saved as its current version). */
export async function loadStoryHead(client: Client, evaluationId: string, storyId: string): Promise<StoryHead | null> {
  const story = await client.changeStory.findFirst({
    where: { id: storyId, evaluationId },
    select: { id: true, code: true, stage: true, version: true, authorId: true },
  });
  if (!story) return null;
  const revision = await client.storyRevision.findFirst({
    where: { evaluationId, storyId, version: story.version },
    select: { id: true },
  });
  return { ...story, currentRevisionId: revision?.id ?? null };
}

/** What "validated" needs, for one story (lib/validation/policy.ts validationBlockers). */
export async function loadValidationFacts(
  client: Client,
  evaluationId: string,
  storyId: string,
  options: { revalidationWaived?: boolean } = {},
): Promise<ValidationFacts | null> {
  const head = await loadStoryHead(client, evaluationId, storyId);
  if (!head) return null;
  const [rounds, openDisputes] = await Promise.all([
    client.validationRoundStory.findMany({
      where: { evaluationId, storyId },
      select: { storyRevisionId: true, validationRound: { select: { status: true } } },
    }),
    client.validationResponse.count({ where: { evaluationId, storyId, verdict: "DISPUTES", resolvedAt: null } }),
  ]);
  return {
    stage: head.stage,
    currentRevisionId: head.currentRevisionId,
    rounds: rounds.map((row) => ({ status: row.validationRound.status, revisionId: row.storyRevisionId })),
    openDisputes,
    revalidationWaived: options.revalidationWaived ?? false,
  };
}

export type PoolMember = SamplingCandidate & { blockers: EligibilityBlocker[] };

/**
 * Respondents of the evaluation with why each may or may not be drawn for this round. Loaded in
 * a few queries (respondents with their newest consent, then storytellers of the round's stories),
 * never one per respondent.
 */
export async function loadSamplingPool(
  client: Client,
  evaluationId: string,
  roundId: string,
  respondentIds?: readonly string[],
): Promise<PoolMember[]> {
  const roundStories = await client.validationRoundStory.findMany({
    where: { evaluationId, validationRoundId: roundId },
    select: { storyId: true },
  });
  const roundStoryIds = roundStories.map((row) => row.storyId);
  const respondents = await client.respondent.findMany({
    where: { evaluationId, ...(respondentIds ? { id: { in: [...respondentIds] } } : {}) },
    orderBy: { codeNumber: "asc" },
    select: {
      id: true,
      code: true,
      type: true,
      countryCode: true,
      state: true,
      gender: true,
      excludedAt: true,
      consents: {
        orderBy: [{ givenOn: "desc" }, { createdAt: "desc" }],
        take: 1,
        select: {
          id: true,
          givenOn: true,
          withdrawnOn: true,
          withdrawalChoice: true,
          createdAt: true,
          scopes: { select: { scope: true, granted: true } },
        },
      },
    },
  });
  const tellers = await client.storyTeller.findMany({
    where: {
      evaluationId,
      storyId: { in: roundStoryIds },
      ...(respondentIds ? { respondentId: { in: [...respondentIds] } } : {}),
    },
    select: { storyId: true, respondentId: true },
  });
  const told = new Map<string, string[]>();
  for (const row of tellers) told.set(row.respondentId, [...(told.get(row.respondentId) ?? []), row.storyId]);
  return respondents.map((respondent) => ({
    id: respondent.id,
    code: respondent.code,
    type: respondent.type,
    country: respondent.countryCode,
    state: respondent.state,
    gender: respondent.gender,
    blockers: eligibilityBlockers({
      consent: consentStanding(respondent, "CONTACT_FOR_VALIDATION"),
      toldStoryIds: told.get(respondent.id) ?? [],
      roundStoryIds,
    }),
  }));
}

/** Whether the respondent told this story (storytellers do not validate their own story). */
export async function respondentToldStory(
  client: Client,
  evaluationId: string,
  storyId: string,
  respondentId: string,
): Promise<boolean> {
  return (await client.storyTeller.count({ where: { evaluationId, storyId, respondentId } })) > 0;
}

/** The comment kept with the return a dispute causes (recorded, or corrected into one). */
export const DISPUTE_RETURN_COMMENT = "validation.dispute";

/**
 * Whether the story's newest stage move was the return a dispute causes. The `story.stage` audit
 * events are the story's stage history (decision 0007), so this reads the last one.
 */
export async function storyReturnedByDispute(client: Client, evaluationId: string, storyId: string): Promise<boolean> {
  const last = await client.auditEvent.findFirst({
    where: { evaluationId, recordType: "ChangeStory", recordId: storyId, action: "story.stage" },
    orderBy: { sequence: "desc" },
    select: { before: true, after: true },
  });
  const before = last?.before as { stage?: unknown } | null | undefined;
  const after = last?.after as { stage?: unknown; comment?: unknown } | null | undefined;
  return before?.stage === "IN_VALIDATION" && after?.stage === "RETURNED" && after.comment === DISPUTE_RETURN_COMMENT;
}
