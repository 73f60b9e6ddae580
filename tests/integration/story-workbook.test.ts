/**
 * The story export as one workbook (XLSX, read back with exceljs) and as a zip of CSV files (read
 * back with unzipper and csv-parse), against a real database: every sheet present and joined by
 * the story code, a README that explains every column, the levels, the list's filters carried
 * over, reviewers' approved outcomes only, formula text neutralised and numbers numeric, 404 for
 * outsiders, and the audit event with filters, level and row counts.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import unzipper from "unzipper";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildChangeStory,
  buildDomainAssignment,
  buildRespondentIdentity,
  buildStoryFigure,
  createStoryWorld,
  type StoryWorld,
} from "@/tests/factories";
import { day } from "@/tests/factories/ids";
import { actingUser, signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { getExport, workbookOf } from "@/tests/support/export-door";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));
let database: TestDatabase;
let world: StoryWorld;
const CANARY = "Storyteller Canary Eulalia";
const FORMULA_LABEL = "=SUM(A1:A9) families";
const RATIONALE = "Rationale text that is free text";
const SHEETS = [
  "stories",
  "figures",
  "contributions",
  "storytellers",
  "sources",
  "domain-assignments",
  "translations",
  "README",
];
const CHILD_SHEETS = SHEETS.slice(1, -1);
const DATA_STORIES = 30;
const call = (file: string, search = "", locale = "en") => getExport(world.evaluationId, file, search, locale);

/** A sheet's rows as objects by header. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1).value ?? null])));
  });
  return rows;
}
async function zipOf(response: Response): Promise<Map<string, Record<string, string>[]>> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  const directory = await unzipper.Open.buffer(Buffer.from(await response.arrayBuffer()));
  const files = new Map<string, Record<string, string>[]>();
  for (const file of directory.files)
    files.set(file.path, parse(await file.buffer(), { bom: true, columns: true }) as Record<string, string>[]);
  return files;
}
function exportEvents() {
  return database.prisma.auditEvent.findMany({
    where: { evaluationId: world.evaluationId, action: "story.export" },
    orderBy: { sequence: "asc" },
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { prisma } = database;
  world = await createStoryWorld(prisma);
  const { evaluationId, team } = world;
  const authorId = team.members.evaluator!.id;
  // CS-0001 approved and complete; CS-0002 a negative draft with one figure; the rest plain positive drafts.
  const approved = buildChangeStory({
    evaluationId,
    authorId,
    codeNumber: 1,
    stage: "APPROVED",
    changeType: "POSITIVE",
    titleTranslation: "Secret ballots",
    whatChangedTranslation: "What changed, in English.",
    translationLanguage: "en",
    translatedById: team.members.evaluator!.id,
    translatedAt: new Date("2024-08-01T10:00:00Z"),
    periodFrom: day("2022-03-01"),
    periodPrecision: "MONTH",
  });
  const draft = buildChangeStory({ evaluationId, authorId, codeNumber: 2, changeType: "NEGATIVE" });
  const others = Array.from({ length: DATA_STORIES - 2 }, (_, index) =>
    buildChangeStory({ evaluationId, authorId, codeNumber: index + 3 }),
  );
  await prisma.changeStory.createMany({ data: [approved, draft, ...others] });
  await prisma.storyFigure.createMany({
    data: [
      buildStoryFigure({ evaluationId, storyId: approved.id, position: 1, label: FORMULA_LABEL, value: -5, unit: "%" }),
      buildStoryFigure({
        evaluationId,
        storyId: approved.id,
        position: 2,
        label: "workers",
        value: 600000,
        qualifier: "MORE_THAN",
      }),
      buildStoryFigure({
        evaluationId,
        storyId: draft.id,
        position: 1,
        label: "days",
        value: 10,
        valueMax: 20,
        qualifier: "RANGE",
      }),
    ],
  });
  await prisma.storyContribution.create({
    data: {
      evaluationId,
      storyId: approved.id,
      projectId: team.projects[0]!.id,
      howContributed: "Trained the union's delegates.",
    },
  });
  await prisma.storyTeller.create({
    data: { evaluationId, storyId: approved.id, respondentId: world.respondents.consenting.id },
  });
  await prisma.respondentIdentity.create({
    data: buildRespondentIdentity({ evaluationId, respondentId: world.respondents.consenting.id, name: CANARY }),
  });
  await prisma.storySource.createMany({
    data: [
      { evaluationId, storyId: approved.id, interviewId: world.interview.id },
      { evaluationId, storyId: approved.id, focusGroupId: world.focusGroup.id },
      { evaluationId, storyId: approved.id, excerptId: world.excerpt.id },
    ],
  });
  const [first, second] = team.domains;
  await prisma.domainAssignment.createMany({
    data: [
      buildDomainAssignment({
        evaluationId,
        storyId: approved.id,
        domainId: second!.id,
        assignedById: team.members.lead.id,
        rationale: "First thought.",
        assignedAt: new Date("2024-01-01"),
        endedAt: new Date("2024-02-01"),
        endedById: team.members.lead.id,
      }),
      buildDomainAssignment({
        evaluationId,
        storyId: approved.id,
        domainId: first!.id,
        assignedById: team.members.lead.id,
        rationale: RATIONALE,
        assignedAt: new Date("2024-02-01"),
      }),
      buildDomainAssignment({
        evaluationId,
        storyId: approved.id,
        domainId: second!.id,
        kind: "SECONDARY",
        assignedById: team.members.lead.id,
        assignedAt: new Date("2024-02-02"),
      }),
      buildDomainAssignment({
        evaluationId,
        storyId: draft.id,
        domainId: second!.id,
        assignedById: team.members.lead.id,
      }),
    ],
  });
}, 120_000);

afterAll(async () => database?.close());

describe("the story workbook (XLSX)", () => {
  it("has every sheet, each joined to the stories by the story code, with numbers as numbers and text as text", async () => {
    signInAs(world.team.members.lead);
    const response = await call("stories.xlsx", "?labels=raw&sort=code");
    expect(response.headers.get("content-disposition")).toMatch(/filename="stories-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Stories",
      "Figures",
      "Contributions",
      "Storytellers",
      "Sources",
      "Domain assignments",
      "Translations",
      "README",
    ]);
    const stories = rowsOf(workbook.worksheets[0]!);
    expect(stories).toHaveLength(DATA_STORIES);
    const codes = new Set(stories.map((row) => row.code));
    for (const sheet of workbook.worksheets.slice(1, -1)) {
      const rows = rowsOf(sheet);
      expect(rows.length, sheet.name).toBeGreaterThan(0);
      for (const row of rows) expect(codes.has(row.story_code), sheet.name).toBe(true);
    }
    expect(
      rowsOf(workbook.getWorksheet("Figures")!).map((row) => [
        row.story_code,
        row.position,
        row.qualifier,
        row.value,
        row.value_max,
        row.unit,
      ]),
    ).toEqual([
      ["CS-0001", 1, "EXACT", -5, null, "%"],
      ["CS-0001", 2, "MORE_THAN", 600000, null, null],
      ["CS-0002", 1, "RANGE", 10, 20, null],
    ]);
    // exceljs never turns a string into a formula: the label stays a string cell.
    const labelCell = workbook.getWorksheet("Figures")!.getRow(2).getCell(3);
    expect(labelCell.type).toBe(ExcelJS.ValueType.String);
    expect(labelCell.value).toBe(FORMULA_LABEL);
    expect(rowsOf(workbook.getWorksheet("Contributions")!)).toEqual([
      {
        story_code: "CS-0001",
        project_acronym: world.team.projects[0]!.acronym,
        how_contributed: "Trained the union's delegates.",
      },
    ]);
    expect(rowsOf(workbook.getWorksheet("Storytellers")!)).toEqual([
      { story_code: "CS-0001", respondent_code: world.respondents.consenting.code },
    ]);
    const sources = rowsOf(workbook.getWorksheet("Sources")!);
    expect(sources.map((row) => row.source_kind).sort()).toEqual(["EXCERPT", "FOCUS_GROUP", "INTERVIEW"]);
    expect(sources.find((row) => row.source_kind === "EXCERPT")).toMatchObject({
      excerpt_id: world.excerpt.id,
      interview_id: world.interview.id,
    });
    const assignments = rowsOf(workbook.getWorksheet("Domain assignments")!);
    expect(assignments.map((row) => [row.story_code, row.domain, row.assignment_kind, row.ended_at === null])).toEqual([
      ["CS-0001", 2, "PRIMARY", false],
      ["CS-0001", 1, "PRIMARY", true],
      ["CS-0001", 2, "SECONDARY", true],
      ["CS-0002", 2, "PRIMARY", true],
    ]);
    expect(assignments[1]).toMatchObject({ assigned_by: world.team.members.lead.name, rationale: RATIONALE });
    expect(assignments[1]!.assigned_at).toBeInstanceOf(Date);
    const translations = rowsOf(workbook.getWorksheet("Translations")!);
    expect(translations.map((row) => [row.story_code, row.field, row.language, row.text, row.translator])).toEqual([
      ["CS-0001", "title", "en", "Secret ballots", world.team.members.evaluator!.name],
      ["CS-0001", "what_changed", "en", "What changed, in English.", world.team.members.evaluator!.name],
    ]);
  });

  it("explains every column of every sheet in the reader's language in its README", async () => {
    signInAs(world.team.members.lead);
    for (const locale of ["en", "es"]) {
      const workbook = await workbookOf(await call("stories.xlsx", "", locale));
      const readme = workbook.worksheets.at(-1)!;
      expect(readme.name).toBe(locale === "en" ? "README" : "LEAME");
      const lines = rowsOf(readme).map((row) => Object.values(row) as Array<string | null>);
      for (const sheet of workbook.worksheets) {
        const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
        for (const header of headers) {
          const line = lines.find(([sheetName, column]) => sheetName === sheet.name && column === header);
          expect(line, `${locale}: ${sheet.name} / ${header}`).toBeDefined();
          // A missing message would show its key; a description is a sentence.
          expect(line![2]).not.toMatch(/^exports\./);
          expect(line![2]!.length).toBeGreaterThan(10);
        }
      }
      const joined = lines.find(([sheetName]) => sheetName === null)?.[2];
      expect(joined).toContain(locale === "en" ? "story code" : "código de la historia");
    }
  });

  it("carries the list's filters over to every sheet and audits filters, level and each sheet's row count", async () => {
    signInAs(world.team.members.lead);
    const workbook = await workbookOf(await call("stories.xlsx", "?changeType=NEGATIVE&labels=raw&page=2&size=10"));
    expect(rowsOf(workbook.worksheets[0]!).map((row) => row.code)).toEqual(["CS-0002"]);
    for (const name of ["Figures", "Domain assignments"])
      expect(new Set(rowsOf(workbook.getWorksheet(name)!).map((row) => row.story_code))).toEqual(new Set(["CS-0002"]));
    for (const name of ["Contributions", "Storytellers", "Sources", "Translations"])
      expect(rowsOf(workbook.getWorksheet(name)!)).toEqual([]);
    const event = (await exportEvents()).at(-1);
    expect(event?.actorId).toBe(world.team.members.lead.id);
    expect(event?.after).toMatchObject({
      table: "stories",
      format: "xlsx",
      level: "limited",
      labels: "raw",
      filters: { changeType: "NEGATIVE" },
      rowCount: 1,
      sheetRowCounts: {
        stories: 1,
        figures: 1,
        contributions: 0,
        storytellers: 0,
        sources: 0,
        "domain-assignments": 1,
        translations: 0,
      },
    });
  });
});

describe("the story workbook as CSV files in a zip", () => {
  it("has one CSV file per sheet and a README, joined by story code, formula text neutralised and numbers plain", async () => {
    signInAs(world.team.members.lead);
    const files = await zipOf(await call("stories.zip", "?labels=raw&sort=code"));
    expect([...files.keys()]).toEqual(SHEETS.map((sheet) => `${sheet}.csv`));
    const codes = new Set(files.get("stories.csv")!.map((row) => row.code));
    expect(codes.size).toBe(DATA_STORIES);
    for (const sheet of CHILD_SHEETS)
      for (const row of files.get(`${sheet}.csv`)!) expect(codes.has(row.story_code!), sheet).toBe(true);
    const figures = files.get("figures.csv")!;
    expect(figures[0]).toMatchObject({ story_code: "CS-0001", label: `'${FORMULA_LABEL}`, value: "-5", unit: "%" });
    expect(figures[1]).toMatchObject({ value: "600000", qualifier: "MORE_THAN" });
    const readme = files.get("README.csv")!;
    expect(readme.filter((row) => row.sheet === "figures").map((row) => row.column)).toEqual([
      "story_code",
      "position",
      "label",
      "label_translation",
      "qualifier",
      "value",
      "value_max",
      "unit",
    ]);
    expect((await exportEvents()).at(-1)?.after).toMatchObject({ format: "zip", rowCount: DATA_STORIES });
  });

  it("writes no audit event for a download cut short, as a workbook or as a zip", async () => {
    signInAs(world.team.members.lead);
    const before = (await exportEvents()).length;
    for (const file of ["stories.xlsx", "stories.zip"]) {
      const reader = (await call(file)).body!.getReader();
      await reader.read();
      await reader.cancel();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await exportEvents()).toHaveLength(before);
  });
});

describe("levels", () => {
  it("leaves identities out below the identified level, and free text and exact dates out when de-identified", async () => {
    signInAs(world.team.members.lead);
    const limited = await workbookOf(await call("stories.xlsx", "?labels=raw"));
    expect((limited.getWorksheet("Storytellers")!.getRow(1).values as unknown[]).slice(1)).toEqual([
      "story_code",
      "respondent_code",
    ]);

    const files = await zipOf(await call("stories.zip", "?labels=raw&level=deidentified"));
    const headers = (name: string) => Object.keys(files.get(name)![0] ?? {});
    expect(headers("stories.csv")).not.toContain("title");
    expect(headers("figures.csv")).toEqual(["story_code", "position", "qualifier", "value", "value_max", "unit"]);
    expect(headers("contributions.csv")).toEqual(["story_code", "project_acronym"]);
    expect(headers("domain-assignments.csv")).not.toContain("rationale");
    expect(headers("translations.csv")).not.toContain("text");
    expect(files.get("domain-assignments.csv")![1]!.assigned_at).toBe("2024");
    expect(files.get("sources.csv")!.map((row) => row.source_date)).toEqual(["2024", "2024", "2024"]);
    const everything = JSON.stringify([...files.values()]);
    for (const text of [CANARY, RATIONALE, "Secret ballots", FORMULA_LABEL]) expect(everything).not.toContain(text);
  });

  it("names storytellers only for a lead who asks; anyone else who asks is refused", async () => {
    signInAs(world.team.members.evaluator!);
    expect((await call("stories.xlsx", "?level=identified")).status).toBe(403);
    expect((await call("stories.zip", "?identified=1")).status).toBe(403);

    signInAs(world.team.members.lead);
    const identified = await workbookOf(await call("stories.xlsx", "?labels=raw&identified=1"));
    expect(rowsOf(identified.getWorksheet("Storytellers")!)).toEqual([
      { story_code: "CS-0001", respondent_code: world.respondents.consenting.code, name: CANARY },
    ]);
    const event = (await exportEvents()).at(-1);
    expect(event?.after).toMatchObject({ level: "identified", format: "xlsx" });
    expect(JSON.stringify(event?.after)).not.toContain(CANARY);
  });
});

describe("who may export the workbook", () => {
  it("gives a reviewer the approved outcomes only, every sheet limited to them", async () => {
    signInAs(world.team.members.reviewer!);
    const workbook = await workbookOf(await call("stories.xlsx", "?labels=raw"));
    expect(rowsOf(workbook.worksheets[0]!).map((row) => row.code)).toEqual(["CS-0001"]);
    expect(new Set(rowsOf(workbook.getWorksheet("Figures")!).map((row) => row.story_code))).toEqual(
      new Set(["CS-0001"]),
    );
    expect(new Set(rowsOf(workbook.getWorksheet("Domain assignments")!).map((row) => row.story_code))).toEqual(
      new Set(["CS-0001"]),
    );
    expect((await exportEvents()).at(-1)?.after).toMatchObject({ scopedBy: "review.view", rowCount: 1 });
    // Asking for another stage gives nothing rather than widening the scope.
    const drafts = await zipOf(await call("stories.zip", "?labels=raw&stage=DRAFT"));
    for (const sheet of SHEETS.slice(0, -1)) expect(drafts.get(`${sheet}.csv`), sheet).toEqual([]);
    const flat = parse(await (await call("stories.csv", "?labels=raw")).text(), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(flat.map((row) => row.code)).toEqual(["CS-0001"]);
    expect((await call("stories.xlsx", "?identified=1")).status).toBe(403);
  });

  it("answers 404 to an outsider and to nobody signed in, and has no zip for a table without a workbook", async () => {
    for (const user of [actingUser(world.team.outsider), null]) {
      signInAs(user);
      for (const file of ["stories.xlsx", "stories.zip"]) {
        const response = await call(file);
        expect(response.status, file).toBe(404);
        expect(await response.json()).toEqual({ error: "NOT_FOUND" });
      }
    }
    signInAs(world.team.members.lead);
    expect((await call("respondents.zip")).status).toBe(404);
    expect((await call("stories.zip", "?level=all")).status).toBe(400);
  });
});
