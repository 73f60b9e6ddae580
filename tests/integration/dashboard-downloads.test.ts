/**
 * Dashboard figure downloads through the route, on a real database, read back as files (CSV with
 * csv-parse, XLSX with exceljs, the map's SVG as XML text): the page's filters, the same figures
 * as the loaders, "< 5" for a reviewer in the file too, formula text neutralised and numbers
 * numeric, an audit event per complete file, and 404 for an outsider and for unknown figures.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { el, pngChunks, svgQuery } from "@/tests/support/chart-files";
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
    // The title's part before its colon, not "Cuantificación  las cifras de l" (31 characters, colon blanked).
    expect(sheet.name).toBe("Cuantificación");
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

describe("dashboard downloads: the funnel and the selection rates as charts", () => {
  const bars = `//${el("g")}[${el("rect")}]`;

  it("draws the funnel as one bar per step with its number and title, parsed as XML", async () => {
    as("lead");
    const response = await call("funnel.svg");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/filename="funnel-\d{4}-\d{2}-\d{2}\.svg"/);
    const svg = await response.text();
    // Every step of the path, in order; S1 and S5 are drafts, S3 and S4 approved (the world's comments).
    expect(svgQuery(svg, `count(${bars})`)).toBe("14");
    expect(svgQuery(svg, `string(${bars}[1]/${el("title")})`)).toBe("Draft: 2 stories");
    expect(svgQuery(svg, `string(${bars}[12]/${el("title")})`)).toBe("Approved: 2 stories");
    expect(svgQuery(svg, `string(//${el("desc")})`)).toBe(
      "10 stories, 2 approved; the largest number stand at Draft, In selection, and Approved (2).",
    );
    expect(svg).not.toMatch(/<script|on[a-z]+=|style=/i);
  });

  it("draws the lead's selection rates with the counts they are built on, by type and gender", async () => {
    as("lead");
    const response = await call("storytellers.svg");
    expect(response.headers.get("content-disposition")).toContain('filename="selection-rates-');
    const svg = await response.text();
    const row = (name: string) => svgQuery(svg, `string(${`//${el("g")}`}[${el("text")}[1]='${name}']/${el("title")})`);
    expect(row("Union member")).toBe("Union member: 75%, 3 of 4 decided stories selected");
    expect(row("Man")).toBe("Man: 100%, 2 of 2 decided stories selected");
    expect(row("Company")).toBe("Company: no decision yet");
    // A bar only where there is a rate: Union member, Labor authority, Woman, Man.
    expect(svgQuery(svg, `count(${bars})`)).toBe("4");
    expect(svgQuery(svg, `string(//${el("desc")})`)).toBe(
      "Selection rate by storyteller type: from 75% (Union member) to 100% (Labor authority); by storyteller gender: from 50% (Woman) to 100% (Man).",
    );
  });

  it("gives a reviewer, who sees no decisions, a chart of no bars that says why", async () => {
    as("reviewer");
    const svg = await (await call("storytellers.svg")).text();
    expect(svgQuery(svg, `count(${bars})`)).toBe("0");
    expect(svgQuery(svg, `string(//${el("desc")})`)).toContain("no selection rate");
  });

  it("renders both as real PNGs with their titles, in Spanish too, each download audited", async () => {
    as("lead");
    for (const [file, title] of [
      ["funnel.png", "Historias en cada paso, todos los dominios"],
      ["storytellers.png", "Tasa de selección por tipo y género de narrador"],
    ] as const) {
      const response = await call(file, "", "es");
      expect(response.headers.get("content-type")).toBe("image/png");
      const chunks = pngChunks(Buffer.from(await response.arrayBuffer()));
      expect(chunks[0]!.type).toBe("IHDR");
      expect(chunks[0]!.data.readUInt32BE(0)).toBe(1200);
      expect(chunks[0]!.data.readUInt32BE(4)).toBeGreaterThan(300);
      expect(chunks.some((chunk) => chunk.type === "IDAT" && chunk.data.length > 1000)).toBe(true);
      expect(chunks.at(-1)!.type).toBe("IEND");
      const texts = chunks.filter((chunk) => chunk.type === "iTXt").map((chunk) => chunk.data.toString("utf8"));
      expect(texts.find((text) => text.startsWith("Title\0"))).toContain(title);
    }
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: world.evaluationId, action: "dashboard.export" },
      orderBy: { sequence: "desc" },
      take: 2,
    });
    expect(events.map((event) => event.after)).toEqual([
      expect.objectContaining({ figure: "storytellers", format: "png", rowCount: 14 }),
      expect.objectContaining({ figure: "funnel", format: "png", rowCount: 14 }),
    ]);
  });
});
