import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/permissions";
import {
  ballotRefusal,
  canSeeResults,
  exportsBallots,
  canSeeRound,
  conflictOfInterest,
  ranksDistinct,
  REMINDER_INTERVAL_MS,
  reminderRefusal,
  takesBallots,
  voteFields,
} from "@/lib/selection/policy";
import en from "@/lib/i18n/messages/en/selection.json";
import es from "@/lib/i18n/messages/es/selection.json";
import { findTransition, nextSteps, type GuardFacts, type StorytellerConsentFacts } from "@/lib/stories/stage-machine";

describe("conflict of interest", () => {
  it.each([
    [{ wrote: true, collected: false }, "WROTE"],
    [{ wrote: false, collected: true }, "COLLECTED"],
    [{ wrote: true, collected: true }, "WROTE"],
    [{ wrote: false, collected: false }, null],
  ])("%o → %s", (ties, expected) => {
    expect(conflictOfInterest(ties)).toBe(expected);
  });
});

describe("who sees a round and its results", () => {
  const ALL: Role[] = ["LEAD", "EVALUATOR", "PANELIST", "ANALYST", "REVIEWER", "ADMIN"];
  it.each(ALL)("%s sees a round only as lead, or as a panelist sitting on it", (role) => {
    expect(canSeeRound([role], true, "OPEN")).toBe(role === "LEAD" || role === "PANELIST");
    expect(canSeeRound([role], false, "OPEN")).toBe(role === "LEAD");
    // A round being planned, or called off, is the lead's alone.
    expect(canSeeRound([role], true, "DRAFT")).toBe(role === "LEAD");
    expect(canSeeRound([role], true, "CANCELLED")).toBe(role === "LEAD");
    expect(canSeeRound([role], true, "DECIDED")).toBe(role === "LEAD" || role === "PANELIST");
  });
  it("hides results until the close unless the lead chose otherwise", () => {
    for (const status of ["DRAFT", "OPEN", "CANCELLED"] as const)
      expect(canSeeResults({ status, resultsHiddenUntilClosed: true })).toBe(false);
    for (const status of ["CLOSED", "DECIDED"] as const)
      expect(canSeeResults({ status, resultsHiddenUntilClosed: true })).toBe(true);
    expect(canSeeResults({ status: "OPEN", resultsHiddenUntilClosed: false })).toBe(true);
    expect(canSeeResults({ status: "DRAFT", resultsHiddenUntilClosed: false })).toBe(false);
  });
  it("lets ballots leave in an export once the round is closed, never while it is open", () => {
    for (const hidden of [true, false]) {
      for (const status of ["CLOSED", "DECIDED"] as const)
        expect(exportsBallots({ status, resultsHiddenUntilClosed: hidden })).toBe(true);
      for (const status of ["DRAFT", "OPEN", "CANCELLED"] as const)
        expect(exportsBallots({ status, resultsHiddenUntilClosed: hidden })).toBe(false);
    }
  });
});

describe("ballots", () => {
  const deadline = new Date("2026-01-10T12:00:00Z");
  // The deadline instant itself is past: ballots, reminders and the page's form all stop there.
  it("are taken only while open and before the deadline", () => {
    expect(ballotRefusal({ status: "OPEN", deadline }, new Date("2026-01-10T11:59:59Z"))).toBeNull();
    expect(ballotRefusal({ status: "OPEN", deadline }, new Date(deadline.getTime() - 1))).toBeNull();
    expect(ballotRefusal({ status: "OPEN", deadline }, deadline)).toBe("DEADLINE_PASSED");
    expect(ballotRefusal({ status: "OPEN", deadline }, new Date("2026-01-10T12:00:01Z"))).toBe("DEADLINE_PASSED");
    expect(takesBallots({ status: "OPEN", deadline }, new Date(deadline.getTime() - 1))).toBe(true);
    expect(takesBallots({ status: "OPEN", deadline }, deadline)).toBe(false);
    for (const status of ["DRAFT", "CLOSED", "DECIDED", "CANCELLED"] as const)
      expect(ballotRefusal({ status, deadline }, new Date("2026-01-01"))).toBe("ROUND_NOT_OPEN");
  });
  it("hold exactly the field of the round's method, in range", () => {
    const limits = { candidates: 3, scaleMax: 5 };
    expect(voteFields("RANKING", { rank: 3 }, limits)).toEqual({ rank: 3, score: null, approved: null });
    expect(voteFields("RANKING", { rank: 4 }, limits)).toBeNull();
    expect(voteFields("RANKING", { rank: 1, score: 2 }, limits)).toBeNull();
    expect(voteFields("SCORING", { score: 5 }, limits)).toEqual({ rank: null, score: 5, approved: null });
    expect(voteFields("SCORING", { score: 0 }, limits)).toBeNull();
    expect(voteFields("SCORING", { score: 6 }, limits)).toBeNull();
    expect(voteFields("APPROVAL", { approved: false }, limits)).toEqual({ rank: null, score: null, approved: false });
    expect(voteFields("APPROVAL", {}, limits)).toBeNull();
    expect(ranksDistinct([1, 2, null, 3])).toBe(true);
    expect(ranksDistinct([1, 2, 2])).toBe(false);
  });
});

describe("reminders", () => {
  const deadline = new Date("2026-01-10T12:00:00Z");
  it("go out only while the round takes ballots", () => {
    expect(reminderRefusal({ status: "OPEN", deadline }, new Date("2026-01-10T11:59:59Z"))).toBeNull();
    expect(reminderRefusal({ status: "OPEN", deadline }, deadline)).toBe("DEADLINE_PASSED");
    for (const status of ["DRAFT", "CLOSED", "DECIDED", "CANCELLED"] as const)
      expect(reminderRefusal({ status, deadline }, new Date("2026-01-01"))).toBe("ROUND_NOT_OPEN");
  });
  it("are throttled for the interval the refusal names in both languages", () => {
    const minutes = REMINDER_INTERVAL_MS / 60_000;
    expect(en.selection.reminder.errors.REMINDED_RECENTLY).toContain(`${minutes} minutes`);
    expect(es.selection.reminder.errors.REMINDED_RECENTLY).toContain(`${minutes} minutos`);
  });
});

describe("the selection rows of the story's table", () => {
  const teller = (consent: StorytellerConsentFacts["consent"]): StorytellerConsentFacts => ({
    code: "R-0001",
    excluded: false,
    consent,
  });
  const granted = { withdrawn: false, scopes: { INTERVIEW: true, ANONYMOUS_QUOTATION: true } };
  const base = {
    storytellers: [teller(granted)],
    sourceCount: 1,
    hasCurrentPrimaryDomain: true,
    flaggedSourceDestroyed: false,
  };
  const facts = (candidacies: NonNullable<GuardFacts["selection"]>["candidacies"]): GuardFacts => ({
    ...base,
    selection: { candidacies },
  });
  const guard = (from: "SCREENED" | "IN_SELECTION", to: "IN_SELECTION" | "SELECTED" | "NOT_SELECTED" | "SCREENED") =>
    findTransition(from, to)!.guard;

  it("enters selection only in an open round, with a primary domain and consent", () => {
    const enter = guard("SCREENED", "IN_SELECTION");
    expect(enter(facts([{ roundId: "r", status: "OPEN", selected: null }]))).toEqual([]);
    expect(enter(facts([{ roundId: "r", status: "DRAFT", selected: null }]))).toEqual([{ code: "NOT_IN_OPEN_ROUND" }]);
    expect(
      enter({
        ...facts([{ roundId: "r", status: "OPEN", selected: null }]),
        hasCurrentPrimaryDomain: false,
        storytellers: [teller({ withdrawn: true, scopes: {} })],
      }),
    ).toEqual([{ code: "NO_PRIMARY_DOMAIN" }, { code: "CONSENT_WITHDRAWN", respondent: "R-0001" }]);
  });

  it("is selected or not selected only by a recorded decision", () => {
    const select = guard("IN_SELECTION", "SELECTED");
    const notSelect = guard("IN_SELECTION", "NOT_SELECTED");
    const open = facts([{ roundId: "r", status: "CLOSED", selected: null }]);
    expect(select(open)).toEqual([{ code: "NO_DECISION_YET" }]);
    expect(notSelect(open)).toEqual([{ code: "NO_DECISION_YET" }]);
    const chosen = facts([{ roundId: "r", status: "DECIDED", selected: true }]);
    expect(select(chosen)).toEqual([]);
    expect(notSelect(chosen)).toEqual([{ code: "CHOSEN_BY_PANEL" }]);
    const passedOver = facts([{ roundId: "r", status: "DECIDED", selected: false }]);
    expect(select(passedOver)).toEqual([{ code: "NOT_CHOSEN_BY_PANEL" }]);
    expect(notSelect(passedOver)).toEqual([]);
  });

  it("goes back to screened only when no open or closed round holds it", () => {
    const leave = guard("IN_SELECTION", "SCREENED");
    expect(leave(facts([{ roundId: "r", status: "CANCELLED", selected: null }]))).toEqual([]);
    expect(
      leave(
        facts([
          { roundId: "r", status: "CANCELLED", selected: null },
          { roundId: "s", status: "OPEN", selected: null },
        ]),
      ),
    ).toEqual([{ code: "STILL_IN_ROUND" }]);
  });

  it("refuses to run a selection guard without its facts (a row that forgot `needs`)", () => {
    expect(() => guard("IN_SELECTION", "SELECTED")(base)).toThrow(/selection/);
    expect(findTransition("IN_SELECTION", "SELECTED")!.needs).toEqual(["selection"]);
  });

  it("lists round steps to everyone with who takes them, never as the reader's own button", () => {
    const steps = nextSteps("SCREENED", ["EVALUATOR"], facts([]));
    expect(steps.map((s) => [s.to, s.trigger, s.mine])).toEqual([
      ["DRAFT", "story", true],
      ["IN_SELECTION", "round", false],
    ]);
    expect(steps[1]!.blockers).toEqual([{ code: "ROLE_MISSING", roles: ["LEAD"] }, { code: "NOT_IN_OPEN_ROUND" }]);
    expect(nextSteps("SCREENED", ["LEAD"], facts([]))[1]!.mine).toBe(false);
  });
});
