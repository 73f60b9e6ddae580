import { describe, expect, it } from "vitest";
import { computeTally, type TallyBallot } from "@/lib/selection/tally";

const ranking = (panelistId: string, order: string[]): TallyBallot[] =>
  order.map((storyId, i) => ({ storyId, panelistId, rank: i + 1, score: null, approved: null }));
const scoring = (panelistId: string, scores: Record<string, number>): TallyBallot[] =>
  Object.entries(scores).map(([storyId, score]) => ({ storyId, panelistId, rank: null, score, approved: null }));
const approval = (panelistId: string, yes: Record<string, boolean>): TallyBallot[] =>
  Object.entries(yes).map(([storyId, approved]) => ({ storyId, panelistId, rank: null, score: null, approved }));
const view = (rows: ReturnType<typeof computeTally>["rows"]) =>
  rows.map((r) => [r.storyId, r.value, r.position, r.tied]);

describe("Borda count (ranking)", () => {
  it("gives n − rank points and orders by them", () => {
    const ballots = [
      ...ranking("p1", ["a", "b", "c"]),
      ...ranking("p2", ["a", "c", "b"]),
      ...ranking("p3", ["b", "a", "c"]),
    ];
    const tally = computeTally("RANKING", ["a", "b", "c"], ballots);
    expect(view(tally.rows)).toEqual([
      ["a", 5, 1, false],
      ["b", 3, 2, false],
      ["c", 1, 3, false],
    ]);
    expect(tally.voters).toBe(3);
  });

  it("flags ties with a shared position, and a tie at the cut-off", () => {
    const ballots = [...ranking("p1", ["a", "b", "c"]), ...ranking("p2", ["b", "a", "c"])];
    const tally = computeTally("RANKING", ["a", "b", "c"], ballots, 1);
    expect(view(tally.rows)).toEqual([
      ["a", 3, 1, true],
      ["b", 3, 1, true],
      ["c", 0, 3, false],
    ]);
    expect(tally.tieAtCutoff).toBe(true);
    expect(computeTally("RANKING", ["a", "b", "c"], ballots, 2).tieAtCutoff).toBe(false);
  });

  it("counts a partial ranking (a panelist with a conflict ranks fewer stories) and ignores non-candidates", () => {
    const ballots = [
      ...ranking("p1", ["a", "b"]),
      { storyId: "zzz", panelistId: "p1", rank: 1, score: null, approved: null },
    ];
    const tally = computeTally("RANKING", ["a", "b", "c"], ballots);
    expect(view(tally.rows)).toEqual([
      ["a", 2, 1, false],
      ["b", 1, 2, false],
      ["c", 0, 3, false],
    ]);
    expect(tally.rows.find((r) => r.storyId === "c")!.ballots).toBe(0);
  });

  it("with no ballots, every story ties at zero", () => {
    const tally = computeTally("RANKING", ["a", "b"], []);
    expect(view(tally.rows)).toEqual([
      ["a", 0, 1, true],
      ["b", 0, 1, true],
    ]);
    expect(tally.voters).toBe(0);
  });
});

describe("scoring", () => {
  it("orders by mean, breaks equal means by total, and flags only full ties", () => {
    const ballots = [
      ...scoring("p1", { a: 5, b: 4, c: 4 }),
      ...scoring("p2", { a: 3, b: 4, c: 4 }),
      ...scoring("p3", { a: 4 }),
    ];
    const tally = computeTally("SCORING", ["a", "b", "c"], ballots);
    // a: mean 4 from 3 ballots (total 12); b and c: mean 4 from 2 (total 8) → a first, b and c tied.
    expect(tally.rows.map((r) => [r.storyId, r.value, r.total, r.ballots, r.position, r.tied])).toEqual([
      ["a", 4, 12, 3, 1, false],
      ["b", 4, 8, 2, 2, true],
      ["c", 4, 8, 2, 2, true],
    ]);
  });

  it("rounds the mean to two decimals", () => {
    const tally = computeTally(
      "SCORING",
      ["a"],
      [...scoring("p1", { a: 1 }), ...scoring("p2", { a: 2 }), ...scoring("p3", { a: 2 })],
    );
    expect(tally.rows[0]!.value).toBe(1.67);
  });
});

describe("approval", () => {
  it("counts the yeses; a no is a ballot but no approval", () => {
    const ballots = [
      ...approval("p1", { a: true, b: false }),
      ...approval("p2", { a: true, b: true }),
      ...approval("p3", { a: false, b: false }),
    ];
    const tally = computeTally("APPROVAL", ["a", "b"], ballots);
    expect(tally.rows.map((r) => [r.storyId, r.value, r.ballots])).toEqual([
      ["a", 2, 3],
      ["b", 1, 3],
    ]);
  });
});
