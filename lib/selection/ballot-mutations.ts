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
 * 4. the sheet's new ballots go in with one INSERT … ON CONFLICT DO NOTHING, which also returns
 *    the panelist's ballots as they were before it (for the ranks); only the stories already voted
 *    on take the change path, which first copies the current ballot into ballot_revision and bumps
 *    its version. A refusal after the insert (ranks) rolls it back with the rest.
 * Ballots are not written to the audit chain one by one (its per-evaluation lock would serialise
 * every vote); their own history is ballot_revision, and the close's audit event seals a digest of
 * all of them (round-mutations.ts).
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newRecordId } from "@/lib/imports/record-ids";
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
        // One ballot per story in a sheet (the form's schema says so too; a seed or test may not).
        if (new Set(votes.map((vote) => vote.storyId)).size !== votes.length)
          throw refuse("VOTE_DOES_NOT_FIT", "votes");
        if (conflictsOf(round.ties).size > 0) throw refuse("CONFLICT_OF_INTEREST", "votes");

        // One statement: the sheet's new ballots go in, a story already voted on is left for
        // below, and the panelist's ballots as they were before it come back (their ranks).
        const sheet = await insertNewBallots(tx, { evaluationId, roundId, actorId }, votes, fields);
        const inserted = new Set(sheet.inserted);
        const ranks = new Map(sheet.before.map((ballot) => [ballot.storyId, ballot.rank]));
        let unchanged = 0;
        const voted = votes.flatMap((vote, index) =>
          inserted.has(vote.storyId) ? [] : [{ vote, value: fields[index]! }],
        );
        if (voted.length > 0) {
          // A change: the usual path, for the stories already voted on only.
          const current = new Map(
            (
              await tx.ballot.findMany({
                where: {
                  evaluationId,
                  roundId,
                  panelistId: actorId,
                  storyId: { in: voted.map(({ vote }) => vote.storyId) },
                },
              })
            ).map((ballot) => [ballot.storyId, ballot]),
          );
          for (const { vote, value } of voted) {
            const ballot = current.get(vote.storyId);
            // The insert met this ballot; under the (round, panelist) lock nobody else writes it.
            if (!ballot) throw new Error("castBallots: a ballot conflicted but is not there");
            if (
              ballot.rank === value.rank &&
              ballot.score === value.score &&
              ballot.approved === value.approved &&
              ballot.reason === vote.reason
            ) {
              unchanged += 1;
              continue;
            }
            await tx.ballotRevision.create({
              data: {
                evaluationId,
                ballotId: ballot.id,
                version: ballot.version,
                rank: ballot.rank,
                score: ballot.score,
                approved: ballot.approved,
                reason: ballot.reason,
                castAt: ballot.updatedAt,
              },
            });
            await tx.ballot.update({
              where: { evaluationId_id: { evaluationId, id: ballot.id } },
              data: { ...value, reason: vote.reason, version: { increment: 1 } },
              select: { id: true },
            });
            ranks.set(vote.storyId, value.rank);
          }
        }
        for (const [index, vote] of votes.entries())
          if (inserted.has(vote.storyId)) ranks.set(vote.storyId, fields[index]!.rank);
        const saved = votes.length - unchanged;
        if (round.method === "RANKING" && !ranksDistinct([...ranks.values()]))
          throw refuse("RANKS_NOT_DISTINCT", "votes");
        return { ok: true as const, saved, unchanged };
      }, TRANSACTION_OPTIONS),
    ),
  );
}

type VoteValue = { rank: number | null; score: number | null; approved: boolean | null };
type SheetRow = { inserted: string[]; before: Array<{ storyId: string; rank: number | null }> };

/**
 * Inserts the sheet's ballots on stories the panelist has not voted on yet (ON CONFLICT DO
 * NOTHING: a ballot already there is left for the change path) and returns which went in, with
 * the panelist's ballots in the round as they were before this statement (its snapshot does not
 * see its own inserts). Run after the (round, panelist) lock: that snapshot is taken after the
 * lock, so it holds what an earlier submission committed, and no one else writes these ballots.
 */
async function insertNewBallots(
  tx: Prisma.TransactionClient,
  scope: { evaluationId: string; roundId: string; actorId: string },
  votes: readonly Vote[],
  fields: ReadonlyArray<VoteValue | null>,
): Promise<SheetRow> {
  const { evaluationId, roundId, actorId } = scope;
  const text = (value: number | boolean | null) => (value === null ? null : String(value));
  const [row] = await tx.$queryRaw<SheetRow[]>`
    WITH inserted AS (
      INSERT INTO ballot (id, evaluation_id, round_id, story_id, panelist_id, rank, score, approved, reason, created_at, updated_at)
      SELECT v.id, ${evaluationId}, ${roundId}, v.story_id, ${actorId}, v.rank::int, v.score::int, v.approved::boolean,
             v.reason, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
        FROM unnest(${votes.map(() => newRecordId())}::text[], ${votes.map((vote) => vote.storyId)}::text[],
                    ${fields.map((value) => text(value!.rank))}::text[], ${fields.map((value) => text(value!.score))}::text[],
                    ${fields.map((value) => text(value!.approved))}::text[], ${votes.map((vote) => vote.reason)}::text[])
             AS v(id, story_id, rank, score, approved, reason)
      ON CONFLICT (round_id, story_id, panelist_id) DO NOTHING
      RETURNING story_id)
    SELECT ARRAY(SELECT story_id FROM inserted) AS inserted,
           (SELECT coalesce(json_agg(json_build_object('storyId', b.story_id, 'rank', b.rank)), '[]'::json)
              FROM ballot b
             WHERE b.evaluation_id = ${evaluationId} AND b.round_id = ${roundId} AND b.panelist_id = ${actorId}) AS before`;
  return row!;
}
