/** The funder review rules, as pure functions. */
import { describe, expect, it } from "vitest";
import {
  reviewBlockers,
  revalidationBlockers,
  revalidationTarget,
  sendToReviewBlockers,
  type ReviewFacts,
} from "@/lib/reviews/policy";

const facts: ReviewFacts = {
  stage: "IN_REVIEW",
  currentRevisionId: "r3",
  authorId: "author",
  editorIds: ["author", "editor"],
};
const request = { reviewerId: "reviewer", revisionReadId: "r3", decision: "APPROVE" as const, comment: "" };

describe("reviewBlockers", () => {
  it("lets a reviewer who did not write the story approve the current revision without a comment", () => {
    expect(reviewBlockers(facts, request)).toEqual([]);
  });
  it("refuses the author or an editor of the story", () => {
    expect(reviewBlockers(facts, { ...request, reviewerId: "author" })).toEqual(["REVIEWER_WROTE_STORY"]);
    expect(reviewBlockers(facts, { ...request, reviewerId: "editor" })).toEqual(["REVIEWER_WROTE_STORY"]);
  });
  it("refuses a decision on a revision that is no longer current", () => {
    expect(reviewBlockers(facts, { ...request, revisionReadId: "r2" })).toEqual(["REVISION_OUTDATED"]);
    expect(reviewBlockers({ ...facts, currentRevisionId: null }, request)).toEqual(["REVISION_OUTDATED"]);
  });
  it("needs a comment to return, and the story in review", () => {
    expect(reviewBlockers(facts, { ...request, decision: "RETURN", comment: "  " })).toEqual(["COMMENT_REQUIRED"]);
    expect(reviewBlockers(facts, { ...request, decision: "RETURN", comment: "Cite the source of 81 %." })).toEqual([]);
    expect(reviewBlockers({ ...facts, stage: "APPROVED" }, request)).toEqual(["NOT_IN_REVIEW"]);
  });
});

describe("sendToReviewBlockers", () => {
  it("needs a validated story whose storytellers all allow sharing with the funder", () => {
    expect(sendToReviewBlockers({ stage: "VALIDATED", storytellersWithoutFunderConsent: [] })).toEqual([]);
    expect(sendToReviewBlockers({ stage: "IN_VALIDATION", storytellersWithoutFunderConsent: ["R-0002"] })).toEqual([
      { code: "NOT_VALIDATED" },
      { code: "NO_FUNDER_CONSENT", respondent: "R-0002" },
    ]);
  });
});

describe("after a return", () => {
  it("sends the story to a new validation or on to validated, with the lead's reason", () => {
    expect(revalidationTarget("NEW_VALIDATION")).toBe("TRIANGULATED");
    expect(revalidationTarget("NO_NEW_VALIDATION")).toBe("VALIDATED");
    expect(revalidationBlockers({ stage: "RETURNED", comment: "Only wording changed." })).toEqual([]);
    expect(revalidationBlockers({ stage: "IN_REVIEW", comment: "" })).toEqual(["NOT_RETURNED", "COMMENT_REQUIRED"]);
  });
});
