/**
 * Dashboard figure downloads through the route, on a real database, read back as files (CSV with
 * csv-parse, XLSX with exceljs, the map's SVG as XML text): the page's filters, the same figures
 * as the loaders, "< 5" for a reviewer in the file too, formula text neutralised and numbers
 * numeric, an audit event per complete file, and 404 for an outsider and for unknown figures.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signInAs, signOut } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createDashboardMetaWorld, type DashboardMetaWorld } from "./dashboard-meta-world";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let world: DashboardMetaWorld;
let route: typeof import("@/app/api/evaluations/[evaluationId]/dashboard/[figure]/route");

const FORMULA = '=HYPERLINK("http://evil.example","x")';
type Member = "lead" | "reviewer";

function as(member: Member | "outsider") {
  const user = member === "outsider" ? world.team.outsider : world.team.members[member];
  signInAs(user!);
}

function call(figure: string, search = "", locale = "en") {
  const evaluationId = world.evaluationId;
  return route.GET(
    new Request(`http://localhost:3000/api/evaluations/${evaluationId}/dashboard/${figure}${search}`, {
      headers: { cookie: `NEXT_LOCALE=${locale}` },
    }),
    {
      params: Promise.resolve({ evaluationId, figure }),
    },
  );
}

async function csvOf(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/csv");
  return parse(await response.text(), { bom: true }) as string[][];
}

async function sheetOf(response: Response): Promise<ExcelJS.Worksheet> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook.worksheets[0]!;
}

const rowsOf = (sheet: ExcelJS.Worksheet) =>
  sheet
    .getSheetValues()
    .slice(1)
    .map((row) => (row as ExcelJS.CellValue[]).slice(1));

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  route = await import("@/app/api/evaluations/[evaluationId]/dashboard/[figure]/route");
  world = await createDashboardMetaWorld(database.prisma);
  // A panel named like a formula: the file must show it as text.
  await database.prisma.selectionPanel.update({ where: { id: world.panelId }, data: { name: FORMULA } });
});

afterAll(async () => {
  await database?.close();
});

describe("dashboard downloads: who may download", () => {
  it("answers 404 to an outsider, to no one signed in, and for an unknown figure or format", async () => {
    as("outsider");
    expect((await call("panels.csv")).status).toBe(404);
    signOut();
    expect((await call("panels.csv")).status).toBe(404);
    as("lead");
    for (const file of ["secrets.csv", "panels.pdf", "panels.svg", "panels", "../exports/respondents.csv"])
      expect((await call(file)).status).toBe(404);
  });

  it("refuses a filter that does not parse with 400, and an outsider's with 404", async () => {
    as("lead");
    expect((await call("panels.csv", "?changeType=SOMETIMES")).status).toBe(400);
    as("outsider");
    expect((await call("panels.csv", "?changeType=SOMETIMES")).status).toBe(404);
  });
});

describe("dashboard downloads: the files", () => {
  it("writes the panels as CSV with formula text neutralised and numbers as written", async () => {
    as("lead");
    const [header, ...rows] = await csvOf(await call("panels.csv"));
    expect(header).toEqual([
      "Panel",
      "Level",
      "Domain",
      "Members",
      "Lead",
      "Evaluator",
      "Panelist",
      "Analyst",
      "Reviewer",
      "Decisions",
      "With dissent",
      "Approval ballots",
      "Against the decision",
    ]);
    const panel = rows.find((row) => row[0]!.includes("HYPERLINK"))!;
    expect(panel[0]).toBe(`'${FORMULA}`);
    expect(panel.slice(3)).toEqual(["2", "1", "0", "1", "0", "0", "1", "1", "3", "2"]);
  });

  it("writes the panels as XLSX with the formula as a text cell and counts as number cells", async () => {
    as("lead");
    const sheet = await sheetOf(await call("panels.xlsx"));
    const panel = rowsOf(sheet).find((row) => String(row[0]).includes("HYPERLINK"))!;
    expect(panel[0]).toBe(FORMULA);
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(panel.slice(3)).toEqual([2, 1, 0, 1, 0, 0, 1, 1, 3, 2]);
  });

  it("writes the magnitudes with sums as numbers and listed figures in words, under the page's filters, in Spanish", async () => {
    as("lead");
    const sheet = await sheetOf(await call("magnitudes.xlsx", `?domain=${world.domains.d1}`, "es"));
    const [header, ...rows] = rowsOf(sheet);
    expect(header).toEqual([
      "Dominio",
      "Cifra",
      "Unidad",
      "Historias seleccionadas",
      "Total (seleccionadas)",
      "Historias aprobadas",
      "Total (aprobadas)",
      "Cifras listadas",
    ]);
    expect(rows).toHaveLength(3);
    const communities = rows.find(
      (row) => String(row[1]).toLowerCase().startsWith("comunidades") && row[2] === undefined,
    )!;
    expect(communities.slice(3, 7)).toEqual([2, 30, 1, 24]);
    const cases = rows.find((row) => String(row[1]).toLowerCase().startsWith("casos"))!;
    expect(cases[4]).toBeUndefined();
    expect(cases[7]).toMatch(/^75 %; 81 %$/);
  });

  it("writes the storyteller groups for a lead with exact counts and rates as numbers", async () => {
    as("lead");
    const sheet = await sheetOf(await call("storytellers.xlsx"));
    const union = rowsOf(sheet).find((row) => row[1] === "Union member")!;
    expect(union).toEqual(["by storyteller type", "Union member", 3, 5, 3, 1, 2, 0.75]);
  });

  it("gives a reviewer '< 5' in the file too, and no round totals beside hidden strata", async () => {
    as("reviewer");
    const [, ...groups] = await csvOf(await call("storytellers.csv"));
    const union = groups.find((row) => row[1] === "Union member")!;
    expect(union.slice(2, 7)).toEqual(["< 5", "< 5", "< 5", "< 5", "< 5"]);
    const sheet = await sheetOf(await call("validation.xlsx"));
    const rows = rowsOf(sheet).slice(1);
    expect(rows.map((row) => row.slice(2))).toEqual([
      ["< 5", "< 5"],
      ["< 5", "< 5"],
      ["< 5", "< 5"],
    ]);
    expect(rows.some((row) => row[1] === "All strata")).toBe(false);
    const [, ...funnel] = await csvOf(await call("funnel.csv"));
    expect(funnel.at(-1)).toEqual(["All domains", "2", "2"]);
  });

  it("writes a file with its header only when a filter empties the figure", async () => {
    as("lead");
    const rows = await csvOf(await call("feedback.csv", "?to=2000-01-01"));
    expect(rows).toEqual([["Round", "Candidates", "With feedback", "With storytellers"]]);
  });

  it("offers the map as an SVG file with a title per state and escaped text", async () => {
    as("lead");
    const response = await call("states.svg");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    const svg = await response.text();
    // On the page's figures: S1, S3, S6-S10 are placed in Oaxaca; S2, S3, S4 in Veracruz.
    expect(svg.match(/<path /g)).toHaveLength(32);
    expect(svg).toContain("<title>Oaxaca: 7 stories</title>");
    expect(svg).toContain("<title>Veracruz: 3 stories</title>");
    expect(svg).not.toMatch(/<script|on[a-z]+=/i);
  });

  it("writes one audit event per complete file, with the figure, format, filters and row count", async () => {
    as("lead");
    const before = await database.prisma.auditEvent.count({
      where: { evaluationId: world.evaluationId, action: "dashboard.export" },
    });
    await (await call("change-types.csv", "?changeType=NEGATIVE")).text();
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: world.evaluationId, action: "dashboard.export" },
      orderBy: { sequence: "desc" },
    });
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({
      actorId: world.users.lead,
      after: {
        figure: "change-types",
        format: "csv",
        filters: { changeType: "NEGATIVE" },
        rowCount: 2,
        exactCounts: true,
      },
    });
  });
});
