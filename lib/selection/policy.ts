/**
 * Selection rules that need no database: who may not vote on a story (conflict of interest), who
 * may see a round and its results, and whether a round still takes ballots (`ballotRefusal`).
 */
import type { SelectionRoundStatus, VotingMethod } from "@/lib/generated/prisma/enums";
import { can, type Role } from "@/lib/permissions";
import { ROUND_STATUSES_SEEN_BY_PANEL } from "@/lib/stories/read-scope";

/** How a person is tied to one story: they wrote or edited it, or collected it (or interviewed / facilitated a source). */
export type StoryTies = { wrote: boolean; collected: boolean };

export type ConflictReason = "WROTE" | "COLLECTED";

/**
 * Why this person may not vote on the story, or null. Storytellers are respondents, who have no
 * account; a respondent who later became a panelist would have to be linked by hand (not modelled).
 */
export function conflictOfInterest(ties: StoryTies): ConflictReason | null {
  if (ties.wrote) return "WROTE";
  if (ties.collected) return "COLLECTED";
  return null;
}

/**
 * Leads see every round; panelists only the rounds of panels they sit on, from their opening on:
 * a round being planned (or called off) shows its candidates to nobody but the lead, the same
 * rule as the stories a panelist may open (lib/stories/read-scope.ts).
 */
export function canSeeRound(roles: readonly Role[], sitsOnPanel: boolean, status: SelectionRoundStatus): boolean {
  return (
    can(roles, "selection.manage") ||
    (sitsOnPanel && can(roles, "selection.vote") && ROUND_STATUSES_SEEN_BY_PANEL.includes(status))
  );
}

/**
 * The tally and other people's ballots, for everyone who may see the round (the lead included, so
 * nobody steers the vote): once the round is closed, or at once when the lead chose not to hide them.
 * Who has voted (never how) is always shown.
 */
export function canSeeResults(round: { status: SelectionRoundStatus; resultsHiddenUntilClosed: boolean }): boolean {
  if (round.status === "CLOSED" || round.status === "DECIDED") return true;
  return !round.resultsHiddenUntilClosed && round.status === "OPEN";
}

/**
 * Whether a round's ballots may leave in an export: a closed round whose results the reader may
 * see. Never an open round's, even where its tally is shown: panelists may still change them.
 */
export function exportsBallots(round: { status: SelectionRoundStatus; resultsHiddenUntilClosed: boolean }): boolean {
  return (round.status === "CLOSED" || round.status === "DECIDED") && canSeeResults(round);
}

/** Why a round does not take ballots (nor reminders) now. */
export const BALLOT_ROUND_REFUSALS = ["ROUND_NOT_OPEN", "DEADLINE_PASSED"] as const;
export type BallotRefusal = (typeof BALLOT_ROUND_REFUSALS)[number];

/**
 * Whether a round takes ballots at `now`, and why not: while OPEN and before its deadline. From
 * the deadline instant on it does not, as a deadline must lie strictly ahead when set. The one copy
 * of the rule: the ballot mutation, the reminder and the round page's form all ask here.
 */
export function ballotRefusal(
  round: { status: SelectionRoundStatus; deadline: Date },
  now: Date,
): BallotRefusal | null {
  if (round.status !== "OPEN") return "ROUND_NOT_OPEN";
  if (now.getTime() >= round.deadline.getTime()) return "DEADLINE_PASSED";
  return null;
}

export function takesBallots(round: { status: SelectionRoundStatus; deadline: Date }, now: Date): boolean {
  return ballotRefusal(round, now) === null;
}

/**
 * Ten minutes between two reminders to one round: longer than any double click, retry or two leads
 * acting on the same news, and than e-mailing a large panel takes; short enough that a lead who
 * spots a mistake in the text can send a corrected reminder soon. Enforced by the database
 * (reminder-mutations.ts); here for the page to say when the next one may go.
 */
export const REMINDER_INTERVAL_MS = 10 * 60_000;

/** A reminder asks for ballots, so only while the round takes them. */
export function reminderRefusal(
  round: { status: SelectionRoundStatus; deadline: Date },
  now: Date,
): BallotRefusal | null {
  return ballotRefusal(round, now);
}

export type VoteShape = { rank?: number | null; score?: number | null; approved?: boolean | null };

/** The one field of the round's method, in range; null when the vote does not fit. */
export function voteFields(
  method: VotingMethod,
  vote: VoteShape,
  limits: { candidates: number; scaleMax: number | null },
) {
  if (method === "RANKING") {
    const rank = vote.rank ?? null;
    return rank !== null && rank >= 1 && rank <= limits.candidates && vote.score == null && vote.approved == null
      ? { rank, score: null, approved: null }
      : null;
  }
  if (method === "SCORING") {
    const score = vote.score ?? null;
    return score !== null && score >= 1 && score <= (limits.scaleMax ?? 5) && vote.rank == null && vote.approved == null
      ? { rank: null, score, approved: null }
      : null;
  }
  const approved = vote.approved ?? null;
  return approved !== null && vote.rank == null && vote.score == null ? { rank: null, score: null, approved } : null;
}

/** Ranks must be distinct within one panelist's ballots on a round. */
export function ranksDistinct(ranks: readonly (number | null)[]): boolean {
  const present = ranks.filter((rank): rank is number => rank !== null);
  return new Set(present).size === present.length;
}
