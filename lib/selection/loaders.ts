/**
 * What the selection pages read, with the read policy inside: null for anyone who may not see the
 * page or the round (the page answers 404). A panelist's round view holds the tally and the other
 * panelists' reasons only once the round's rules show results; until then they are not read at all.
 */
import { cache } from "react";
import { listDomains } from "@/lib/domains/data";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { findEvaluationTimeZone } from "@/lib/evaluations/data";
import { DEFAULT_TIME_ZONE } from "@/lib/evaluations/time-zone";
import { can } from "@/lib/permissions";
import {
  getRound,
  listCandidateDetails,
  listOwnBallots,
  listPanelistOptions,
  listPanels,
  listRoundBallots,
  listRounds,
  pageReads,
  storytellerLanguages,
} from "./data";
import { computeTally } from "./tally";
import { canSeeResults, canSeeRound, takesBallots, type ConflictReason } from "./policy";

/** The rounds the reader may see; for leads also the panels and the choices to set up more. */
export const loadSelectionPage = cache(async (evaluationId: string, reader: Reader | null) => {
  const access = await accessWith(evaluationId, reader, "selection.manage", "selection.vote");
  if (!access) return null;
  const manages = can(access.roles, "selection.manage");
  const [rounds, setup, timeZone] = await Promise.all([
    listRounds(evaluationId, { userId: access.user.id, manages }),
    manages
      ? Promise.all([listPanels(evaluationId), listDomains(evaluationId), listPanelistOptions(evaluationId)])
      : null,
    findEvaluationTimeZone(evaluationId),
  ]);
  return {
    manages,
    rounds,
    timeZone: timeZone ?? DEFAULT_TIME_ZONE,
    setup: setup ? { panels: setup[0], domains: setup[1], panelists: setup[2] } : null,
  };
});

export type SelectionPageView = NonNullable<Awaited<ReturnType<typeof loadSelectionPage>>>;

/**
 * One round as this reader may see it. `now` is when the page asks (tests pass their own): the
 * ballot form and the reminder follow `takesBallots`, the same rule the ballot mutation applies.
 */
export const loadRoundPage = cache(
  async (evaluationId: string, roundId: string, reader: Reader | null, now: Date = new Date()) => {
    const access = await accessWith(evaluationId, reader, "selection.manage", "selection.vote");
    if (!access) return null;
    const found = await getRound(evaluationId, roundId);
    if (!found) return null;
    const userId = access.user.id;
    const { panel, lastReminderAt, evaluation, ...round } = found;
    const sits = panel.members.some((member) => member.user.id === userId);
    if (!canSeeRound(access.roles, sits, round.status)) return null;
    const manages = can(access.roles, "selection.manage");
    const storyIds = round.candidates.map((candidate) => candidate.story.id);
    const open = takesBallots(round, now);
    const results = canSeeResults(round);
    const decides = manages && round.status === "CLOSED";
    // Once results show, every ballot is read once: the tally, the reasons and the reader's own.
    const [ballots, ownBallots, conflicts, languages, toRemind, details] = await Promise.all([
      results ? listRoundBallots(evaluationId, roundId) : null,
      sits && !results ? listOwnBallots(evaluationId, roundId, userId) : [],
      sits ? pageReads.conflicts(evaluationId, userId, storyIds) : new Map<string, ConflictReason>(),
      decides ? storytellerLanguages(evaluationId, storyIds) : null,
      manages && open ? pageReads.reminderRecipients(evaluationId, { id: round.id, panelId: round.panelId }) : [],
      listCandidateDetails(evaluationId, storyIds),
    ]);
    const own = ballots ? ballots.filter((ballot) => ballot.panelistId === userId) : ownBallots;
    return {
      round,
      /** The evaluation's zone: the deadline is shown in its clock time (decision 0036). */
      timeZone: evaluation.timeZone,
      // Names only: addresses go to the lead alone, with the reminder.
      panel: {
        name: panel.name,
        level: panel.level,
        members: panel.members.map(({ user }) => ({ id: user.id, name: user.name })),
      },
      voterIds: new Set(panel.members.filter(({ user }) => user._count.ballots > 0).map(({ user }) => user.id)),
      manages,
      sits,
      /** The reader's own ballots and conflicts; empty for anyone not on the panel. */
      ownBallots: (sits ? own : []).map(({ storyId, rank, score, approved, reason }) => ({
        storyId,
        rank,
        score,
        approved,
        reason,
      })),
      conflicts,
      /** Per candidate, what the ballot shows of it (the story's own text, places, period, figures). */
      details: new Map(details.map((detail) => [detail.id, detail])),
      canVote: sits && open,
      /** The tally and every panelist's reasons, only when the round's rules show results. */
      results: ballots
        ? {
            tally: computeTally(round.method, storyIds, ballots, round.selectCount),
            reasons: ballots.map(({ storyId, reason, panelist }) => ({ storyId, reason, panelist })),
          }
        : null,
      /** For the lead's decision on a closed round: the languages each story's tellers speak. */
      decision: languages ? { storytellerLanguages: languages } : null,
      /** For the lead while the round takes ballots and someone has not voted yet. */
      reminder: toRemind.length
        ? { recipients: toRemind.map(({ name, email }) => ({ name, email })), lastReminderAt }
        : null,
    };
  },
);

export type RoundPageView = NonNullable<Awaited<ReturnType<typeof loadRoundPage>>>;
