/**
 * Panels and rounds: create, open, cancel, close and decide (reminders: reminder-mutations.ts).
 * Each change is one transaction that writes the round and its audit event; the steps a round
 * sets off for its candidate stories go through the story's table (lib/stories/stage-machine.ts)
 * and the same audited move, in that transaction (all or nothing).
 *
 * Two leads acting on one round at once: every status change is a conditional update on
 * (status, version), so exactly one wins and the other gets CONFLICT. That update takes the round
 * row's lock, which ballots hold FOR SHARE while they are written (ballot-mutations.ts): a close
 * waits for ballots in flight, and ballots after it see the round closed.
 */
import "server-only";
import { createHash } from "node:crypto";
import { canonicalJson, recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SelectionRoundStatus, StoryStage } from "@/lib/generated/prisma/enums";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { refusals, type Refused } from "@/lib/core/refusal";
import { findTransition, type StageBlocker } from "@/lib/stories/stage-machine";
import { Blocked, moveStoryWithin } from "@/lib/stories/stage-mutations";
import { ballotVoteSelect, loadTally } from "./data";
import type { CreatePanelInput, CreateRoundInput, RecordDecisionInput } from "./schema";

type Tx = Prisma.TransactionClient;
type Actor = { actorId: string; evaluationId: string; ipAddress?: string | null };
/** Why a panel, a round or a decision is refused; a blocked candidate names its story in `story`. */
export const ROUND_REFUSALS = [
  "DOMAIN_RETIRED",
  "NOT_A_PANELIST",
  "DEADLINE_IN_PAST",
  "NOT_ELIGIBLE",
  "NO_CANDIDATES",
  "TOO_MANY_CANDIDATES",
  "WRONG_STATUS",
  "NOT_A_CANDIDATE",
  "NOTHING_SELECTED",
  "FEEDBACK_MISSING",
  "STORY_BLOCKED",
] as const;
export type RoundRefusal = (typeof ROUND_REFUSALS)[number];
const { refuse, asResults } = refusals<Exclude<RoundRefusal, "STORY_BLOCKED">>();

export type StoryBlocked = { ok: false; reason: "STORY_BLOCKED"; story: string; blockers: StageBlocker[] };

async function run<T>(work: (tx: Tx) => Promise<T>): Promise<T | Refused<RoundRefusal> | StoryBlocked> {
  try {
    return await asResults(() => db().$transaction(work, TRANSACTION_OPTIONS));
  } catch (error) {
    if (error instanceof StoryRefused)
      return { ok: false, reason: "STORY_BLOCKED", story: error.code, blockers: error.blockers };
    throw error;
  }
}

class StoryRefused extends Error {
  constructor(
    readonly code: string,
    readonly blockers: StageBlocker[],
  ) {
    super("story blocked");
  }
}

/** Moves each story one step of the table inside the round's transaction; a blocked story refuses the whole change. */
async function moveCandidates(
  tx: Tx,
  actor: Actor,
  roundId: string,
  stories: Array<{ id: string; code: string }>,
  from: StoryStage,
  to: StoryStage,
) {
  const transition = findTransition(from, to);
  if (!transition) throw new Error(`No step ${from} → ${to} in the table.`);
  for (const story of stories) {
    try {
      await moveStoryWithin(tx, {
        actorId: actor.actorId,
        evaluationId: actor.evaluationId,
        storyId: story.id,
        transition,
        comment: null,
        ipAddress: actor.ipAddress,
        roundId,
      });
    } catch (error) {
      if (error instanceof Blocked) throw new StoryRefused(story.code, error.blockers);
      if (error instanceof AppError && error.code === "CONFLICT") throw new StoryRefused(story.code, []);
      throw error;
    }
  }
}

export async function createPanel(input: CreatePanelInput & Actor) {
  const { evaluationId, actorId } = input;
  return run(async (tx) => {
    const domainId = input.level === "DOMAIN" ? input.domainId : null;
    if (domainId) {
      const domain = await tx.domain.findFirst({ where: { evaluationId, id: domainId }, select: { retiredAt: true } });
      if (!domain) throw new AppError("NOT_FOUND");
      if (domain.retiredAt) throw refuse("DOMAIN_RETIRED", "domainId");
    }
    const memberIds = [...new Set(input.memberIds)];
    const panelists = await tx.evaluationMember.count({
      where: { evaluationId, userId: { in: memberIds }, roles: { has: "PANELIST" } },
    });
    if (panelists !== memberIds.length) throw refuse("NOT_A_PANELIST", "memberIds");
    const panel = await tx.selectionPanel.create({
      data: { evaluationId, name: input.name, level: input.level, domainId },
      select: { id: true },
    });
    await tx.panelMember.createMany({ data: memberIds.map((userId) => ({ evaluationId, panelId: panel.id, userId })) });
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "selection.panel.create",
      recordType: "SelectionPanel",
      recordId: panel.id,
      after: { name: input.name, level: input.level, domainId, memberIds },
      ipAddress: input.ipAddress,
    });
    return { ok: true as const, panelId: panel.id };
  });
}

/**
 * The stories a round may hold: for a domain panel, the screened stories whose current primary
 * domain is the panel's; for the portfolio panel, the stories selected by decided domain rounds.
 */
async function eligibleStories(
  tx: Tx,
  evaluationId: string,
  panel: { level: "DOMAIN" | "PORTFOLIO"; domainId: string | null },
  storyIds: string[],
) {
  const only = storyIds.length ? { id: { in: storyIds } } : {};
  if (panel.level === "DOMAIN") {
    return tx.changeStory.findMany({
      where: {
        evaluationId,
        stage: "SCREENED",
        domainAssignments: { some: { kind: "PRIMARY", endedAt: null, domainId: panel.domainId! } },
        ...only,
      },
      select: { id: true },
      take: 201,
    });
  }
  return tx.changeStory.findMany({
    where: {
      evaluationId,
      stage: "SELECTED",
      selections: { some: { decision: { round: { panel: { level: "DOMAIN" } } } } },
      ...only,
    },
    select: { id: true },
    take: 201,
  });
}

export async function createRound(input: CreateRoundInput & Actor & { now?: Date }) {
  const { evaluationId, actorId } = input;
  return run(async (tx) => {
    const panel = await tx.selectionPanel.findFirst({
      where: { evaluationId, id: input.panelId },
      select: { id: true, level: true, domainId: true },
    });
    if (!panel) throw new AppError("NOT_FOUND");
    if (panel.domainId) {
      // FOR SHARE: a retirement of the domain waits for this round, then sees it and refuses.
      const [domain] = await tx.$queryRaw<
        Array<{ retired: boolean }>
      >`SELECT retired_at IS NOT NULL AS retired FROM domain WHERE evaluation_id = ${evaluationId} AND id = ${panel.domainId} FOR SHARE`;
      if (domain?.retired) throw refuse("DOMAIN_RETIRED", "panelId");
    }
    if (input.deadline.getTime() <= (input.now ?? new Date()).getTime()) throw refuse("DEADLINE_IN_PAST", "deadline");
    const stories = await eligibleStories(tx, evaluationId, panel, [...new Set(input.storyIds)]);
    if (input.storyIds.length && stories.length !== new Set(input.storyIds).size)
      throw refuse("NOT_ELIGIBLE", "storyIds");
    if (stories.length === 0) throw refuse("NO_CANDIDATES", "storyIds");
    if (stories.length > 200) throw refuse("TOO_MANY_CANDIDATES", "storyIds");
    const round = await tx.selectionRound.create({
      data: {
        evaluationId,
        panelId: panel.id,
        name: input.name,
        domainId: panel.domainId,
        method: input.method,
        scoreScaleMax: input.scoreScaleMax,
        selectCount: input.selectCount ?? null,
        deadline: input.deadline,
        resultsHiddenUntilClosed: input.resultsHiddenUntilClosed,
      },
      select: { id: true },
    });
    await tx.roundCandidate.createMany({
      data: stories.map((story) => ({ evaluationId, roundId: round.id, storyId: story.id })),
    });
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "selection.round.create",
      recordType: "SelectionRound",
      recordId: round.id,
      after: {
        name: input.name,
        panelId: panel.id,
        method: input.method,
        deadline: input.deadline.toISOString(),
        resultsHiddenUntilClosed: input.resultsHiddenUntilClosed,
        storyIds: stories.map((s) => s.id),
      },
      ipAddress: input.ipAddress,
    });
    return { ok: true as const, roundId: round.id };
  });
}

/** The conditional status change both leads race on: exactly one wins, the other is told why. */
async function changeStatus(
  tx: Tx,
  evaluationId: string,
  roundId: string,
  expectedVersion: number,
  from: readonly SelectionRoundStatus[],
  data: Prisma.SelectionRoundUpdateManyMutationInput,
) {
  const read = () =>
    tx.selectionRound.findFirst({
      where: { evaluationId, id: roundId },
      select: { status: true, version: true, deadline: true },
    });
  const round = await read();
  if (!round) throw new AppError("NOT_FOUND");
  const changed = await tx.selectionRound.updateMany({
    where: { evaluationId, id: roundId, version: expectedVersion, status: { in: [...from] } },
    data: { ...data, version: { increment: 1 } },
  });
  if (changed.count !== 1) {
    // Read again: the update may have waited for another lead's change to commit.
    const now = await read();
    if (now && now.version !== expectedVersion) throw new AppError("CONFLICT", "the round changed meanwhile");
    throw refuse("WRONG_STATUS");
  }
  return round;
}

async function roundWithCandidates(tx: Tx, evaluationId: string, roundId: string) {
  return tx.selectionRound.findFirstOrThrow({
    where: { evaluationId, id: roundId },
    select: {
      id: true,
      method: true,
      selectCount: true,
      panel: { select: { level: true } },
      candidates: { select: { story: { select: { id: true, code: true, stage: true } } } },
    },
  });
}

export async function openRound(input: Actor & { roundId: string; expectedVersion: number; now?: Date }) {
  const { evaluationId, roundId } = input;
  return run(async (tx) => {
    const before = await changeStatus(tx, evaluationId, roundId, input.expectedVersion, ["DRAFT"], {
      status: "OPEN",
      opensAt: input.now ?? new Date(),
    });
    if (before.deadline.getTime() <= (input.now ?? new Date()).getTime()) throw refuse("DEADLINE_IN_PAST");
    await recordAudit(tx, {
      evaluationId,
      actorId: input.actorId,
      action: "selection.round.open",
      recordType: "SelectionRound",
      recordId: roundId,
      before: { status: "DRAFT" },
      after: { status: "OPEN" },
      ipAddress: input.ipAddress,
    });
    const round = await roundWithCandidates(tx, evaluationId, roundId);
    if (round.panel.level === "DOMAIN")
      await moveCandidates(
        tx,
        input,
        roundId,
        round.candidates.map((c) => c.story),
        "SCREENED",
        "IN_SELECTION",
      );
    return { ok: true as const };
  });
}

export async function cancelRound(input: Actor & { roundId: string; expectedVersion: number }) {
  const { evaluationId, roundId } = input;
  return run(async (tx) => {
    const before = await changeStatus(tx, evaluationId, roundId, input.expectedVersion, ["DRAFT", "OPEN", "CLOSED"], {
      status: "CANCELLED",
    });
    await recordAudit(tx, {
      evaluationId,
      actorId: input.actorId,
      action: "selection.round.cancel",
      recordType: "SelectionRound",
      recordId: roundId,
      before: { status: before.status },
      after: { status: "CANCELLED" },
      ipAddress: input.ipAddress,
    });
    const round = await roundWithCandidates(tx, evaluationId, roundId);
    // A draft round never moved its candidates; an open or closed one hands them back to screening.
    if (round.panel.level === "DOMAIN" && before.status !== "DRAFT") {
      const inSelection = round.candidates.map((c) => c.story).filter((story) => story.stage === "IN_SELECTION");
      await moveCandidates(tx, input, roundId, inSelection, "IN_SELECTION", "SCREENED");
    }
    return { ok: true as const };
  });
}

/** A digest of every ballot as it stands at the close, kept in the close's audit event: a ballot edited by hand afterwards no longer matches. */
export async function ballotDigest(tx: Tx | ReturnType<typeof db>, evaluationId: string, roundId: string) {
  const ballots = await tx.ballot.findMany({
    where: { evaluationId, roundId },
    select: { id: true, ...ballotVoteSelect, version: true },
    orderBy: { id: "asc" },
  });
  return { count: ballots.length, digest: createHash("sha256").update(canonicalJson(ballots)).digest("hex") };
}

export async function closeRound(input: Actor & { roundId: string; expectedVersion: number; now?: Date }) {
  const { evaluationId, roundId } = input;
  return run(async (tx) => {
    // The update waits for ballots holding the round FOR SHARE; what it then reads is final.
    await changeStatus(tx, evaluationId, roundId, input.expectedVersion, ["OPEN"], {
      status: "CLOSED",
      closedAt: input.now ?? new Date(),
    });
    const { count, digest } = await ballotDigest(tx, evaluationId, roundId);
    const round = await roundWithCandidates(tx, evaluationId, roundId);
    const tally = await loadTally(
      tx,
      round,
      evaluationId,
      round.candidates.map((c) => c.story.id),
    );
    await recordAudit(tx, {
      evaluationId,
      actorId: input.actorId,
      action: "selection.round.close",
      recordType: "SelectionRound",
      recordId: roundId,
      before: { status: "OPEN" },
      after: {
        status: "CLOSED",
        ballots: count,
        ballotDigest: digest,
        voters: tally.voters,
        tieAtCutoff: tally.tieAtCutoff,
      },
      ipAddress: input.ipAddress,
    });
    return { ok: true as const, ballots: count };
  });
}

export async function recordDecision(input: Omit<RecordDecisionInput, "evaluationId"> & Actor) {
  const { evaluationId, roundId, actorId } = input;
  return run(async (tx) => {
    await changeStatus(tx, evaluationId, roundId, input.expectedVersion, ["CLOSED"], { status: "DECIDED" });
    const round = await roundWithCandidates(tx, evaluationId, roundId);
    const candidateIds = new Set(round.candidates.map((c) => c.story.id));
    if (input.selected.some((row) => !candidateIds.has(row.storyId))) throw refuse("NOT_A_CANDIDATE", "selected");
    if (input.selected.length === 0) throw refuse("NOTHING_SELECTED", "selected");
    if (input.feedback.some((row) => !candidateIds.has(row.storyId))) throw refuse("NOT_A_CANDIDATE", "feedback");
    // Every storyteller hears back, selected or not.
    const withFeedback = new Set(input.feedback.map((row) => row.storyId));
    if (round.candidates.some((c) => !withFeedback.has(c.story.id))) throw refuse("FEEDBACK_MISSING", "feedback");
    // The unique (evaluationId, roundId) key refuses a second decision even if the status check were bypassed.
    const decision = await tx.selectionDecision.create({
      data: { evaluationId, roundId, decidedById: actorId, dissent: input.dissent },
      select: { id: true },
    });
    const now = new Date();
    await tx.selectedStory.createMany({
      data: input.selected.map((row) => {
        const translated = row.reasonTranslation
          ? { reasonTranslation: row.reasonTranslation, translatedById: actorId, translatedAt: now }
          : {};
        return { evaluationId, decisionId: decision.id, storyId: row.storyId, reason: row.reason, ...translated };
      }),
    });
    await tx.storytellerFeedback.createMany({
      data: input.feedback.map((row) => ({ evaluationId, decisionId: decision.id, ...row })),
    });
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "selection.round.decide",
      recordType: "SelectionRound",
      recordId: roundId,
      before: { status: "CLOSED" },
      after: {
        status: "DECIDED",
        decisionId: decision.id,
        selected: input.selected,
        dissent: input.dissent,
        feedback: input.feedback,
      },
      ipAddress: input.ipAddress,
    });
    if (round.panel.level === "DOMAIN") {
      const chosen = new Set(input.selected.map((row) => row.storyId));
      const stories = round.candidates.map((c) => c.story).filter((story) => story.stage === "IN_SELECTION");
      await moveCandidates(
        tx,
        input,
        roundId,
        stories.filter((s) => chosen.has(s.id)),
        "IN_SELECTION",
        "SELECTED",
      );
      await moveCandidates(
        tx,
        input,
        roundId,
        stories.filter((s) => !chosen.has(s.id)),
        "IN_SELECTION",
        "NOT_SELECTED",
      );
    }
    return { ok: true as const, decisionId: decision.id };
  });
}
