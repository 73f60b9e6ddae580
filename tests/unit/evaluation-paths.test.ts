import { describe, expect, it } from "vitest";
import { evaluationApiPath, evaluationPath } from "@/lib/evaluations/paths";

describe("evaluation paths", () => {
  it("builds a page's address from the evaluation and its segments", () => {
    expect(evaluationPath("ev1")).toBe("/evaluations/ev1");
    expect(evaluationPath("ev1", "stories", "st1", "triangulation")).toBe("/evaluations/ev1/stories/st1/triangulation");
  });

  it("encodes each id and segment as one path part", () => {
    expect(evaluationPath("a/b", "respondents", "r?1#x")).toBe("/evaluations/a%2Fb/respondents/r%3F1%23x");
  });

  it("puts files the API serves under /api", () => {
    expect(evaluationApiPath("ev 1", "exports", "stories.csv")).toBe("/api/evaluations/ev%201/exports/stories.csv");
  });
});
