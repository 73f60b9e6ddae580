/** Who sees what on the dashboard, and which filters the URL may carry. */
import { describe, expect, it } from "vitest";
import { dashboardScope, FUNNEL_STAGES, respondentFigure, respondentTotal, UNDER_5 } from "@/lib/dashboard/policy";
import { dashboardQuery, parseDashboardFilters } from "@/lib/dashboard/schema";
import { StoryStage } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/permissions";

describe("dashboard scope", () => {
  it.each<[Role, { stages: number; exactCounts: boolean; linksToStories: boolean }]>([
    ["LEAD", { stages: 14, exactCounts: true, linksToStories: true }],
    ["EVALUATOR", { stages: 14, exactCounts: true, linksToStories: true }],
    ["ANALYST", { stages: 14, exactCounts: true, linksToStories: true }],
    ["PANELIST", { stages: 14, exactCounts: false, linksToStories: true }],
    ["REVIEWER", { stages: 1, exactCounts: false, linksToStories: false }],
    ["ADMIN", { stages: 1, exactCounts: false, linksToStories: false }],
  ])("%s", (role, expected) => {
    const scope = dashboardScope([role])!;
    expect({
      stages: scope.stages.length,
      exactCounts: scope.exactCounts,
      linksToStories: scope.linksToStories,
    }).toEqual(expected);
    if (expected.stages === 1) expect(scope.stages).toEqual(["APPROVED"]);
  });

  it("is null without a role", () => {
    expect(dashboardScope([])).toBeNull();
  });

  it("has one funnel step per story stage, each once", () => {
    expect([...FUNNEL_STAGES].sort()).toEqual(Object.values(StoryStage).sort());
  });
});

describe("respondent figures", () => {
  const hidden = { exactCounts: false };
  const exact = { exactCounts: true };
  it("shows counts from 0 to 4 as UNDER_5 to readers without exact counts, and 5 and more as they are", () => {
    expect([0, 1, 4, 5, 12].map((count) => respondentFigure(count, hidden))).toEqual([
      UNDER_5,
      UNDER_5,
      UNDER_5,
      5,
      12,
    ]);
    expect([0, 1, 4, 5].map((count) => respondentFigure(count, exact))).toEqual([0, 1, 4, 5]);
  });

  it("gives totals to exact readers only", () => {
    expect(respondentTotal(40, hidden)).toBeNull();
    expect(respondentTotal(40, exact)).toBe(40);
  });
});

describe("dashboard filters in the URL", () => {
  it("reads every filter and writes them back", () => {
    const params = {
      domain: "d_1",
      state: "San Luis Potosí",
      project: "p-2",
      from: "2023-01-01",
      to: "2024-12-31",
      changeType: "NO_CHANGE" as const,
    };
    const parsed = parseDashboardFilters(params);
    expect(parsed).toEqual({ ok: true, filters: params });
    expect(Object.fromEntries(dashboardQuery(params))).toEqual(params);
  });

  it("treats empty fields as absent", () => {
    expect(parseDashboardFilters({ domain: "", state: " " })).toEqual({ ok: true, filters: {} });
  });

  it.each<[string, Record<string, string | string[]>, string[]]>([
    ["an operator-like value", { state: '{"contains":""}' }, ["state"]],
    ["a repeated key", { domain: ["a", "b"] }, ["domain"]],
    ["an unknown change type", { changeType: "MAYBE" }, ["changeType"]],
    ["an id with SQL in it", { project: "x' OR 1=1--" }, ["project"]],
    ["a day that does not exist", { from: "2024-02-30" }, ["from"]],
    ["a period that ends before it starts", { from: "2024-05-01", to: "2024-01-01" }, ["to"]],
  ])("refuses the whole view for %s", (_case, params, rejected) => {
    expect(parseDashboardFilters(params)).toEqual({ ok: false, rejected });
  });
});
