import { describe, expect, it } from "vitest";
import { runsOf, trimmedRange } from "@/components/fieldwork/highlight";
import { changedFields } from "@/lib/core/changed-fields";
import { difference, hearingEligibility, type ConsentForHearing } from "@/lib/fieldwork/policy";

const consent = (overrides: Partial<ConsentForHearing> = {}): ConsentForHearing => ({
  givenOn: new Date("2024-06-01"),
  createdAt: new Date("2024-06-01T10:00:00Z"),
  withdrawnOn: null,
  withdrawalChoice: null,
  scopes: [{ scope: "INTERVIEW", granted: true }],
  ...overrides,
});

describe("who may be heard in an interview or focus group", () => {
  it.each([
    ["a current consent granting interviews", { excludedAt: null, consents: [consent()] }, "ELIGIBLE"],
    ["no consent", { excludedAt: null, consents: [] }, "NO_CONSENT"],
    [
      "interviews refused",
      { excludedAt: null, consents: [consent({ scopes: [{ scope: "INTERVIEW", granted: false }] })] },
      "NO_INTERVIEW_SCOPE",
    ],
    [
      "interviews not asked",
      { excludedAt: null, consents: [consent({ scopes: [{ scope: "AUDIO_RECORDING", granted: true }] })] },
      "NO_INTERVIEW_SCOPE",
    ],
    [
      "withdrawn with stop",
      { excludedAt: null, consents: [consent({ withdrawnOn: new Date("2024-09-01"), withdrawalChoice: "STOP" })] },
      "WITHDRAWN",
    ],
    [
      "withdrawn with destroy",
      {
        excludedAt: new Date(),
        consents: [consent({ withdrawnOn: new Date("2024-09-01"), withdrawalChoice: "DESTROY" })],
      },
      "WITHDRAWN",
    ],
    ["excluded", { excludedAt: new Date(), consents: [consent()] }, "EXCLUDED"],
  ] as const)("%s → %s", (_case, respondent, expected) => {
    expect(hearingEligibility(respondent)).toBe(expected);
  });

  it("goes by the newest form: a later consent replaces a withdrawn one, and a later withdrawal wins", () => {
    const withdrawn = consent({
      givenOn: new Date("2024-05-01"),
      withdrawnOn: new Date("2024-05-20"),
      withdrawalChoice: "STOP",
    });
    const renewed = consent({ givenOn: new Date("2024-07-01") });
    expect(hearingEligibility({ excludedAt: null, consents: [withdrawn, renewed] })).toBe("ELIGIBLE");
    const sameDayLater = consent({ givenOn: new Date("2024-07-01"), createdAt: new Date("2024-07-02"), scopes: [] });
    expect(hearingEligibility({ excludedAt: null, consents: [renewed, sameDayLater] })).toBe("NO_INTERVIEW_SCOPE");
  });
});

describe("audit helpers", () => {
  it("keeps only the changed fields, before and after", () => {
    expect(changedFields({ a: 1, b: [1, 2], c: null }, { a: 1, b: [2, 1], c: "x" })).toEqual({
      before: { b: [1, 2], c: null },
      after: { b: [2, 1], c: "x" },
      changed: true,
    });
    expect(changedFields({ a: { length: 3, sha256: "x" } }, { a: { length: 3, sha256: "x" } }).changed).toBe(false);
  });

  it("works out what to add and remove", () => {
    expect(difference(["a", "c"], ["a", "b"])).toEqual({ added: ["c"], removed: ["b"] });
  });
});

describe("the viewer's highlighting", () => {
  it("splits the text into plain and marked runs, overlaps included", () => {
    expect(
      runsOf(10, [
        { id: "x", startOffset: 2, endOffset: 5 },
        { id: "y", startOffset: 4, endOffset: 7 },
      ]),
    ).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 4, ids: ["x"] },
      { start: 4, end: 5, ids: ["x", "y"] },
      { start: 5, end: 7, ids: ["y"] },
      { start: 7, end: 10, ids: [] },
    ]);
    expect(runsOf(4, [{ id: "past-the-end", startOffset: 2, endOffset: 9 }])).toEqual([{ start: 0, end: 4, ids: [] }]);
  });

  it("trims spaces and line breaks off a selection, in either direction", () => {
    expect(trimmedRange("  hola \n", 0, 8)).toEqual({ start: 2, end: 6 });
    expect(trimmedRange("hola mundo", 10, 5)).toEqual({ start: 5, end: 10 });
    expect(trimmedRange("a   b", 1, 4)).toBeNull();
  });
});
