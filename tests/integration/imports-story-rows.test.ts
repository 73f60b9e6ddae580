/**
 * Story rows through the import code against PostgreSQL: periods as years, ranges and open ranges
 * ("2022-2024", "2022-", "since 2022", "desde 2022"), every way of writing *no change*, every
 * error of a row reported at once with the accepted forms, rows named by their spreadsheet line
 * (header = line 1, blank lines counted); and a saved column matching that still matches a new
 * file's new columns, with the columns left out listed before the dry run; domains by number or name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "@/lib/core/calendar-day";
import { leftOutColumns } from "@/lib/imports/mapping";
import { analyzeImportFile, commitImport } from "@/lib/imports/mutations";
import {
  csvFile as csvNamed,
  dryRunSuggested,
  openImportWorld,
  rowErrorsOf,
  type ImportWorld,
} from "@/tests/support/import-world";
import type { TestDatabase } from "@/tests/support/test-database";

let world: ImportWorld;
let database: TestDatabase;
let evaluationId: string;
let actor: ImportWorld["actor"];

const csvFile = (lines: string[][], name = "historias.csv") => csvNamed(lines, name);
const dryRun = (content: File, idempotencyKey: string) => dryRunSuggested(world, "STORIES", content, idempotencyKey);
const errorsOf = (batchId: string) => rowErrorsOf(world, batchId);

beforeAll(async () => {
  world = await openImportWorld();
  ({ database, evaluationId, actor } = world);
});

afterAll(async () => {
  await database?.close();
});

const HEADERS = ["title", "what_changed", "why_significant", "language", "change_type", "periodo", "_uuid"];
const story = (key: string, changeType: string, period: string, title = `Historia ${key}`) => [
  title,
  "Cambió la forma de negociar.",
  "Porque la asamblea decidió.",
  "es",
  changeType,
  period,
  key,
];

describe("story rows", () => {
  it("reports every error of a row at once, on the row's spreadsheet line, with the accepted forms; saves nothing", async () => {
    const content = csvFile([
      HEADERS,
      story("range", "lack of change", "2022-2024"), // line 2
      [""], // line 3: blank, still a line of the sheet
      story("since", "sin cambio", "since 2022"), // line 4
      story("three-wrong", "maybe", "last year", ""), // line 5: title, change type and period all wrong
      story("hostile", "positivo", "<script>alert(1)</script>"), // line 6
      story("reversed", "no change", "2024-2022"), // line 7
      story("formula", '=HYPERLINK("http://evil.example")', "=1+1"), // line 8
      story("two-digit", "negativo", "2022-24"), // line 9
    ]);
    const dry = await dryRun(content, "story-rows-bad");
    expect(dry).toMatchObject({ rowCount: 7, newCount: 2, errorCount: 5 });
    expect(await errorsOf(dry.batchId)).toEqual([
      [5, "change_type", "imports.rowErrors.changeTypeUnknown"],
      [5, "periodo", "imports.rowErrors.periodFormat"],
      [5, "title", "stories.errors.required"],
      [6, "periodo", "imports.rowErrors.periodFormat"],
      [7, "periodo", "stories.errors.periodOrder"],
      [8, "change_type", "imports.rowErrors.changeTypeUnknown"],
      [8, "periodo", "imports.rowErrors.periodFormat"],
      [9, "periodo", "imports.rowErrors.periodFormat"],
    ]);
    // No value of the file is kept with its errors.
    const stored = JSON.stringify(await database.prisma.importRowError.findMany({ where: { batchId: dry.batchId } }));
    for (const value of ["<script>", "last year", "maybe", "HYPERLINK"]) expect(stored).not.toContain(value);
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: content })).toEqual({
      rejected: "ROWS_INVALID",
      field: undefined,
    });
    expect(await database.prisma.changeStory.count({ where: { evaluationId } })).toBe(0);
  });

  it("names the tags a row cannot match: a priority or an at-risk group the evaluation does not have", async () => {
    const headers = [...HEADERS, "prioridades", "grupos_en_riesgo"];
    const content = csvFile([
      headers,
      [...story("tags-ok", "positivo", "2023"), "", "women_workers; Personas sindicalizadas en riesgo"], // line 2
      [...story("priority-unknown", "positivo", "2023"), "Prioridad que no existe", ""], // line 3
      [...story("group-unknown", "positivo", "2023"), "", "grupo inventado"], // line 4
      [...story("number-unknown", "positivo", "2023"), "99", ""], // line 5
    ]);
    const dry = await dryRun(content, "story-rows-tags");
    expect(dry).toMatchObject({ rowCount: 4, newCount: 1, errorCount: 3 });
    expect(await errorsOf(dry.batchId)).toEqual([
      [3, "prioridades", "imports.rowErrors.priorityUnknown"],
      [4, "grupos_en_riesgo", "imports.rowErrors.atRiskGroupUnknown"],
      [5, "prioridades", "imports.rowErrors.priorityUnknown"],
    ]);
  });

  it("reads years, ranges and open ranges, and every way of writing no change", async () => {
    const content = csvFile([
      HEADERS,
      story("p-range", "lack of change", "2022-2024"),
      story("p-dash", "Sin cambios", "2022 – 2024"),
      story("p-open", "No change", "2022-"),
      story("p-since", "positive", "since 2022"),
      story("p-desde", "Cambio positivo", "desde 2023"),
      story("p-year", "negativo", "2021"),
      story("p-none", "negativo", ""),
    ]);
    const dry = await dryRun(content, "story-rows-good");
    expect(dry).toMatchObject({ rowCount: 7, newCount: 7, errorCount: 0 });
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: content })).toMatchObject({
      created: 7,
    });
    const rows = await database.prisma.changeStory.findMany({ where: { evaluationId }, orderBy: { title: "asc" } });
    expect(
      Object.fromEntries(
        rows.map((row) => [
          row.title,
          [row.changeType, row.periodPrecision, isoDay(row.periodFrom), isoDay(row.periodTo)],
        ]),
      ),
    ).toEqual({
      "Historia p-range": ["NO_CHANGE", "YEAR", "2022-01-01", "2024-12-31"],
      "Historia p-dash": ["NO_CHANGE", "YEAR", "2022-01-01", "2024-12-31"],
      "Historia p-open": ["NO_CHANGE", "YEAR", "2022-01-01", null],
      "Historia p-since": ["POSITIVE", "YEAR", "2022-01-01", null],
      "Historia p-desde": ["POSITIVE", "YEAR", "2023-01-01", null],
      "Historia p-year": ["NEGATIVE", "YEAR", "2021-01-01", "2021-12-31"],
      "Historia p-none": ["NEGATIVE", "YEAR", null, null],
    });
  });

  it('reads a lone year in a "from" column as the start of an open period, as the form does', async () => {
    const content = csvFile([
      [
        "title",
        "what_changed",
        "why_significant",
        "language",
        "change_type",
        "periodo_desde",
        "periodo_hasta",
        "_uuid",
      ],
      [...story("f-from", "positivo", "2021").slice(0, 6), "", "f-from"],
      [...story("f-both", "positivo", "2021").slice(0, 6), "2023", "f-both"],
      [...story("f-range-and-to", "positivo", "2021-2022").slice(0, 6), "2023", "f-range-and-to"],
    ]);
    const dry = await dryRun(content, "story-rows-from");
    expect(await errorsOf(dry.batchId)).toEqual([[4, "periodo_hasta", "imports.rowErrors.periodFormat"]]);
  });
});

describe("column matching after a saved mapping", () => {
  it("matches a new file's new columns as a first import would, and lists every column left out", async () => {
    const first = ["title", "what_changed", "why_significant", "language", "change_type", "_uuid"];
    const firstFile = csvFile([first, story("m-1", "positivo", "").filter((_, i) => i !== 5)], "primera.csv");
    await dryRun(firstFile, "mapping-first");

    const hostileHeader = "=cmd|' /C calc'!A0";
    const second = [...first, "periodo_desde", "lugares", "notas_internas", hostileHeader];
    const secondFile = csvFile(
      [second, ["T", "Q", "P", "es", "positivo", "m-2", "2022", "", "nota", "x"]],
      "segunda.csv",
    );
    const analysis = await analyzeImportFile({ evaluationId, kind: "STORIES", file: secondFile, delimiter: "auto" });
    if ("rejected" in analysis) throw new Error(analysis.rejected);
    expect(analysis.fromSaved).toBe(true);
    expect(analysis.mapping).toMatchObject({
      title: "title",
      change_type: "changeType",
      periodo_desde: "periodFrom",
      lugares: "places",
    });
    expect(analysis.suggestedColumns).toEqual(["periodo_desde", "lugares"]);
    expect(leftOutColumns(analysis.headers, analysis.mapping, analysis.keyColumn)).toEqual([
      "notas_internas",
      hostileHeader,
    ]);

    // A column the saved mapping gives a field keeps it: a new column for the same field is not matched twice.
    const third = [...first, "titulo"];
    const thirdAnalysis = await analyzeImportFile({
      evaluationId,
      kind: "STORIES",
      file: csvFile([third, ["T", "Q", "P", "es", "positivo", "m-3", "otro"]]),
      delimiter: "auto",
    });
    if ("rejected" in thirdAnalysis) throw new Error(thirdAnalysis.rejected);
    expect(thirdAnalysis.mapping).not.toHaveProperty("titulo");
    expect(thirdAnalysis.suggestedColumns).toEqual([]);
    expect(leftOutColumns(thirdAnalysis.headers, thirdAnalysis.mapping, thirdAnalysis.keyColumn)).toEqual(["titulo"]);
  });
});

// Last: it commits stories, which the period test above counts among the evaluation's.
describe("a story's domains", () => {
  it("takes a primary domain by its number or its name in either language, and secondary domains by name", async () => {
    const [first, second] = world.team.domains;
    const headers = [...HEADERS, "dominio_principal", "dominios_secundarios", "domain_rationale"];
    const why = "Lo que cambió es de este dominio.";
    const unknown = await dryRun(
      csvFile([headers, [...story("d-unknown", "positivo", "2023"), "Dominio inventado", "", why]]),
      "story-rows-domain-unknown",
    );
    expect(await errorsOf(unknown.batchId)).toEqual([[2, "dominio_principal", "imports.rowErrors.domainUnknown"]]);

    const content = csvFile([
      headers,
      [...story("d-es", "positivo", "2023"), first!.nameEs, second!.nameEn, why],
      [...story("d-en", "positivo", "2023"), second!.nameEn.toUpperCase(), "", why],
      [...story("d-number", "positivo", "2023"), "2", first!.nameEs, why],
    ]);
    const dry = await dryRun(content, "story-rows-domains");
    expect(await errorsOf(dry.batchId)).toEqual([]);
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: content })).toMatchObject({
      created: 3,
    });
    const assignments = await database.prisma.domainAssignment.findMany({
      where: { evaluationId, story: { title: { startsWith: "Historia d-" } } },
      select: { kind: true, domainId: true, story: { select: { title: true } } },
    });
    const of = (title: string) =>
      assignments
        .filter((row) => row.story.title === `Historia ${title}`)
        .map((row) => [row.kind, row.domainId])
        .sort();
    expect(of("d-es")).toEqual([
      ["PRIMARY", first!.id],
      ["SECONDARY", second!.id],
    ]);
    expect(of("d-en")).toEqual([["PRIMARY", second!.id]]);
    expect(of("d-number")).toEqual([
      ["PRIMARY", second!.id],
      ["SECONDARY", first!.id],
    ]);
  });
});
