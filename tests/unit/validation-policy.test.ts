/** Sampling (allocation, seeded draw, coverage) and the validation rules, as pure functions. */
import { describe, expect, it } from "vitest";
import {
  correctionMove,
  disputeNextStep,
  eligibilityBlockers,
  responseBlockers,
  roundStepBlockers,
  settlement,
  validationBlockers,
  type CorrectionFacts,
  type SettlementFacts,
  type ResponseFacts,
  type ValidationFacts,
} from "@/lib/validation/policy";
import { correctResponseInput } from "@/lib/validation/schema";
import {
  allocate,
  coverageRows,
  drawStratifiedSample,
  seededRandom,
  stratumOf,
  type SamplingCandidate,
} from "@/lib/validation/sampling";

const sizes = (entries: Record<string, number>) => new Map(Object.entries(entries));
const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);

describe("allocate (largest remainder)", () => {
  it("shares the target in proportion and hands the seats left to the largest remainders", () => {
    // 10 of 60: quotas 5, 3.333, 1.667 → 5, 3, 1 + one seat to the largest remainder (C).
    expect(Object.fromEntries(allocate(sizes({ A: 30, B: 20, C: 10 }), 10))).toEqual({ A: 5, B: 3, C: 2 });
  });

  it("gives a tiny stratum nothing when its share rounds away, and never more than it holds", () => {
    const result = allocate(sizes({ big: 97, tiny: 1, small: 2 }), 10);
    expect(total(result)).toBe(10);
    expect(result.get("tiny")).toBe(0);
    expect(result.get("big")).toBe(10);
    expect(result.get("small")).toBe(0);
  });

  it("takes everyone when the target is at or above the eligible total", () => {
    expect(Object.fromEntries(allocate(sizes({ A: 2, B: 1 }), 50))).toEqual({ A: 2, B: 1 });
    expect(Object.fromEntries(allocate(sizes({ A: 2, B: 1 }), 3))).toEqual({ A: 2, B: 1 });
  });

  it("handles a zero target, no one eligible, and ties without depending on input order", () => {
    expect(total(allocate(sizes({ A: 5 }), 0))).toBe(0);
    expect(total(allocate(new Map(), 10))).toBe(0);
    const one = Object.fromEntries(allocate(sizes({ B: 1, A: 1, C: 1 }), 2));
    const two = Object.fromEntries(allocate(sizes({ C: 1, A: 1, B: 1 }), 2));
    expect(one).toEqual(two);
    expect(one).toEqual({ A: 1, B: 1, C: 0 });
  });

  it("always sums to min(target, total) over many random cases", () => {
    const random = seededRandom(7);
    for (let run = 0; run < 300; run += 1) {
      const strata = new Map<string, number>();
      const count = 1 + Math.floor(random() * 12);
      for (let i = 0; i < count; i += 1) strata.set(`s${i}`, Math.floor(random() * 9));
      const target = Math.floor(random() * 60);
      const result = allocate(strata, target);
      expect(total(result)).toBe(Math.min(target, total(strata)));
      for (const [key, seats] of result) expect(seats).toBeLessThanOrEqual(strata.get(key)!);
    }
  });
});

function candidates(count: number): SamplingCandidate[] {
  const types = ["UNION_MEMBER", "COMPANY", "ACADEMIA"];
  const states = ["Coahuila", "Oaxaca"];
  const genders = ["WOMAN", "MAN"];
  return Array.from({ length: count }, (_, i) => ({
    id: `id${i}`,
    code: `R-${String(i + 1).padStart(4, "0")}`,
    type: types[i % 3]!,
    country: null,
    state: states[Math.floor(i / 3) % 2]!,
    gender: genders[Math.floor(i / 6) % 2]!,
  }));
}

describe("drawStratifiedSample", () => {
  it("draws the target, each member from its stratum, reproducibly from the seed", () => {
    const pool = candidates(91);
    const first = drawStratifiedSample(pool, 20, 12345);
    const again = drawStratifiedSample([...pool].reverse(), 20, 12345);
    expect(first.members).toHaveLength(20);
    expect(again).toEqual(first);
    const byId = new Map(pool.map((c) => [c.id, c]));
    for (const member of first.members) expect(member.stratum).toBe(stratumOf(byId.get(member.id)!));
    expect(new Set(first.members.map((m) => m.id)).size).toBe(20);
    const other = drawStratifiedSample(pool, 20, 54321);
    expect(other.members.map((m) => m.id)).not.toEqual(first.members.map((m) => m.id));
  });

  it("takes everyone when the target exceeds the eligible set, and no one from an empty set", () => {
    expect(drawStratifiedSample(candidates(5), 50, 1).members).toHaveLength(5);
    expect(drawStratifiedSample([], 10, 1).members).toEqual([]);
  });
});

describe("coverageRows", () => {
  it("counts and shares of the sample against the whole set", () => {
    const rows = coverageRows(
      new Map([
        ["WOMAN", 3],
        ["MAN", 1],
      ]),
      new Map([["WOMAN", 1]]),
    );
    expect(rows).toEqual([
      { value: "MAN", sample: 0, all: 1, samplePercent: 0, allPercent: 25 },
      { value: "WOMAN", sample: 1, all: 3, samplePercent: 100, allPercent: 75 },
    ]);
  });
});

describe("eligibilityBlockers", () => {
  const base = { consent: "ALLOWED" as const, toldStoryIds: [], roundStoryIds: ["s1", "s2"] };
  it("admits a consenting respondent who did not tell every story", () => {
    expect(eligibilityBlockers(base)).toEqual([]);
    expect(eligibilityBlockers({ ...base, toldStoryIds: ["s1"] })).toEqual([]);
  });
  it("refuses without validation consent, after withdrawal, when excluded, or when they told every story", () => {
    expect(eligibilityBlockers({ ...base, consent: "NO_CONSENT" })).toEqual(["NO_VALIDATION_CONSENT"]);
    expect(eligibilityBlockers({ ...base, consent: "SCOPE_NOT_GRANTED" })).toEqual(["NO_VALIDATION_CONSENT"]);
    expect(eligibilityBlockers({ ...base, consent: "WITHDRAWN" })).toEqual(["CONSENT_WITHDRAWN"]);
    expect(eligibilityBlockers({ ...base, consent: "EXCLUDED" })).toEqual(["EXCLUDED"]);
    expect(eligibilityBlockers({ ...base, toldStoryIds: ["s1", "s2"] })).toEqual(["TOLD_EVERY_STORY"]);
    expect(eligibilityBlockers({ ...base, roundStoryIds: [] })).toEqual(["NO_STORIES"]);
  });
});

describe("responseBlockers", () => {
  const ok: ResponseFacts = {
    roundStatus: "OPEN",
    roundRevisionId: "r1",
    currentRevisionId: "r1",
    shownRevisionId: "r1",
    respondentToldStory: false,
    respondentEligible: true,
  };
  it("accepts a response on the round's current revision", () => expect(responseBlockers(ok)).toEqual([]));
  it("refuses an outdated revision, a closed round, a storyteller and an ineligible respondent", () => {
    expect(responseBlockers({ ...ok, currentRevisionId: "r2" })).toEqual(["OUTDATED_REVISION"]);
    expect(responseBlockers({ ...ok, shownRevisionId: "r0" })).toEqual(["OUTDATED_REVISION"]);
    expect(responseBlockers({ ...ok, roundStatus: "CLOSED" })).toEqual(["ROUND_NOT_OPEN"]);
    expect(responseBlockers({ ...ok, roundStatus: "PLANNED" })).toEqual(["ROUND_NOT_OPEN"]);
    expect(responseBlockers({ ...ok, respondentToldStory: true })).toEqual(["STORYTELLER"]);
    expect(responseBlockers({ ...ok, respondentEligible: false })).toEqual(["RESPONDENT_NOT_ELIGIBLE"]);
  });
});

describe("correctionMove", () => {
  const toDispute: CorrectionFacts = {
    before: "CONFIRMS",
    after: "DISPUTES",
    stage: "IN_VALIDATION",
    returnedByDispute: false,
    storyUnchanged: true,
    otherDisputes: 0,
  };
  const awayFromDispute: CorrectionFacts = {
    before: "DISPUTES",
    after: "CONFIRMS",
    stage: "RETURNED",
    returnedByDispute: true,
    storyUnchanged: true,
    otherDisputes: 0,
  };

  it("reopens a story still in validation when a correction makes a dispute, as recording one would", () => {
    expect(correctionMove(toDispute)).toBe("REOPEN");
    for (const stage of ["RETURNED", "VALIDATED", "IN_REVIEW"] as const)
      expect(correctionMove({ ...toDispute, stage })).toBeNull();
  });

  it("puts the story back into validation only when the dispute's return is the last thing that happened to it", () => {
    expect(correctionMove(awayFromDispute)).toBe("RESTORE");
    for (const after of ["CONFIRMS_WITH_CHANGES", "NO_OPINION"] as const)
      expect(correctionMove({ ...awayFromDispute, after })).toBe("RESTORE");
    expect(correctionMove({ ...awayFromDispute, returnedByDispute: false })).toBeNull(); // moved since (review, revision, lead's decision)
    expect(correctionMove({ ...awayFromDispute, storyUnchanged: false })).toBeNull(); // someone saved the story since
    expect(correctionMove({ ...awayFromDispute, otherDisputes: 1 })).toBeNull(); // another respondent disputes it too
    expect(correctionMove({ ...awayFromDispute, stage: "DRAFT" })).toBeNull();
  });

  it("moves nothing when the verdict stays on the same side", () => {
    expect(correctionMove({ ...toDispute, after: "NO_OPINION" })).toBeNull();
    expect(correctionMove({ ...awayFromDispute, after: "DISPUTES" })).toBeNull();
  });
});

describe("correctResponseInput", () => {
  const valid = {
    evaluationId: "e1",
    responseId: "r1",
    expectedVersion: 2,
    verdict: "CONFIRMS",
    comments: "  Así fue.  ",
    proposedChanges: "",
  };
  const fieldOf = (input: unknown) => {
    const parsed = correctResponseInput.safeParse(input);
    return parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
  };

  it("trims the words, empties to null and drops what a correction may not change", () => {
    const parsed = correctResponseInput.parse({
      ...valid,
      respondentId: "other",
      storyId: "other",
      resolvedAt: "2025-01-01",
      recordedById: "u9",
      version: 7,
    });
    expect(parsed).toEqual({
      evaluationId: "e1",
      responseId: "r1",
      expectedVersion: 2,
      verdict: "CONFIRMS",
      comments: "Así fue.",
      proposedChanges: null,
    });
  });

  it("refuses an unknown verdict, words too long or with NUL, and a missing or non-integer version", () => {
    expect(fieldOf({ ...valid, verdict: "MAYBE" })).toEqual(["verdict:choose"]);
    expect(fieldOf({ ...valid, comments: "x".repeat(10_001) })).toEqual(["comments:tooLong"]);
    expect(fieldOf({ ...valid, proposedChanges: "a\u0000b" })).toEqual(["proposedChanges:invalidCharacters"]);
    expect(fieldOf({ ...valid, expectedVersion: "2" })).toEqual(["expectedVersion:invalid"]);
    expect(fieldOf({ ...valid, expectedVersion: 0 })).toEqual(["expectedVersion:invalid"]);
    expect(fieldOf({ ...valid, expectedVersion: 1.5 })).toEqual(["expectedVersion:invalid"]);
    expect(fieldOf({ ...valid, comments: { contains: "" } })).toEqual(["comments:invalid"]);
  });
});

describe("roundStepBlockers", () => {
  const facts = { status: "PLANNED" as const, storyCount: 2, sampleCount: 5, openDisputeStoryCodes: [] };
  it("opens a planned round with stories and a sample", () => {
    expect(roundStepBlockers("open", facts)).toEqual([]);
    expect(roundStepBlockers("open", { ...facts, storyCount: 0, sampleCount: 0 })).toEqual([
      { code: "NO_STORIES" },
      { code: "NO_SAMPLE" },
    ]);
    expect(roundStepBlockers("open", { ...facts, status: "OPEN" })).toEqual([{ code: "WRONG_STATUS" }]);
  });
  it("closes an open round only when every dispute is resolved", () => {
    expect(roundStepBlockers("close", { ...facts, status: "OPEN" })).toEqual([]);
    expect(roundStepBlockers("close", { ...facts, status: "OPEN", openDisputeStoryCodes: ["CS-0003"] })).toEqual([
      { code: "DISPUTE_OPEN", story: "CS-0003" },
    ]);
    expect(roundStepBlockers("close", facts)).toEqual([{ code: "WRONG_STATUS" }]);
  });
});

describe("validationBlockers", () => {
  const ok: ValidationFacts = {
    stage: "IN_VALIDATION",
    currentRevisionId: "r2",
    rounds: [{ status: "CLOSED", revisionId: "r2" }],
    openDisputes: 0,
    revalidationWaived: false,
  };
  it("validates with a closed round on the current revision and no open dispute", () =>
    expect(validationBlockers(ok)).toEqual([]));
  it("needs a closed round, the current revision, every dispute resolved, and the right stage", () => {
    expect(validationBlockers({ ...ok, rounds: [{ status: "OPEN", revisionId: "r2" }] })).toEqual(["NO_CLOSED_ROUND"]);
    expect(validationBlockers({ ...ok, rounds: [] })).toEqual(["NO_CLOSED_ROUND"]);
    expect(validationBlockers({ ...ok, rounds: [{ status: "CLOSED", revisionId: "r1" }] })).toEqual([
      "REVISION_NOT_VALIDATED",
    ]);
    expect(validationBlockers({ ...ok, openDisputes: 1 })).toEqual(["DISPUTE_OPEN"]);
    expect(validationBlockers({ ...ok, stage: "TRIANGULATED" })).toEqual(["NOT_IN_VALIDATION"]);
  });
  it("accepts an older revision for a returned story when the lead waived a new validation", () => {
    const returned = { ...ok, stage: "RETURNED" as const, rounds: [{ status: "CLOSED" as const, revisionId: "r1" }] };
    expect(validationBlockers(returned)).toEqual(["NOT_IN_VALIDATION", "REVISION_NOT_VALIDATED"]);
    expect(validationBlockers({ ...returned, revalidationWaived: true })).toEqual([]);
    expect(validationBlockers({ ...returned, revalidationWaived: true, openDisputes: 2 })).toEqual(["DISPUTE_OPEN"]);
  });
});

describe("settling a dispute (decision 0042)", () => {
  const facts = (overrides: Partial<SettlementFacts> = {}): SettlementFacts => ({
    outcome: "ACCEPT",
    stage: "RETURNED",
    storyUnchanged: true,
    otherDisputes: [],
    ...overrides,
  });

  it("puts an accepted story back into validation only when every dispute of it is accepted", () => {
    expect(settlement(facts())).toEqual({ blockers: [], move: "RESTORE", openLeft: 0 });
    expect(settlement(facts({ otherDisputes: ["OPEN", "ACCEPT"] }))).toEqual({ blockers: [], move: null, openLeft: 1 });
    expect(settlement(facts({ otherDisputes: ["ACCEPT", "ACCEPT"] })).move).toBe("RESTORE");
    expect(settlement(facts({ otherDisputes: ["CORRECT"] })).move).toBeNull();
    // One settled before outcomes were kept counts as not accepted: the lead decides after the return.
    expect(settlement(facts({ otherDisputes: ["UNKNOWN"] })).move).toBeNull();
  });

  it("never accepts an edited story, and accepts or drops only a story its disputes returned", () => {
    expect(settlement(facts({ storyUnchanged: false })).blockers).toEqual(["STORY_EDITED_SINCE"]);
    expect(settlement(facts({ stage: "DRAFT" })).blockers).toEqual(["STORY_MOVED_ON"]);
    expect(settlement(facts({ outcome: "DROP", stage: "TRIANGULATED" })).blockers).toEqual(["STORY_MOVED_ON"]);
    expect(settlement(facts({ outcome: "DROP", storyUnchanged: false })).blockers).toEqual([]);
  });

  it("drops at once, whatever else is open, and lets a correction move nothing", () => {
    expect(settlement(facts({ outcome: "DROP", otherDisputes: ["OPEN", "ACCEPT"] }))).toEqual({
      blockers: [],
      move: "DROP",
      openLeft: 0,
    });
    expect(settlement(facts({ outcome: "CORRECT", stage: "DRAFT", storyUnchanged: false }))).toEqual({
      blockers: [],
      move: null,
      openLeft: 0,
    });
    expect(settlement(facts({ outcome: "CORRECT", otherDisputes: ["OPEN", "OPEN"] })).openLeft).toBe(2);
  });

  it("names the story's next step", () => {
    expect(disputeNextStep("RETURNED", 2)).toBe("RESOLVE_OTHERS");
    expect(disputeNextStep("RETURNED", 0)).toBe("AUTHORS_CORRECT");
    expect(disputeNextStep("IN_VALIDATION", 0)).toBe("ROUND_CLOSE");
    expect(disputeNextStep("NOT_VALIDATED", 0)).toBe("DROPPED");
    expect(disputeNextStep("VALIDATED", 0)).toBe("SEND_TO_REVIEW");
    expect(disputeNextStep("IN_REVIEW", 0)).toBe("OTHER");
  });
});
