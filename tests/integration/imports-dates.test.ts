/**
 * Dates in XLSX files written here by exceljs, imported against a real PostgreSQL in a zone west of
 * UTC (America/Mexico_City), where reading a midnight through local time would give the previous
 * day: date-formatted cells (Date values and raw serials), date-time cells near midnight, dates
 * typed as text, a 1904 (Mac) workbook, and numbers in date columns, which are refused as
 * "a number, not a date" and never turned into a day. Interview dates and story periods alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "@/lib/core/calendar-day";
import { commitImport } from "@/lib/imports/mutations";
import { openTable } from "@/lib/imports/reader";
import { createConsentedRespondent, day, type EvaluationWithTeam } from "@/tests/factories";
import { dryRunSuggested, openImportWorld, rowErrorsOf, type ImportWorld } from "@/tests/support/import-world";
import { koboXlsxFile, type KoboCell } from "@/tests/support/kobo-workbook";
import type { TestDatabase } from "@/tests/support/test-database";

const zoneBefore = process.env.TZ;
let world: ImportWorld;
let database: TestDatabase;
let team: EvaluationWithTeam;
let evaluationId: string;
let actor: ImportWorld["actor"];
let respondentCode: string;

const INTERVIEW_HEADERS = [
  "grp/fecha_entrevista",
  "grp/modalidad",
  "grp/idioma",
  "grp/entrevistador",
  "grp/codigo_respondente",
  "_uuid",
];
const STORY_HEADERS = [
  "title",
  "what_changed",
  "why_significant",
  "language",
  "change_type",
  "period_from",
  "period_to",
  "_uuid",
];
const asDate = (value: number | Date, numFmt = "dd/mm/yyyy") => ({ value, numFmt });

const xlsx = (headers: string[], rows: KoboCell[][], options: { date1904?: boolean; name?: string } = {}) =>
  koboXlsxFile([{ name: "export", headers, rows }], options.name ?? "export.xlsx", options);

const dryRun = (kind: "INTERVIEWS" | "STORIES", content: File, idempotencyKey: string) =>
  dryRunSuggested(world, kind, content, idempotencyKey);
const errorsOf = (batchId: string) => rowErrorsOf(world, batchId);

async function firstRowCells(content: File): Promise<string[]> {
  const table = await openTable(content);
  for await (const row of table.rows) return row.cells;
  return [];
}

/** Interview rows: the date cell varies, the rest is a valid interview. */
function interview(date: KoboCell, key: string): KoboCell[] {
  return [date, "cara_a_cara", "es", team.members.evaluator!.email, respondentCode, key];
}

async function interviewDays(batchId: string): Promise<Record<string, string>> {
  const imported = await database.prisma.importedRow.findMany({ where: { evaluationId, batchId } });
  const interviews = await database.prisma.interview.findMany({
    where: { evaluationId, id: { in: imported.map((row) => row.recordId) } },
    select: { id: true, date: true },
  });
  const days = new Map(interviews.map((row) => [row.id, isoDay(row.date)]));
  return Object.fromEntries(imported.map((row) => [row.externalKey, days.get(row.recordId)!]));
}

beforeAll(async () => {
  process.env.TZ = "America/Mexico_City";
  world = await openImportWorld();
  ({ database, team, evaluationId, actor } = world);
  respondentCode = (
    await createConsentedRespondent(database.prisma, { evaluationId, recordedById: team.members.lead.id })
  ).code;
});

afterAll(async () => {
  await database?.close();
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe("interview dates from an XLSX", () => {
  it("runs where local time would put a UTC midnight on the previous day", () => {
    expect(day("2024-05-02").getDate()).toBe(1);
  });

  const good = (): KoboCell[][] => [
    interview(asDate(day("2024-05-02")), "date-value"),
    interview(asDate(45_415, "yyyy-mm-dd"), "serial"),
    interview(asDate(45_416 + 1 / 48, "dd/mm/yyyy hh:mm"), "just-after-midnight"),
    interview(asDate(45_417 + 23.5 / 24, "dd/mm/yyyy hh:mm"), "just-before-midnight"),
    interview("06/05/2024", "text-day-first"),
    interview("2024-05-07", "text-iso"),
    interview(asDate(45_420, "mm-dd-yy"), "built-in-format"),
  ];

  it("reads date cells as the day the sheet shows, reports numbers and times in the date column, and commits the days unshifted", async () => {
    const bad: KoboCell[][] = [
      interview(45_418, "number"),
      interview("45418", "number-as-text"),
      interview(asDate(0.75, "h:mm"), "time-only"),
      interview(asDate(45_414.5, "0.00"), "number-format"),
    ];
    const mixed = await xlsx(INTERVIEW_HEADERS, [...good(), ...bad]);
    const dry = await dryRun("INTERVIEWS", mixed, "interview-dates-mixed");
    expect(dry).toMatchObject({ rowCount: 11, newCount: 7, errorCount: 4 });
    expect(await errorsOf(dry.batchId)).toEqual([
      [9, "grp/fecha_entrevista", "imports.rowErrors.numberNotDate"],
      [10, "grp/fecha_entrevista", "imports.rowErrors.numberNotDate"],
      [11, "grp/fecha_entrevista", "fieldwork.errors.invalidDate"],
      [12, "grp/fecha_entrevista", "imports.rowErrors.numberNotDate"],
    ]);
    const before = await database.prisma.interview.count({ where: { evaluationId } });
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: mixed })).toEqual({
      rejected: "ROWS_INVALID",
      field: undefined,
    });
    expect(await database.prisma.interview.count({ where: { evaluationId } })).toBe(before);

    const fixed = await xlsx(INTERVIEW_HEADERS, good());
    const clean = await dryRun("INTERVIEWS", fixed, "interview-dates-fixed");
    expect(clean).toMatchObject({ rowCount: 7, newCount: 7, errorCount: 0 });
    expect(await commitImport(actor, { evaluationId, batchId: clean.batchId, file: fixed })).toMatchObject({
      created: 7,
    });
    expect(await interviewDays(clean.batchId)).toEqual({
      "date-value": "2024-05-02",
      serial: "2024-05-03",
      "just-after-midnight": "2024-05-04",
      "just-before-midnight": "2024-05-05",
      "text-day-first": "2024-05-06",
      "text-iso": "2024-05-07",
      "built-in-format": "2024-05-08",
    });
  });

  it("hands every other column a date cell as ISO text, a number as itself", async () => {
    const cells = await firstRowCells(
      await xlsx(
        ["a", "b", "c", "d", "e"],
        [[asDate(45_414), asDate(45_414.75, "yyyy-mm-dd hh:mm"), asDate(0.75, "hh:mm"), 45_414, "2024-05-02"]],
      ),
    );
    expect(cells).toEqual(["2024-05-02", "2024-05-02T18:00:00", "18:00:00", "45414", "2024-05-02"]);
  });
});

describe("a 1904 (Mac) workbook", () => {
  it("counts its serials from 1904, so the same number is another day than in a 1900 workbook", async () => {
    const headers = ["a", "b"];
    const row: KoboCell[][] = [[asDate(43_952, "yyyy-mm-dd"), asDate(43_952.25, "yyyy-mm-dd hh:mm")]];
    expect(await firstRowCells(await xlsx(headers, row, { date1904: true }))).toEqual([
      "2024-05-02",
      "2024-05-02T06:00:00",
    ]);
    expect(await firstRowCells(await xlsx(headers, row))).toEqual(["2020-05-01", "2020-05-01T06:00:00"]);
  });

  it("imports its interview dates as the days the sheet shows", async () => {
    const content = await xlsx(
      INTERVIEW_HEADERS,
      [
        interview(asDate(43_952, "dd/mm/yyyy"), "mac-serial"),
        interview(asDate(day("2024-05-03")), "mac-date-value"),
        interview(43_952, "mac-number"),
      ],
      { date1904: true },
    );
    const dry = await dryRun("INTERVIEWS", content, "interview-dates-1904");
    expect(await errorsOf(dry.batchId)).toEqual([[4, "grp/fecha_entrevista", "imports.rowErrors.numberNotDate"]]);
    const fixed = await xlsx(
      INTERVIEW_HEADERS,
      [interview(asDate(43_952, "dd/mm/yyyy"), "mac-serial"), interview(asDate(day("2024-05-03")), "mac-date-value")],
      { date1904: true },
    );
    const clean = await dryRun("INTERVIEWS", fixed, "interview-dates-1904-fixed");
    expect(await commitImport(actor, { evaluationId, batchId: clean.batchId, file: fixed })).toMatchObject({
      created: 2,
    });
    expect(await interviewDays(clean.batchId)).toEqual({ "mac-serial": "2024-05-02", "mac-date-value": "2024-05-03" });
  });
});

describe("story periods from an XLSX", () => {
  const story = (key: string, from: KoboCell, to: KoboCell): KoboCell[] => [
    `Historia ${key}`,
    "Cambió la forma de negociar.",
    "Porque la asamblea decidió.",
    "es",
    "positivo",
    from,
    to,
    key,
  ];

  it("takes date cells as days and whole years as years, and refuses a serial number in either end", async () => {
    const good = [story("days", asDate(day("2023-03-15")), asDate(45_414, "d-mmm-yy")), story("years", 2023, 2024)];
    const mixed = await xlsx(STORY_HEADERS, [
      ...good,
      story("number-to", asDate(day("2023-03-15")), 45_414),
      story("number-from", 45_000, ""),
    ]);
    const dry = await dryRun("STORIES", mixed, "story-dates-mixed");
    expect(await errorsOf(dry.batchId)).toEqual([
      [4, "period_to", "imports.rowErrors.numberNotDate"],
      [5, "period_from", "imports.rowErrors.numberNotDate"],
    ]);

    const fixed = await xlsx(STORY_HEADERS, good);
    const clean = await dryRun("STORIES", fixed, "story-dates-fixed");
    expect(clean).toMatchObject({ newCount: 2, errorCount: 0 });
    expect(await commitImport(actor, { evaluationId, batchId: clean.batchId, file: fixed })).toMatchObject({
      created: 2,
    });
    const stories = await database.prisma.changeStory.findMany({
      where: { evaluationId, title: { in: ["Historia days", "Historia years"] } },
      orderBy: { title: "asc" },
    });
    expect(
      stories.map((row) => [row.title, row.periodPrecision, isoDay(row.periodFrom), isoDay(row.periodTo)]),
    ).toEqual([
      ["Historia days", "DAY", "2023-03-15", "2024-05-02"],
      ["Historia years", "YEAR", "2023-01-01", "2024-12-31"],
    ]);
  });
});
