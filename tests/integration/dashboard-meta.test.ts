/**
 * The dashboard's meta-monitoring, quantification and coverage views on a real database: every
 * count against the rows of dashboard-meta-world.ts, the reviewer's scope and small cells, the
 * filters (one that empties every view), and nothing for an outsider.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createDashboardMetaWorld, type DashboardMetaWorld } from "./dashboard-meta-world";

let database: TestDatabase;
let world: DashboardMetaWorld;
let loadDashboardMeta: typeof import("@/lib/dashboard/meta-loaders").loadDashboardMeta;

type Member = "lead" | "evaluator" | "panelist" | "analyst" | "reviewer";
const reader = (member: Member) => ({ id: world.team.members[member]!.id, isAdmin: false });
const load = async (member: Member, filters: DashboardFilters = {}) =>
  (await loadDashboardMeta(world.evaluationId, reader(member), filters))!;
type View = Awaited<ReturnType<typeof load>>;

const group = (view: View, dimension: keyof View["storytellers"], key: string) => {
  const { name: _name, ...figures } = view.storytellers[dimension].find((row) => row.key === key)!;
  return figures;
};
const domainKey = (id: string | undefined) =>
  id === world.domains.d1 ? "d1" : id === world.domains.d2 ? "d2" : "none";
const magnitudes = (view: View) =>
  view.magnitudes.map((row) => ({
    domain: domainKey(row.domain?.id),
    label: row.label.trim().toLowerCase(),
    unit: row.unit?.trim() ?? null,
    figures: row.figures,
    stories: row.stories,
    approvedStories: row.approvedStories,
    total: row.total === null ? null : Number(row.total),
    approvedTotal: row.approvedTotal === null ? null : Number(row.approvedTotal),
    listed: row.listed?.map((figure) => `${figure.qualifier} ${Number(figure.value)}`) ?? null,
  }));

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ loadDashboardMeta } = await import("@/lib/dashboard/meta-loaders"));
  world = await createDashboardMetaWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("dashboard meta: who may open it", () => {
  it("is null for an outsider, a missing reader and another evaluation's id", async () => {
    expect(await loadDashboardMeta(world.evaluationId, { id: world.team.outsider.id, isAdmin: false }, {})).toBeNull();
    expect(await loadDashboardMeta(world.evaluationId, null, {})).toBeNull();
    expect(await loadDashboardMeta(world.other.evaluation.id, reader("lead"), {})).toBeNull();
  });
});

describe("dashboard meta: whose stories get selected", () => {
  it("counts stories told, selected, not selected and approved per storyteller group, leaving out excluded respondents", async () => {
    const view = await load("lead");
    expect(group(view, "type", "UNION_MEMBER")).toEqual({
      key: "UNION_MEMBER",
      storytellers: 3,
      told: 5,
      selected: 3,
      notSelected: 1,
      approved: 2,
      rate: 0.75,
    });
    expect(group(view, "type", "LABOUR_AUTHORITY")).toEqual({
      key: "LABOUR_AUTHORITY",
      storytellers: 1,
      told: 1,
      selected: 1,
      notSelected: 0,
      approved: 1,
      rate: 1,
    });
    // r9 (a company, excluded) told S6: never counted.
    expect(group(view, "type", "COMPANY")).toEqual({
      key: "COMPANY",
      storytellers: 0,
      told: 0,
      selected: 0,
      notSelected: 0,
      approved: 0,
      rate: null,
    });
    expect(group(view, "gender", "WOMAN")).toEqual({
      key: "WOMAN",
      storytellers: 3,
      told: 3,
      selected: 1,
      notSelected: 1,
      approved: 1,
      rate: 0.5,
    });
    expect(group(view, "gender", "MAN")).toEqual({
      key: "MAN",
      storytellers: 1,
      told: 2,
      selected: 2,
      notSelected: 0,
      approved: 1,
      rate: 1,
    });
    expect(view.storytellers.state.map((row) => row.key)).toEqual(["Oaxaca", "Veracruz"]);
    expect(group(view, "state", "Oaxaca")).toMatchObject({
      storytellers: 2,
      told: 3,
      selected: 1,
      notSelected: 1,
      approved: 1,
      rate: 0.5,
    });
    expect(group(view, "state", "Veracruz")).toMatchObject({
      storytellers: 2,
      told: 3,
      selected: 3,
      notSelected: 0,
      approved: 2,
      rate: 1,
    });
    expect(group(view, "atRisk", world.atRisk.A)).toMatchObject({
      storytellers: 2,
      told: 3,
      selected: 1,
      notSelected: 1,
      approved: 1,
    });
    expect(group(view, "atRisk", world.atRisk.B)).toMatchObject({ storytellers: 1, told: 2, selected: 2, approved: 1 });
    expect(view.storytellers.atRisk).toHaveLength(world.team.atRiskGroups.length);
  });

  it("counts positive, negative and no-change stories per domain", async () => {
    const view = await load("lead");
    const rows = Object.fromEntries(view.changeTypes.rows.map((row) => [domainKey(row.domain?.id), row.counts]));
    expect(rows).toEqual({
      d1: { POSITIVE: 4, NEGATIVE: 1, NO_CHANGE: 0 },
      d2: { POSITIVE: 3, NEGATIVE: 0, NO_CHANGE: 1 },
      none: { POSITIVE: 1, NEGATIVE: 0, NO_CHANGE: 0 },
    });
    expect(view.changeTypes.totals).toEqual({ POSITIVE: 8, NEGATIVE: 1, NO_CHANGE: 1 });
    expect(view.changeTypes.total).toBe(10);
  });

  it("counts stories per interviewer of their source interviews, and those with none", async () => {
    const view = await load("lead");
    const rows = Object.fromEntries(
      view.interviewers.map((row) => [row.userId ?? "none", { stories: row.stories, selected: row.selected }]),
    );
    expect(rows).toEqual({
      [world.users.evaluator]: { stories: 3, selected: 2 },
      [world.users.lead]: { stories: 1, selected: 1 },
      none: { stories: 7, selected: 3 },
    });
  });

  it("shows who sits on each panel and how often it dissented", async () => {
    const view = await load("lead");
    expect(view.panels.map((panel) => panel.name)).toEqual(["Panel d1", "Panel de portafolio"]);
    expect(view.panels[0]).toMatchObject({
      members: 2,
      leads: 1,
      panelists: 1,
      evaluators: 0,
      decisions: 1,
      decisionsWithDissent: 1,
      approvalBallots: 3,
      approvalBallotsAgainst: 2,
    });
    expect(view.panels[0]!.domain?.id).toBe(world.domains.d1);
    expect(view.panels[1]).toMatchObject({ level: "PORTFOLIO", members: 0, decisions: 0, approvalBallots: 0 });
  });
});

describe("dashboard meta: quantification", () => {
  it("sums figures of selected stories where label and unit agree, ignoring case and accents, and lists the rest", async () => {
    expect(magnitudes(await load("lead"))).toEqual(
      [
        {
          domain: "d1",
          label: "casos resueltos en 45 días",
          unit: "%",
          figures: 2,
          stories: 2,
          approvedStories: 1,
          total: null,
          approvedTotal: null,
          listed: ["EXACT 75", "EXACT 81"],
        },
        {
          domain: "d1",
          label: "comunidades",
          unit: null,
          figures: 2,
          stories: 2,
          approvedStories: 1,
          total: 30,
          approvedTotal: 24,
          listed: null,
        },
        {
          domain: "d1",
          label: "comunidades",
          unit: "municipios",
          figures: 1,
          stories: 1,
          approvedStories: 0,
          total: 3,
          approvedTotal: 0,
          listed: null,
        },
        {
          domain: "d2",
          label: "trabajadores",
          unit: "workers",
          figures: 1,
          stories: 1,
          approvedStories: 1,
          total: null,
          approvedTotal: null,
          listed: ["MORE_THAN 10000"],
        },
      ].map((row) =>
        row.label.startsWith("casos")
          ? { ...row, label: expect.stringMatching(/^casos resueltos en +45 d[ií]as$/) as unknown as string }
          : row,
      ),
    );
  });

  it("counts at-risk tags collected against selected", async () => {
    const view = await load("lead");
    const tags = Object.fromEntries(view.atRiskTags.map((tag) => [tag.groupId, [tag.collected, tag.selected]]));
    expect(tags[world.atRisk.A]).toEqual([3, 1]);
    expect(tags[world.atRisk.B]).toEqual([1, 1]);
    expect(view.atRiskTags.filter((tag) => tag.collected === 0)).toHaveLength(world.team.atRiskGroups.length - 2);
  });
});

describe("dashboard meta: feedback and validation coverage", () => {
  it("counts candidates of decided rounds with feedback to their storytellers", async () => {
    const view = await load("lead");
    expect(
      view.feedback.rounds.map(({ roundId, candidates, withFeedback, withStorytellers }) => ({
        roundId,
        candidates,
        withFeedback,
        withStorytellers,
      })),
    ).toEqual([{ roundId: world.decidedRoundId, candidates: 3, withFeedback: 2, withStorytellers: 3 }]);
    expect(view.feedback).toMatchObject({ candidates: 3, withFeedback: 2 });
  });

  it("counts validation respondents reached against the drawn sample, by stratum", async () => {
    const view = await load("lead");
    expect(view.validation.strata.map(({ stratum, drawn, reached }) => ({ stratum, drawn, reached }))).toEqual([
      { stratum: { type: "UNION_MEMBER", state: "Oaxaca", gender: "WOMAN" }, drawn: 3, reached: 1 },
      { stratum: { type: "UNION_MEMBER", state: "Veracruz", gender: "MAN" }, drawn: 1, reached: 1 },
      { stratum: null, drawn: 1, reached: 0 },
    ]);
    expect(view.validation.totals).toEqual([
      { roundId: world.validationRoundId, roundName: "V1", drawn: 5, reached: 2 },
    ]);
  });
});

describe("dashboard meta: the reviewer's scope", () => {
  it("counts approved outcomes only, shows respondent counts under 5 as '< 5' and hides their totals", async () => {
    const view = await load("reviewer");
    expect(view.scope).toMatchObject({ stages: ["APPROVED"], exactCounts: false });
    // UNION_MEMBER told S3 and S4 (both approved): 2 stories, 3 storytellers, all under 5.
    expect(group(view, "type", "UNION_MEMBER")).toEqual({
      key: "UNION_MEMBER",
      storytellers: "UNDER_5",
      told: "UNDER_5",
      selected: "UNDER_5",
      notSelected: "UNDER_5",
      approved: "UNDER_5",
      rate: null,
    });
    expect(JSON.stringify(view.storytellers)).not.toMatch(/"(storytellers|told|selected|notSelected|approved)":\d/);
    expect(view.validation.strata.map((row) => [row.drawn, row.reached])).toEqual([
      ["UNDER_5", "UNDER_5"],
      ["UNDER_5", "UNDER_5"],
      ["UNDER_5", "UNDER_5"],
    ]);
    expect(view.validation.totals).toEqual([
      { roundId: world.validationRoundId, roundName: "V1", drawn: null, reached: null },
    ]);
  });

  it("gives a reviewer change types, figures, tags, panels and feedback of approved outcomes only", async () => {
    const view = await load("reviewer");
    expect(view.changeTypes.total).toBe(2);
    expect(view.changeTypes.totals).toEqual({ POSITIVE: 1, NEGATIVE: 0, NO_CHANGE: 1 });
    expect(magnitudes(view).map((row) => [row.domain, row.unit, row.figures, row.total, row.listed])).toEqual([
      ["d1", "%", 1, null, ["EXACT 81"]],
      ["d1", null, 1, 24, null],
      ["d2", "workers", 1, null, ["MORE_THAN 10000"]],
    ]);
    expect(view.atRiskTags.find((tag) => tag.groupId === world.atRisk.A)).toMatchObject({ collected: 1, selected: 1 });
    expect(view.atRiskTags.find((tag) => tag.groupId === world.atRisk.B)).toMatchObject({ collected: 0, selected: 0 });
    // Only the decided round has an approved candidate (S3); the portfolio panel has none.
    expect(view.panels.map((panel) => [panel.name, panel.decisions, panel.decisionsWithDissent])).toEqual([
      ["Panel d1", 1, 1],
    ]);
    expect(view.feedback).toMatchObject({ candidates: 1, withFeedback: 0 });
  });
});

describe("dashboard meta: filters", () => {
  it("narrows every view to the change type asked for", async () => {
    const view = await load("lead", { changeType: "NEGATIVE" });
    expect(view.changeTypes.totals).toEqual({ POSITIVE: 0, NEGATIVE: 1, NO_CHANGE: 0 });
    expect(group(view, "type", "UNION_MEMBER")).toMatchObject({ storytellers: 1, told: 1, selected: 1, approved: 0 });
    expect(magnitudes(view).map((row) => [row.unit, row.total, row.listed])).toEqual([
      ["%", null, ["EXACT 75"]],
      [null, 6, null],
      ["municipios", 3, null],
    ]);
    expect(view.feedback).toMatchObject({ candidates: 1, withFeedback: 1 });
    expect(view.panels.map((panel) => panel.name)).toEqual(["Panel d1"]);
    // V1 took back S3 (positive) only.
    expect(view.validation.strata).toEqual([]);
  });

  it("applies the state filter to storytellers' stories and validation respondents", async () => {
    const view = await load("lead", { state: "Oaxaca" });
    expect(
      view.validation.strata.map(({ stratum, drawn, reached }) => [stratum?.state ?? null, drawn, reached]),
    ).toEqual([["Oaxaca", 3, 1]]);
    // Stories placed in Oaxaca: S1, S3, S6-S10; of those with storytellers: S1 (r1), S3 (r1, r2, r10), S10 (r2).
    expect(group(view, "gender", "WOMAN")).toMatchObject({ storytellers: 3, told: 3 });
    expect(group(view, "gender", "MAN")).toMatchObject({ storytellers: 0, told: 0 });
  });

  it("applies the domain filter to change types, figures and interviewers", async () => {
    const view = await load("lead", { domain: world.domains.d2 });
    expect(view.changeTypes.rows.map((row) => domainKey(row.domain?.id))).toEqual(["d2"]);
    expect(magnitudes(view).map((row) => row.domain)).toEqual(["d2"]);
    expect(view.interviewers.map((row) => [row.userId, row.stories])).toEqual([[null, 4]]);
  });

  // Each filter below picks the stories from the tally or from change_story (storiesPickedBy); the
  // decided round's candidates: S2 (d1, V, p2, 2024, fed back), S3 (d1, O+V, p1, 2023-), S10 (d2, O, fed back).
  it("counts figures, feedback, panels and validation under each filter, from either table", async () => {
    const { d1 } = world.domains;
    const { p1, p2 } = world.projects;
    const coverage = (view: View) => ({
      feedback: { candidates: view.feedback.candidates, withFeedback: view.feedback.withFeedback },
      panels: view.panels.map((panel) => panel.name),
      validation: view.validation.totals.map(({ drawn, reached }) => [drawn, reached]),
    });
    const figures = (view: View) => magnitudes(view).map((row) => [row.domain, row.unit, row.total, row.listed]);

    const byDomain = await load("lead", { domain: d1 });
    expect(coverage(byDomain)).toEqual({
      feedback: { candidates: 2, withFeedback: 1 },
      panels: ["Panel d1"],
      validation: [[5, 2]],
    });
    const byState = await load("lead", { state: "Oaxaca" });
    expect(coverage(byState)).toMatchObject({ feedback: { candidates: 2, withFeedback: 1 }, panels: ["Panel d1"] });
    expect(figures(byState)).toEqual([
      ["d1", "%", null, ["EXACT 81"]],
      ["d1", null, 24, null],
    ]);
    expect(coverage(await load("lead", { project: p1 }))).toEqual({
      feedback: { candidates: 1, withFeedback: 0 },
      panels: ["Panel d1"],
      validation: [[5, 2]],
    });
    expect(coverage(await load("lead", { project: p2 }))).toEqual({
      feedback: { candidates: 1, withFeedback: 1 },
      panels: ["Panel d1"],
      validation: [],
    });
    const in2024 = await load("lead", { from: "2024-01-01", to: "2024-12-31" });
    expect(coverage(in2024)).toEqual({
      feedback: { candidates: 2, withFeedback: 1 },
      panels: ["Panel d1"],
      validation: [[5, 2]],
    });
    expect(figures(in2024)).toEqual([
      ["d1", "%", null, ["EXACT 75", "EXACT 81"]],
      ["d1", null, 30, null],
      ["d1", "municipios", 3, null],
    ]);
    // A panelist reads their rounds' candidates: all three of the decided round.
    expect((await load("panelist")).feedback).toMatchObject({ candidates: 3, withFeedback: 2 });
    expect((await load("panelist", { domain: d1 })).feedback).toMatchObject({ candidates: 2, withFeedback: 1 });
  });

  it("empties every view under a period no story reaches", async () => {
    const view = await load("lead", { to: "2000-01-01" });
    expect(view.changeTypes).toEqual({ rows: [], totals: { POSITIVE: 0, NEGATIVE: 0, NO_CHANGE: 0 }, total: 0 });
    expect(
      Object.values(view.storytellers)
        .flat()
        .every((row) => row.told === 0),
    ).toBe(true);
    expect(view.storytellers.state).toEqual([]);
    expect(view.interviewers).toEqual([]);
    expect(view.panels).toEqual([]);
    expect(view.magnitudes).toEqual([]);
    expect(view.atRiskTags.every((tag) => tag.collected === 0 && tag.selected === 0)).toBe(true);
    expect(view.feedback).toEqual({ rounds: [], candidates: 0, withFeedback: 0 });
    expect(view.validation).toEqual({ strata: [], totals: [] });
  });

  it("counts nothing of another evaluation", async () => {
    const view = await load("lead", { domain: world.other.domains[0]!.id });
    expect(view.changeTypes.total).toBe(0);
    expect(view.magnitudes).toEqual([]);
  });
});
