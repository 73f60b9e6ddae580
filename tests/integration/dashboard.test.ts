/**
 * The dashboard's loader on a real database: every count against the rows of dashboard-world.ts,
 * each filter, a filter that empties the views, the small-cell rule for a reviewer, what waits
 * for each member, and that another evaluation's rows never count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { buildUser } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createDashboardWorld, type DashboardWorld } from "./dashboard-world";

let database: TestDatabase;
let world: DashboardWorld;
let loadDashboard: typeof import("@/lib/dashboard/loaders").loadDashboard;

type Member = "lead" | "evaluator" | "panelist" | "analyst" | "reviewer";
const reader = (member: Member) => ({ id: world.team.members[member]!.id, isAdmin: false });
const load = async (member: Member, filters: DashboardFilters = {}) =>
  (await loadDashboard(world.evaluationId, reader(member), filters))!;

/** The funnel as { domain key: { stage: count } }, with "none" for stories without a domain. */
function funnel(view: Awaited<ReturnType<typeof load>>) {
  const name = (id: string | undefined) => (id === world.domains.d1 ? "d1" : id === world.domains.d2 ? "d2" : "none");
  return Object.fromEntries(view.funnel.rows.map((row) => [name(row.domain?.id), { ...row.counts, total: row.total }]));
}
const state = (view: Awaited<ReturnType<typeof load>>, name: string) =>
  view.where.states.find((row) => row.name === name)!;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ loadDashboard } = await import("@/lib/dashboard/loaders"));
  world = await createDashboardWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("dashboard: who may open it", () => {
  it("is null for an outsider, a missing reader and another evaluation's id", async () => {
    expect(await loadDashboard(world.evaluationId, { id: world.team.outsider.id, isAdmin: false }, {})).toBeNull();
    expect(await loadDashboard(world.evaluationId, null, {})).toBeNull();
    expect(await loadDashboard(world.other.evaluation.id, reader("lead"), {})).toBeNull();
  });
});

describe("dashboard: the funnel", () => {
  it("counts a lead every story by domain and stage, with totals, and nothing of the other evaluation", async () => {
    const view = await load("lead");
    expect(view.funnel.stages).toHaveLength(14);
    expect(funnel(view)).toEqual({
      d1: { DRAFT: 1, SELECTED: 1, APPROVED: 1, IN_SELECTION: 2, total: 5 },
      d2: { APPROVED: 1, IN_TRIANGULATION: 1, IN_REVIEW: 1, total: 3 },
      none: { DRAFT: 1, total: 1 },
    });
    expect(view.funnel.totals).toEqual({
      DRAFT: 2,
      SELECTED: 1,
      APPROVED: 2,
      IN_SELECTION: 2,
      IN_TRIANGULATION: 1,
      IN_REVIEW: 1,
    });
    expect(view.funnel.total).toBe(9);
    expect(view.scope).toMatchObject({ exactCounts: true, linksToStories: true });
  });

  it("shows a reviewer approved outcomes only, without links to the story list", async () => {
    const view = await load("reviewer");
    expect(view.funnel.stages).toEqual(["APPROVED"]);
    expect(funnel(view)).toEqual({ d1: { APPROVED: 1, total: 1 }, d2: { APPROVED: 1, total: 1 } });
    expect(view.funnel.total).toBe(2);
    expect(view.scope).toMatchObject({ exactCounts: false, linksToStories: false });
  });

  it.each<[string, DashboardFilters, number]>([
    ["domain", { domain: "d1" }, 5],
    ["state", { state: "Oaxaca" }, 6],
    ["project", { project: "p1" }, 2],
    ["period", { from: "2024-01-01", to: "2024-12-31" }, 2],
    ["change type", { changeType: "NEGATIVE" }, 1],
  ])("applies the %s filter", async (_name, filters, total) => {
    const resolved = {
      ...filters,
      domain: filters.domain ? world.domains.d1 : undefined,
      project: filters.project ? world.projects.p1 : undefined,
    };
    expect((await load("lead", resolved)).funnel.total).toBe(total);
  });

  it("counts nothing for another evaluation's domain or project given as a filter", async () => {
    const theirDomain = await load("lead", { domain: world.other.domains[0]!.id });
    expect(theirDomain.funnel.total).toBe(0);
    expect(theirDomain.who.total).toBe(0);
    const theirProject = await load("lead", { project: world.other.projects[0]!.id });
    expect(theirProject.funnel.total).toBe(0);
    expect(theirProject.where.states.every((row) => row.interviews === 0 && row.participants === 0)).toBe(true);
  });

  it("shows an administrator who is not a member approved outcomes only, without exact small counts", async () => {
    const admin = await database.prisma.user.create({ data: buildUser({ name: "Administración", isAdmin: true }) });
    const view = (await loadDashboard(world.evaluationId, { id: admin.id, isAdmin: true }, {}))!;
    expect(view.funnel.stages).toEqual(["APPROVED"]);
    expect(view.who.cells.UNION_MEMBER!.MAN).toBe("UNDER_5");
  });

  it("keeps every domain's row at zero when a filter matches nothing", async () => {
    const view = await load("lead", { domain: world.domains.d2, changeType: "NEGATIVE" });
    expect(view.funnel.total).toBe(0);
    expect(funnel(view)).toEqual({ d1: { total: 0 }, d2: { total: 0 } });
    expect(view.where.states.every((row) => row.stories === 0)).toBe(true);
  });
});

describe("dashboard: who", () => {
  it("counts a lead's respondents by type and gender exactly, leaving out an excluded respondent", async () => {
    const { who } = await load("lead");
    expect(who.cells.UNION_MEMBER).toMatchObject({ WOMAN: 6, MAN: 2, NON_BINARY: 0, UNDISCLOSED: 0 });
    expect(who.cells.LABOUR_AUTHORITY!.WOMAN).toBe(1);
    expect(who.cells.COMPANY!.UNDISCLOSED).toBe(0);
    expect(who.typeTotals.UNION_MEMBER).toBe(8);
    expect(who.genderTotals.WOMAN).toBe(7);
    expect(who.total).toBe(9);
    expect(who.focusGroups).toEqual({ known: 3, anonymous: 3, total: 6 });
  });

  it("shows a reviewer every cell under 5 as UNDER_5 and no totals", async () => {
    const { who } = await load("reviewer");
    expect(who.cells.UNION_MEMBER).toEqual({ WOMAN: 6, MAN: "UNDER_5", NON_BINARY: "UNDER_5", UNDISCLOSED: "UNDER_5" });
    expect(who.cells.LABOUR_AUTHORITY!.WOMAN).toBe("UNDER_5");
    expect(who.total).toBeNull();
    expect(Object.values(who.typeTotals).every((value) => value === null)).toBe(true);
    // Either part "< 5" hides the total, which would give that part away.
    expect(who.focusGroups).toEqual({ known: "UNDER_5", anonymous: "UNDER_5", total: null });
    // The number itself never leaves the loader.
    expect(JSON.stringify(who)).not.toMatch(/"(MAN|WOMAN)":[1-4]\b/);
  });

  it("hides small cells from a panelist too, and gives evaluators and analysts exact counts", async () => {
    expect((await load("panelist")).who.cells.UNION_MEMBER!.MAN).toBe("UNDER_5");
    expect((await load("evaluator")).who.cells.UNION_MEMBER!.MAN).toBe(2);
    expect((await load("analyst")).who.cells.UNION_MEMBER!.MAN).toBe(2);
  });

  it("narrows respondents by state, project, period, domain and change type", async () => {
    const men = async (filters: DashboardFilters) => (await load("lead", filters)).who;
    expect((await men({ state: "Veracruz" })).total).toBe(3);
    expect((await men({ project: world.projects.p1 })).cells.UNION_MEMBER!.WOMAN).toBe(3);
    expect((await men({ project: world.projects.p1 })).total).toBe(3);
    expect((await men({ from: "2024-01-01", to: "2024-12-31" })).total).toBe(3);
    expect((await men({ domain: world.domains.d1 })).total).toBe(2);
    const negative = await men({ changeType: "NEGATIVE" });
    expect(negative.total).toBe(1);
    expect(negative.cells.UNION_MEMBER!.MAN).toBe(1);
    expect((await men({ domain: world.domains.d2 })).total).toBe(0);
  });
});

describe("dashboard: where", () => {
  it("counts stories, interviews and focus-group participants per state, and what has no place", async () => {
    const view = await load("lead");
    expect(view.where.states).toHaveLength(32);
    expect(state(view, "Oaxaca")).toMatchObject({ iso: "MX-OAX", stories: 6, interviews: 1, participants: 5 });
    expect(state(view, "Veracruz")).toMatchObject({ iso: "MX-VER", stories: 3, interviews: 1, participants: 1 });
    expect(state(view, "Jalisco")).toMatchObject({ stories: 0, interviews: 0, participants: 0 });
    expect(view.where.elsewhere).toEqual({ stories: 1, interviews: 1, participants: 0 });
  });

  it("shows a reviewer approved stories per state, interviews under 5 as '< 5', and no participants per state", async () => {
    const view = await load("reviewer");
    expect(state(view, "Oaxaca")).toMatchObject({ stories: 1, interviews: "UNDER_5", participants: null });
    expect(state(view, "Veracruz")).toMatchObject({ stories: 2, interviews: "UNDER_5", participants: null });
    expect(view.where.elsewhere).toEqual({ stories: 0, interviews: "UNDER_5", participants: null });
    expect(view.where.states.every((row) => row.participants === null)).toBe(true);
  });

  it("under a state filter counts that state only", async () => {
    const view = await load("lead", { state: "Oaxaca" });
    expect(state(view, "Oaxaca")).toMatchObject({ stories: 6, interviews: 1, participants: 5 });
    expect(state(view, "Veracruz")).toMatchObject({ stories: 0, interviews: 0, participants: 0 });
    expect(view.where.elsewhere).toEqual({ stories: 0, interviews: 0, participants: 0 });
  });

  it("counts fieldwork of a project, a period, and the sources of a domain's or change type's stories", async () => {
    const byProject = await load("lead", { project: world.projects.p1 });
    expect(state(byProject, "Oaxaca")).toMatchObject({ stories: 2, interviews: 1, participants: 5 });
    expect(state(byProject, "Veracruz")).toMatchObject({ stories: 1, interviews: 0, participants: 0 });
    const inPeriod = await load("lead", { from: "2024-01-01", to: "2024-12-31" });
    expect(state(inPeriod, "Oaxaca")).toMatchObject({ interviews: 1, participants: 5 });
    expect(state(inPeriod, "Veracruz")).toMatchObject({ interviews: 0, participants: 0 });
    expect(inPeriod.where.elsewhere.interviews).toBe(1);
    const d1 = await load("lead", { domain: world.domains.d1 });
    expect([state(d1, "Oaxaca").interviews, state(d1, "Veracruz").interviews, d1.where.elsewhere.interviews]).toEqual([
      1, 1, 0,
    ]);
    const negative = await load("lead", { changeType: "NEGATIVE" });
    expect([state(negative, "Oaxaca").interviews, state(negative, "Veracruz").interviews]).toEqual([0, 1]);
    expect(state(negative, "Veracruz").participants).toBe(0);
  });
});

describe("dashboard: waiting for you", () => {
  it("gives a panelist the open round with the one story left to vote on, and its path", async () => {
    const { waiting } = await load("panelist");
    expect(waiting).toEqual([
      expect.objectContaining({
        kind: "BALLOTS",
        roundId: world.roundId,
        roundName: "Ronda abierta",
        count: 1,
        path: `/evaluations/${world.evaluationId}/selection/rounds/${world.roundId}`,
      }),
    ]);
  });

  it("gives an analyst the stories to triangulate and a reviewer the outcomes to review", async () => {
    expect((await load("analyst")).waiting).toEqual([
      { kind: "TRIANGULATION", count: 1, path: `/evaluations/${world.evaluationId}/triangulation` },
    ]);
    expect((await load("reviewer")).waiting).toEqual([
      { kind: "REVIEW", count: 1, path: `/evaluations/${world.evaluationId}/reviews` },
    ]);
  });

  it("asks nothing of a lead with no open validation round", async () => {
    expect((await load("lead")).waiting).toEqual([]);
  });
});
