/**
 * The tally of a round, computed from its ballots on the server (never typed, never stored):
 * - RANKING: Borda count. With n candidates, rank r earns n − r points (first of 4 earns 3, unranked 0),
 *   so every panelist weighs the same whatever the number of stories they may rank.
 * - SCORING: mean score (1..scale), the total and the number of scores; ordered by mean, then total.
 * - APPROVAL: how many panelists approved the story.
 * Stories sharing a value share a position and are flagged as tied; a tie across the number of
 * stories the panel means to select is flagged on the whole tally (the panel must break it in words).
 */
import type { VotingMethod } from "@/lib/generated/prisma/enums";

export type TallyBallot = {
  storyId: string;
  panelistId: string;
  rank: number | null;
  score: number | null;
  approved: boolean | null;
};

export type TallyRow = {
  storyId: string;
  /** Borda points, mean score (two decimals) or approvals: what orders the tally. */
  value: number;
  /** Borda points or total score; approvals for APPROVAL. */
  total: number;
  ballots: number;
  position: number;
  tied: boolean;
};

export type Tally = { method: VotingMethod; rows: TallyRow[]; voters: number; tieAtCutoff: boolean };

const round2 = (value: number) => Math.round(value * 100) / 100;

export function computeTally(
  method: VotingMethod,
  candidateIds: readonly string[],
  ballots: readonly TallyBallot[],
  selectCount?: number | null,
): Tally {
  const n = candidateIds.length;
  const sums = new Map(candidateIds.map((id) => [id, { total: 0, ballots: 0 }]));
  for (const ballot of ballots) {
    const entry = sums.get(ballot.storyId);
    if (!entry) continue; // not a candidate (cannot happen: the database refuses it)
    if (method === "RANKING" && ballot.rank !== null) {
      entry.total += Math.max(0, n - ballot.rank);
      entry.ballots += 1;
    } else if (method === "SCORING" && ballot.score !== null) {
      entry.total += ballot.score;
      entry.ballots += 1;
    } else if (method === "APPROVAL" && ballot.approved !== null) {
      entry.total += ballot.approved ? 1 : 0;
      entry.ballots += 1;
    }
  }
  const unsorted = candidateIds.map((storyId) => {
    const { total, ballots: count } = sums.get(storyId)!;
    const value = method === "SCORING" ? (count ? round2(total / count) : 0) : total;
    return { storyId, value, total, ballots: count };
  });
  // Stable order: value, then (for scoring) total, then candidate order.
  const sorted = unsorted
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        b.row.value - a.row.value || (method === "SCORING" ? b.row.total - a.row.total : 0) || a.index - b.index,
    )
    .map(({ row }) => row);
  const key = (row: (typeof sorted)[number]) => (method === "SCORING" ? `${row.value}/${row.total}` : `${row.value}`);
  const counts = new Map<string, number>();
  for (const row of sorted) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  const rows: TallyRow[] = [];
  sorted.forEach((row, index) => {
    const previous = rows[index - 1];
    const position = previous && key(sorted[index - 1]!) === key(row) ? previous.position : index + 1;
    rows.push({ ...row, position, tied: (counts.get(key(row)) ?? 0) > 1 });
  });
  const cut = selectCount && selectCount < rows.length ? selectCount : null;
  const tieAtCutoff = cut !== null && key(sorted[cut - 1]!) === key(sorted[cut]!);
  return { method, rows, voters: new Set(ballots.map((ballot) => ballot.panelistId)).size, tieAtCutoff };
}
