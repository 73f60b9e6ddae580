/**
 * Casting and changing ballots. One transaction per submission:
 * 1. the round row is read FOR SHARE: many panelists vote at once without waiting on each other,
 *    while a close (an UPDATE of that row) waits for them and every ballot after it sees CLOSED —
 *    so a ballot is either in the tally or refused with ROUND_NOT_OPEN, never half-saved;
 * 2. the panelist must sit on the round's panel (otherwise the round does not exist for them), the
 *    story must be a candidate, the vote must fit the method, and the panelist must not have
 *    written or collected the story (conflict of interest);
 * 3. a transaction-scoped advisory lock per (round, panelist), taken in that same first statement,
 *    serialises one panelist's own double clicks and retries (the ballots are read in a later
 *    statement, so they include what a retry before it committed), so the unique key (round, story, panelist) is never raced and ranks stay distinct;
 *    within one process the panelist's submissions also queue before taking a connection
 *    (oneAtATime), so a burst of double clicks does not fill the pool with waiting transactions;
 * 4. a change first copies the current ballot into ballot_revision and bumps its version.
 * Ballots are not written to the audit chain one by one (its per-evaluation lock would serialise
 * every vote); their own history is ballot_revision, and the close's audit event seals a digest of
 * all of them (round-mutations.ts).
 */
import "server-only";
import { db } from "@/lib/db";
import { oneAtATime } from "@/lib/concurrency/one-at-a-time";
import { AppError } from "@/lib/errors";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { refusals, type Refused } from "@/lib/core/refusal";
import type { SelectionRoundStatus, VotingMethod } from "@/lib/generated/prisma/enums";
import { conflictsOf, storyTiesSql, type StoryTieRow } from "./data";
import { BALLOT_ROUND_REFUSALS, ballotRefusal, ranksDistinct, voteFields } from "./policy";
import type { Vote } from "./schema";

/** Why a ballot is refused; nothing of it is saved. */
export const CAST_REFUSALS = [
  ...BALLOT_ROUND_REFUSALS,
  "NOT_A_CANDIDATE",
  "VOTE_DOES_NOT_FIT",
  "CONFLICT_OF_INTEREST",
  "RANKS_NOT_DISTINCT",
] as const;
export type CastRefusal = (typeof CAST_REFUSALS)[number];
const { refuse, asResults } = refusals<CastRefusal>();

type Cast = { ok: true; saved: number; unchanged: number };
export type CastResult = Cast | Refused<CastRefusal>;

type RoundRow = {
  status: SelectionRoundStatus;
  deadline: Date;
  method: VotingMethod;
  score_scale_max: number | null;
  member: boolean;
  candidates: string[];
  ties: StoryTieRow[];
};

export async function castBallots(input: {
  actorId: string;
  evaluationId: string;
  roundId: string;
  votes: Vote[];
  now?: Date;
}): Promise<CastResult> {
  const { actorId, evaluationId, roundId, votes } = input;
  return asResults(() =>
    oneAtATime(`ballot:${roundId}:${actorId}`, () =>
      db().$transaction(async (tx) => {
        // One statement: the round (locked FOR SHARE), whether the panelist sits on its panel, its
        // candidates, the panelist's ties to the voted stories, and the (round, panelist) lock.
        const [round] = await tx.$queryRaw<RoundRow[]>`
        SELECT r.status, r.deadline, r.method, r.score_scale_max,
               EXISTS (SELECT 1 FROM panel_member m WHERE m.evaluation_id = r.evaluation_id AND m.panel_id = r.panel_id AND m.user_id = ${actorId}) AS member,
               ARRAY(SELECT c.story_id FROM round_candidate c WHERE c.evaluation_id = r.evaluation_id AND c.round_id = r.id) AS candidates,
               (SELECT coalesce(json_agg(t), '[]'::json) FROM (${storyTiesSql(
                 evaluationId,
                 actorId,
                 votes.map((vote) => vote.storyId),
               )}) t) AS ties,
               pg_advisory_xact_lock(hashtextextended(${`ballot:${roundId}:${actorId}`}, 0)) IS NULL AS locked
          FROM selection_round r
         WHERE r.id = ${roundId} AND r.evaluation_id = ${evaluationId}
           FOR SHARE OF r`;
        if (!round || !round.member) throw new AppError("NOT_FOUND");
        const refusal = ballotRefusal(round, input.now ?? new Date());
        if (refusal) throw refuse(refusal);

        const candidateIds = new Set(round.candidates);
        if (votes.some((vote) => !candidateIds.has(vote.storyId))) throw refuse("NOT_A_CANDIDATE", "votes");
        const limits = { candidates: candidateIds.size, scaleMax: round.score_scale_max };
        const fields = votes.map((vote) => voteFields(round.method, vote, limits));
        if (fields.some((value) => value === null)) throw refuse("VOTE_DOES_NOT_FIT", "votes");
        if (conflictsOf(round.ties).size > 0) throw refuse("CONFLICT_OF_INTEREST", "votes");

        const existing = new Map(
          (await tx.ballot.findMany({ where: { evaluationId, roundId, panelistId: actorId } })).map((ballot) => [
            ballot.storyId,
            ballot,
          ]),
        );
        // New ballots go in with one statement; a changed one keeps its earlier version first.
        const fresh = [];
        let unchanged = 0;
        for (const [index, vote] of votes.entries()) {
          const value = fields[index]!;
          const current = existing.get(vote.storyId);
          if (!current) {
            fresh.push({
              evaluationId,
              roundId,
              storyId: vote.storyId,
              panelistId: actorId,
              ...value,
              reason: vote.reason,
            });
            continue;
          }
          if (
            current.rank === value.rank &&
            current.score === value.score &&
            current.approved === value.approved &&
            current.reason === vote.reason
          ) {
            unchanged += 1;
            continue;
          }
          await tx.ballotRevision.create({
            data: {
              evaluationId,
              ballotId: current.id,
              version: current.version,
              rank: current.rank,
              score: current.score,
              approved: current.approved,
              reason: current.reason,
              castAt: current.updatedAt,
            },
          });
          const updated = await tx.ballot.update({
            where: { evaluationId_id: { evaluationId, id: current.id } },
            data: { ...value, reason: vote.reason, version: { increment: 1 } },
          });
          existing.set(vote.storyId, updated);
        }
        if (fresh.length > 0) await tx.ballot.createMany({ data: fresh });
        const ranks = [...[...existing.values()].map((ballot) => ballot.rank), ...fresh.map((ballot) => ballot.rank)];
        const saved = votes.length - unchanged;
        if (round.method === "RANKING" && !ranksDistinct(ranks)) throw refuse("RANKS_NOT_DISTINCT", "votes");
        return { ok: true as const, saved, unchanged };
      }, TRANSACTION_OPTIONS),
    ),
  );
}
