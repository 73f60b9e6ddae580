/**
 * Table downloads through the one door, against a real database, read back as files: CSV with
 * csv-parse, XLSX with exceljs. Filters and every page, labels or raw values, date cells, formula
 * text neutralised and numbers numeric, identities only for a lead who asks, each role's read rule,
 * another evaluation's rows never, and the audit event with its row count once the file is complete.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isoDay } from "@/lib/core/calendar-day";
import {
  buildChangeStory,
  buildFocusGroup,
  buildInterview,
  buildRespondent,
  buildRespondentIdentity,
  createEvaluationWithTeam,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { day } from "@/tests/factories/ids";
import { actingUser, signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { csvOf, getExport, sheetOf } from "@/tests/support/export-door";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let mine: EvaluationWithTeam;
let theirs: EvaluationWithTeam;

const CANARY = "Canary Name Zacarías";
const FOREIGN = "Foreign story of another evaluation";
const FORMULA = '=HYPERLINK("http://evil.example","click")';
const NEGATIVE_STORIES = 2500;

const call = (file: string, search = "", options: { evaluationId?: string; locale?: string } = {}) =>
  getExport(options.evaluationId ?? mine.evaluation.id, file, search, options.locale);

function exportEvents(action: string) {
  return database.prisma.auditEvent.findMany({
    where: { evaluationId: mine.evaluation.id, action },
    orderBy: { sequence: "asc" },
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { prisma } = database;
  mine = await createEvaluationWithTeam(prisma);
  theirs = await createEvaluationWithTeam(prisma);
  const authorId = mine.members.evaluator!.id;
  const stories = Array.from({ length: NEGATIVE_STORIES + 100 }, (_, index) =>
    buildChangeStory({
      evaluationId: mine.evaluation.id,
      authorId,
      codeNumber: index + 1,
      changeType: index < NEGATIVE_STORIES ? "NEGATIVE" : "POSITIVE",
      title: index === 0 ? FORMULA : `Historia ${index + 1}`,
      periodFrom: day("2022-01-01"),
      periodTo: day("2023-12-31"),
      periodPrecision: "DAY",
    }),
  );
  await prisma.changeStory.createMany({ data: stories });
  await prisma.changeStory.create({
    data: buildChangeStory({
      evaluationId: theirs.evaluation.id,
      authorId: theirs.members.lead.id,
      title: FOREIGN,
      changeType: "NEGATIVE",
    }),
  });

  const respondents = [
    buildRespondent({
      evaluationId: mine.evaluation.id,
      codeNumber: 1,
      type: "UNION_MEMBER",
      gender: "WOMAN",
      state: "Oaxaca",
    }),
    buildRespondent({
      evaluationId: mine.evaluation.id,
      codeNumber: 2,
      type: "COMPANY",
      gender: "MAN",
      state: "Veracruz",
    }),
    buildRespondent({
      evaluationId: mine.evaluation.id,
      codeNumber: 3,
      type: "UNION_MEMBER",
      gender: "MAN",
      state: "Oaxaca",
      excludedAt: new Date("2025-01-15"),
    }),
  ];
  await prisma.respondent.createMany({
    data: [...respondents, buildRespondent({ evaluationId: theirs.evaluation.id, codeNumber: 9, state: "Oaxaca" })],
  });
  await prisma.respondentAtRiskGroup.create({
    data: { evaluationId: mine.evaluation.id, respondentId: respondents[0]!.id, groupId: mine.atRiskGroups[0]!.id },
  });
  await prisma.respondentIdentity.create({
    data: buildRespondentIdentity({
      evaluationId: mine.evaluation.id,
      respondentId: respondents[0]!.id,
      name: CANARY,
      phone: "+52 55 0000 0000",
    }),
  });

  await prisma.interview.createMany({
    data: [
      buildInterview({ evaluationId: mine.evaluation.id, date: day("2024-06-15"), durationMinutes: 45, mode: "PHONE" }),
      buildInterview({ evaluationId: mine.evaluation.id, date: day("2024-07-01"), durationMinutes: 90 }),
    ],
  });
  await prisma.focusGroup.create({
    data: buildFocusGroup({
      evaluationId: mine.evaluation.id,
      topic: "-5 days of strike @union",
      anonymousParticipantCount: 12,
    }),
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("the stories export", () => {
  it("has every page of the filtered list, in the list's order, and audits the export with its row count", async () => {
    signInAs(mine.members.lead);
    const response = await call("stories.csv", "?changeType=NEGATIVE&size=50&page=3&sort=code&labels=raw");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="stories-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    const rows = await csvOf(response);
    expect(rows).toHaveLength(NEGATIVE_STORIES);
    expect(new Set(rows.map((row) => row.change_type))).toEqual(new Set(["NEGATIVE"]));
    expect(rows.slice(0, 3).map((row) => row.code)).toEqual(["CS-0001", "CS-0002", "CS-0003"]);
    expect(rows.map((row) => row.title)).not.toContain(FOREIGN);
    // Formula-looking text is neutralised in CSV; dates are ISO text.
    expect(rows[0]!.title).toBe(`'${FORMULA}`);
    expect(rows[0]!.period_from).toBe("2022-01-01");
    const [event] = await exportEvents("story.export");
    expect(event?.actorId).toBe(mine.members.lead.id);
    expect(event?.after).toMatchObject({
      table: "stories",
      format: "csv",
      level: "limited",
      labels: "raw",
      filters: { changeType: "NEGATIVE" },
      sort: "code",
      rowCount: NEGATIVE_STORIES,
    });
  });

  it("writes headers and choices as labels in the reader's language, or raw values when asked", async () => {
    signInAs(mine.members.lead);
    const english = await csvOf(await call("stories.csv", "?changeType=POSITIVE", { locale: "en" }));
    expect(english[0]).toMatchObject({ Code: expect.stringMatching(/^CS-/), "Type of change": "Positive change" });
    const spanish = await csvOf(await call("stories.csv", "?changeType=POSITIVE", { locale: "es" }));
    expect(spanish[0]).toMatchObject({ "Tipo de cambio": "Cambio positivo" });
    const raw = await csvOf(await call("stories.csv", "?changeType=POSITIVE&labels=raw", { locale: "es" }));
    expect(raw[0]).toMatchObject({ change_type: "POSITIVE", stage: "DRAFT" });
  });

  it("gives XLSX date cells, formula-looking titles as text, and leaves free text out when de-identified", async () => {
    signInAs(mine.members.lead);
    const sheet = await sheetOf(await call("stories.xlsx", "?sort=code&labels=raw"));
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.rowCount).toBe(NEGATIVE_STORIES + 100 + 1);
    const cell = (name: string) => sheet.getRow(2).getCell(headers.indexOf(name) + 1);
    expect(cell("title").type).toBe(ExcelJS.ValueType.String);
    expect(cell("title").value).toBe(FORMULA);
    expect(cell("period_from").type).toBe(ExcelJS.ValueType.Date);
    expect(isoDay(cell("period_from").value as Date)).toBe("2022-01-01");

    const deidentified = await csvOf(await call("stories.csv", "?level=deidentified&labels=raw&changeType=POSITIVE"));
    expect(Object.keys(deidentified[0]!)).not.toContain("title");
    expect(deidentified[0]!.period_from).toBe("2022");
  });

  it("exports every match of a search, in the list's relevance order", async () => {
    signInAs(mine.members.lead);
    const rows = await csvOf(await call("stories.csv", "?q=HYPERLINK&labels=raw"));
    expect(rows.map((row) => row.code)).toEqual(["CS-0001"]);
    const all = await csvOf(await call("stories.csv", "?q=historia&labels=raw"));
    expect(all).toHaveLength(NEGATIVE_STORIES + 100 - 1);
  });

  it("writes no audit event for a download that was cut short", async () => {
    signInAs(mine.members.lead);
    const before = (await exportEvents("story.export")).length;
    const response = await call("stories.xlsx");
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await exportEvents("story.export")).toHaveLength(before);
  });

  it("records an identified download before its first row, so one cut short still leaves a trace", async () => {
    signInAs(mine.members.lead);
    const started = (await exportEvents("export.identities.read")).length;
    const finished = (await exportEvents("respondent.export")).length;
    const response = await call("respondents.csv", "?identified=1&state=Oaxaca");
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = await exportEvents("export.identities.read");
    expect(events).toHaveLength(started + 1);
    expect(events.at(-1)).toMatchObject({ actorId: mine.members.lead.id, recordType: "Respondent" });
    expect(events.at(-1)?.after).toEqual(
      expect.objectContaining({ table: "respondents", level: "identified", filters: { state: "Oaxaca" } }),
    );
    expect(events.at(-1)?.after).not.toHaveProperty("rowCount");
    expect(await exportEvents("respondent.export")).toHaveLength(finished);

    // Whole, it has both: the start, then the end with its row count.
    await (await call("respondents.csv", "?identified=1&state=Oaxaca")).text();
    expect(await exportEvents("export.identities.read")).toHaveLength(started + 2);
    expect((await exportEvents("respondent.export")).at(-1)?.after).toMatchObject({ level: "identified", rowCount: 2 });
    // A file without identities writes no start.
    await (await call("respondents.csv")).text();
    expect(await exportEvents("export.identities.read")).toHaveLength(started + 2);
  });
});

describe("the respondents export", () => {
  it("never has identities by default, nor when an evaluator asks; a lead who asks gets them", async () => {
    signInAs(mine.members.lead);
    const plain = await call("respondents.csv", "?labels=raw");
    const text = await plain.text();
    expect(text).not.toContain(CANARY);
    expect(text.split("\n")[0]).not.toMatch(/\bname\b|phone/);

    signInAs(mine.members.evaluator!);
    expect((await call("respondents.csv", "?identified=1")).status).toBe(403);

    signInAs(mine.members.lead);
    const identified = await csvOf(await call("respondents.csv", "?identified=1&labels=raw&state=Oaxaca"));
    expect(identified.map((row) => row.code)).toEqual(["R-0001", "R-0003"]);
    // A phone number starting with "+" is text that a spreadsheet would read as a formula.
    expect(identified[0]).toMatchObject({ name: CANARY, phone: "'+52 55 0000 0000" });
    const events = await exportEvents("respondent.export");
    expect(events.at(-1)?.after).toMatchObject({ level: "identified", filters: { state: "Oaxaca" }, rowCount: 2 });
    expect(JSON.stringify(events.map((event) => event.after))).not.toContain(CANARY);
  });

  it("leaves excluded respondents out for an analyst, as the page does", async () => {
    signInAs(mine.members.analyst!);
    const rows = await csvOf(await call("respondents.csv", "?labels=raw"));
    expect(rows.map((row) => row.code)).toEqual(["R-0001", "R-0002"]);
    expect(Object.keys(rows[0]!)).not.toContain("excluded");
    // The evaluation's own at-risk groups: the forms' choice code raw, the name when labelled.
    expect(rows[0]!.at_risk_groups).toBe(mine.atRiskGroups[0]!.code ?? mine.atRiskGroups[0]!.nameEn);
    const labelled = await csvOf(await call("respondents.csv", "", { locale: "es" }));
    expect(labelled[0]!["Grupos en riesgo"]).toBe(mine.atRiskGroups[0]!.nameEs);
  });
});

describe("fieldwork exports", () => {
  it("keeps numbers numeric and neutralises text that looks like a formula", async () => {
    signInAs(mine.members.evaluator!);
    const interviews = await call("interviews.csv", "?labels=raw&sort=date");
    const body = await interviews.text();
    expect(body).toContain("2024-06-15,PHONE,");
    const rows = parse(body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.duration_minutes)).toEqual(["45", "90"]);
    const sheet = await sheetOf(await call("interviews.xlsx", "?labels=raw&sort=date"));
    expect(sheet.getRow(2).getCell(6).value).toBe(45);

    const groups = await csvOf(await call("focus-groups.csv", "?labels=raw"));
    expect(groups[0]).toMatchObject({ topic: "'-5 days of strike @union", participant_count: "12" });
  });
});

describe("who may export", () => {
  it.each([
    [
      "a reviewer (who reads approved outcomes only: tests/integration/story-workbook.test.ts)",
      () => actingUser(mine.members.reviewer!),
      ["respondents", "interviews", "focus-groups", "audit"],
    ],
    ["a panelist", () => actingUser(mine.members.panelist!), ["respondents", "interviews", "audit"]],
    ["the lead of another evaluation", () => actingUser(theirs.members.lead), ["stories", "respondents", "audit"]],
    ["an outsider", () => actingUser(mine.outsider), ["stories", "respondents"]],
    ["nobody signed in", () => null, ["stories"]],
  ])("answers 404 with nothing in it to %s", async (_who, user, tables) => {
    signInAs(user());
    for (const table of tables) {
      const response = await call(`${table}.csv`);
      expect(response.status, table).toBe(404);
      expect(await response.json()).toEqual({ error: "NOT_FOUND" });
    }
  });

  it("refuses an unknown table or format, and a filter the list would refuse", async () => {
    signInAs(mine.members.lead);
    expect((await call("payments.csv")).status).toBe(404);
    expect((await call("stories.pdf")).status).toBe(404);
    expect((await call("stories.csv", `?changeType=${encodeURIComponent('{"not":null}')}`)).status).toBe(400);
    expect((await call("stories.csv", "?level=everything")).status).toBe(400);
  });

  it("lets a panelist export the stories list as the page shows it: their opened rounds' stories, none here", async () => {
    signInAs(mine.members.panelist!);
    const rows = await csvOf(await call("stories.csv", "?changeType=POSITIVE&labels=raw"));
    expect(rows).toHaveLength(0);
  });
});
