/**
 * The fieldwork plan on PostgreSQL: saved whole with its audit event, refused when it changed
 * meanwhile or names a region the evaluation lacks, checked by the form's schema; and on the
 * dashboard, planned vs held per state or region against rows this test made, with the gap and
 * the states not reached, the reviewer's "< 5", a filter that empties the view, and the chart
 * downloaded as a real PNG (signature, size, title) and SVG, each download audited.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildFocusGroup,
  buildInterview,
  buildPlace,
  createEvaluationWithTeam,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { el, pngChunks, svgQuery } from "@/tests/support/chart-files";
import { signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let team: EvaluationWithTeam;
let plan: typeof import("@/lib/fieldwork-plan/mutations");
let schema: typeof import("@/lib/fieldwork-plan/schema");
let loaders: typeof import("@/lib/dashboard/loaders");
let route: typeof import("@/app/api/evaluations/[evaluationId]/dashboard/[figure]/route");

const PLAN = [
  { region: "Oaxaca", plannedInterviews: 10, plannedFocusGroups: 2 },
  { region: "Veracruz", plannedInterviews: 2, plannedFocusGroups: 0 },
  { region: "Chiapas", plannedInterviews: 3, plannedFocusGroups: 1 },
  { region: "GT:Quetzaltenango", plannedInterviews: 2, plannedFocusGroups: 0 },
];

const view = async (member: "lead" | "reviewer" | "panelist", filters = {}) => {
  const result = await loaders.loadDashboard(
    team.evaluation.id,
    { id: team.members[member]!.id, isAdmin: false },
    filters,
  );
  if (!result) throw new Error("no dashboard");
  return result;
};
const call = (figure: string, locale = "en") =>
  route.GET(
    new Request(`http://localhost:3000/api/evaluations/${team.evaluation.id}/dashboard/${figure}`, {
      headers: { cookie: `NEXT_LOCALE=${locale}` },
    }),
    { params: Promise.resolve({ evaluationId: team.evaluation.id, figure }) },
  );
const row = (dashboard: Awaited<ReturnType<typeof view>>, region: string) =>
  dashboard.plan!.rows.find((entry) => entry.region === region);

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  plan = await import("@/lib/fieldwork-plan/mutations");
  schema = await import("@/lib/fieldwork-plan/schema");
  loaders = await import("@/lib/dashboard/loaders");
  route = await import("@/app/api/evaluations/[evaluationId]/dashboard/[figure]/route");
  team = await createEvaluationWithTeam(database.prisma, { roles: ["LEAD", "REVIEWER", "PANELIST"] });
  const evaluationId = team.evaluation.id;
  const prisma = database.prisma;
  await prisma.placeCountry.create({ data: { evaluationId, code: "GT", nameEs: "Guatemala", nameEn: "Guatemala" } });
  const places = {
    Oaxaca: buildPlace({ evaluationId, state: "Oaxaca" }),
    Veracruz: buildPlace({ evaluationId, state: "Veracruz" }),
    Chiapas: buildPlace({ evaluationId, state: "Chiapas" }),
    Puebla: buildPlace({ evaluationId, state: "Puebla" }),
    Quetzaltenango: buildPlace({ evaluationId, state: "Quetzaltenango", countryCode: "GT" }),
  };
  await prisma.place.createMany({ data: Object.values(places) });
  const held = { Oaxaca: 6, Veracruz: 2, Puebla: 1, Quetzaltenango: 1 } as const;
  await prisma.interview.createMany({
    data: Object.entries(held).flatMap(([state, count]) =>
      Array.from({ length: count }, () =>
        buildInterview({ evaluationId, placeId: places[state as keyof typeof places].id }),
      ),
    ),
  });
  await prisma.focusGroup.create({ data: buildFocusGroup({ evaluationId, placeId: places.Oaxaca.id }) });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("the fieldwork plan", () => {
  it("is saved whole against the plan seen, with one audit event, and refuses a stale or unknown one", async () => {
    const by = { evaluationId: team.evaluation.id, actorId: team.members.lead.id };
    expect(await plan.updateFieldworkPlan({ ...by, regions: PLAN, seen: [] })).toEqual({ ok: true, changed: true });
    // A second lead still looking at the empty plan is refused, and nothing changes.
    expect(
      await plan.updateFieldworkPlan({
        ...by,
        regions: [{ region: "Oaxaca", plannedInterviews: 1, plannedFocusGroups: 0 }],
        seen: [],
      }),
    ).toEqual({ ok: false, reason: "PLAN_CHANGED" });
    expect(
      await plan.updateFieldworkPlan({
        ...by,
        regions: [...PLAN, { region: "GT:Nowhere", plannedInterviews: 1, plannedFocusGroups: 0 }],
        seen: PLAN,
      }),
    ).toEqual({ ok: false, reason: "REGION_UNKNOWN", field: "regions.4.region" });
    // Saving the same plan again changes nothing and writes no event.
    expect(await plan.updateFieldworkPlan({ ...by, regions: PLAN, seen: PLAN })).toEqual({ ok: true, changed: false });
    const rows = await database.prisma.fieldworkPlanRegion.findMany({
      where: { evaluationId: by.evaluationId },
      orderBy: { region: "asc" },
      select: { region: true, countryCode: true, state: true, plannedInterviews: true },
    });
    expect(rows).toEqual([
      { region: "Chiapas", countryCode: null, state: "Chiapas", plannedInterviews: 3 },
      { region: "GT:Quetzaltenango", countryCode: "GT", state: "Quetzaltenango", plannedInterviews: 2 },
      { region: "Oaxaca", countryCode: null, state: "Oaxaca", plannedInterviews: 10 },
      { region: "Veracruz", countryCode: null, state: "Veracruz", plannedInterviews: 2 },
    ]);
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: by.evaluationId, action: "fieldwork_plan.update" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toEqual({});
    expect(events[0]!.after).toMatchObject({ Oaxaca: { interviews: 10, focusGroups: 2 } });
  });

  it("keeps a planned region abroad from being removed while the plan names it", async () => {
    const evaluationId = team.evaluation.id;
    const places = await import("@/lib/places/mutations");
    const region = await places.addRegion({
      evaluationId,
      countryCode: "GT",
      name: "Petén",
      code: null,
      actorId: team.members.lead.id,
    });
    if (!region.ok) throw new Error(region.reason);
    const seen = await database.prisma.fieldworkPlanRegion.findMany({
      where: { evaluationId },
      select: { region: true, plannedInterviews: true, plannedFocusGroups: true },
    });
    const petén = { region: "GT:Petén", plannedInterviews: 1, plannedFocusGroups: 0 };
    const by = { evaluationId, actorId: team.members.lead.id };
    expect(await plan.updateFieldworkPlan({ ...by, regions: [...seen, petén], seen })).toMatchObject({ ok: true });
    expect(await places.removePlace({ ...by, placeId: region.placeId })).toMatchObject({
      ok: false,
      reason: "PLACE_IN_USE",
    });
    // Taken out of the plan, the region can go.
    expect(await plan.updateFieldworkPlan({ ...by, regions: seen, seen: [...seen, petén] })).toMatchObject({
      ok: true,
    });
    expect(await places.removePlace({ ...by, placeId: region.placeId })).toEqual({ ok: true });
  });

  it("checks every box with the form's schema: whole numbers from 0, known states, each once", () => {
    const parse = (regions: unknown[]) =>
      schema.updateFieldworkPlanInput.safeParse({ evaluationId: team.evaluation.id, regions, seen: [] });
    expect(parse([{ region: "Oaxaca", plannedInterviews: "", plannedFocusGroups: "3" }]).data?.regions).toEqual([
      { region: "Oaxaca", plannedInterviews: 0, plannedFocusGroups: 3 },
    ]);
    for (const bad of [-1, 1.5, "abc", 10_001, "'; drop table plan"]) {
      const result = parse([{ region: "Oaxaca", plannedInterviews: bad, plannedFocusGroups: 0 }]);
      expect(result.success, String(bad)).toBe(false);
    }
    for (const region of ["Atlantis", "<script>alert(1)</script>", ""])
      expect(parse([{ region, plannedInterviews: 1, plannedFocusGroups: 0 }]).success, region).toBe(false);
    const twice = parse([
      { region: "Oaxaca", plannedInterviews: 1, plannedFocusGroups: 0 },
      { region: "Oaxaca", plannedInterviews: 2, plannedFocusGroups: 0 },
    ]);
    expect(twice.error?.issues[0]).toMatchObject({ path: ["regions", 1, "region"], message: "regionTwice" });
  });
});

describe("the dashboard against the plan", () => {
  it("gives the lead planned, held, gap and status per region, and the states not reached", async () => {
    const dashboard = await view("lead");
    expect(dashboard.plan).toMatchObject({ hasPlan: true, plannedInterviews: 17, doneInterviews: 10, notReached: 1 });
    expect(row(dashboard, "Oaxaca")).toMatchObject({
      plannedInterviews: 10,
      doneInterviews: 6,
      interviewGap: 4,
      plannedFocusGroups: 2,
      doneFocusGroups: 1,
      focusGroupGap: 1,
      status: "BEHIND",
    });
    expect(row(dashboard, "Chiapas")).toMatchObject({ doneInterviews: 0, interviewGap: 3, status: "NOT_REACHED" });
    expect(row(dashboard, "Veracruz")).toMatchObject({ doneInterviews: 2, interviewGap: 0, status: "MET" });
    expect(row(dashboard, "Puebla")).toMatchObject({ plannedInterviews: 0, doneInterviews: 1, status: "UNPLANNED" });
    expect(row(dashboard, "GT:Quetzaltenango")).toMatchObject({
      countryCode: "GT",
      doneInterviews: 1,
      status: "BEHIND",
    });
  });

  it("shows a reviewer held figures under 5 as '< 5', with no gap, status or total beside them", async () => {
    const dashboard = await view("reviewer");
    expect(dashboard.plan).toMatchObject({ plannedInterviews: 17, doneInterviews: null, notReached: null });
    expect(row(dashboard, "Oaxaca")).toMatchObject({
      doneInterviews: 6,
      interviewGap: 4,
      doneFocusGroups: "UNDER_5",
      focusGroupGap: null,
      status: null,
    });
    expect(row(dashboard, "Chiapas")).toMatchObject({ doneInterviews: "UNDER_5", interviewGap: null, status: null });
    // A region outside the plan with fewer than five held is left out rather than shown as "< 5, not none".
    expect(row(dashboard, "Puebla")).toBeUndefined();
  });

  it("gives a panelist, who sees no fieldwork, no plan view", async () => {
    expect((await view("panelist")).plan).toBeNull();
  });

  it("narrows held figures by the filters and both by the state, down to an empty view", async () => {
    const later = await view("lead", { from: "2030-01-01" });
    expect(later.plan!.rows.map((entry) => [entry.region, entry.doneInterviews, entry.status])).toEqual([
      ["Chiapas", 0, "NOT_REACHED"],
      ["Oaxaca", 0, "NOT_REACHED"],
      ["Veracruz", 0, "NOT_REACHED"],
      ["GT:Quetzaltenango", 0, "NOT_REACHED"],
    ]);
    expect(later.plan).toMatchObject({ doneInterviews: 0, notReached: 4 });
    const oaxaca = await view("lead", { state: "Oaxaca" });
    expect(oaxaca.plan!.rows.map((entry) => entry.region)).toEqual(["Oaxaca"]);
    const jalisco = await view("lead", { state: "Jalisco" });
    expect(jalisco.plan).toMatchObject({ hasPlan: true, rows: [], plannedInterviews: 0, doneInterviews: 0 });
  });
});

describe("the map's plan mark", () => {
  const marks = (dashboard: Awaited<ReturnType<typeof view>>) =>
    Object.fromEntries(dashboard.where.states.filter((state) => state.plan).map((state) => [state.name, state.plan]));

  it("marks for the lead the planned states with nothing held, and counts them in the map's summary", async () => {
    expect(marks(await view("lead"))).toEqual({ Chiapas: "NOT_REACHED", Oaxaca: "REACHED", Veracruz: "REACHED" });
    signInAs(team.members.lead);
    const svg = await (await call("states.svg")).text();
    expect(svgQuery(svg, `count(//${el("path")}[@stroke-dasharray])`)).toBe("1");
    expect(svgQuery(svg, `string(//${el("desc")})`)).toContain(
      "1 state in the plan has no interview or focus group yet",
    );
    expect(svg).toContain("<title>Chiapas: no stories. In the plan, not reached yet</title>");
    const csv = await (await call("states.csv")).text();
    expect(csv.split("\n")[0]).toContain("Fieldwork plan");
    expect(csv).toContain('Chiapas,0,0,0,"In the plan, not reached yet"');
  });

  it("gives a reviewer one mark for none and for fewer than five held, so the mark tells no more than '< 5'", async () => {
    // Chiapas held nothing, Veracruz two interviews: both under 5 in interviews and focus groups.
    expect(marks(await view("reviewer"))).toEqual({ Chiapas: "FEW_HELD", Oaxaca: "REACHED", Veracruz: "FEW_HELD" });
    signInAs(team.members.reviewer!);
    const svg = await (await call("states.svg", "es")).text();
    expect(svgQuery(svg, `count(//${el("path")}[@stroke-dasharray])`)).toBe("2");
    expect(svgQuery(svg, `string(//${el("desc")})`)).toContain(
      "2 estados del plan han tenido menos de 5 entrevistas y menos de 5 grupos focales",
    );
    expect(svg).not.toContain("sin alcanzar");
    const png = pngChunks(Buffer.from(await (await call("states.png")).arrayBuffer()));
    expect(png[0]!.data.readUInt32BE(4)).toBeGreaterThan(700);
  });

  it("marks nothing for a panelist, who has no plan view", async () => {
    expect(marks(await view("panelist"))).toEqual({});
  });
});

describe("the plan's chart as a file", () => {
  it("is a real PNG with the chart's title, drawn and in its metadata, and is audited", async () => {
    signInAs(team.members.lead);
    for (const [file, title] of [
      ["plan.png", "Interviews planned and held per state or region"],
      ["states.png", null],
    ] as const) {
      const response = await call(file);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      const chunks = pngChunks(Buffer.from(await response.arrayBuffer()));
      expect(chunks[0]!.type).toBe("IHDR");
      expect(chunks[0]!.data.readUInt32BE(0)).toBe(1200);
      expect(chunks[0]!.data.readUInt32BE(4)).toBeGreaterThan(200);
      expect(chunks.at(-1)!.type).toBe("IEND");
      const texts = chunks.filter((chunk) => chunk.type === "iTXt").map((chunk) => chunk.data.toString("utf8"));
      expect(texts.some((text) => text.startsWith("Title\0"))).toBe(true);
      if (title) expect(texts.find((text) => text.startsWith("Title\0"))).toContain(title);
    }
    const spanish = pngChunks(Buffer.from(await (await call("plan.png", "es")).arrayBuffer()));
    expect(spanish.map((chunk) => chunk.data.toString("utf8")).join("")).toContain(
      "Entrevistas planeadas y realizadas por estado o región",
    );
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: team.evaluation.id, action: "dashboard.export" },
      select: { after: true },
    });
    expect(events.map((event) => event.after)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ figure: "plan", format: "png", rowCount: 5, exactCounts: true }),
        expect.objectContaining({ figure: "states", format: "png", rowCount: 32 }),
      ]),
    );
  });

  it("keeps the reviewer's '< 5' in the SVG and the CSV, and has no PNG for a table", async () => {
    signInAs(team.members.reviewer!);
    const svg = await (await call("plan.svg")).text();
    expect(svg).toContain("Chiapas: 3 planned, &lt; 5 held");
    const csv = await (await call("plan.csv")).text();
    expect(csv).toContain("< 5");
    expect((await call("panels.png")).status).toBe(404);
  });
});
