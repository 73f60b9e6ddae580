/**
 * Hostile and malformed story files with repeat groups, against PostgreSQL: a formula where a
 * figure's number goes, an oversized label, a story key used twice, the same project twice in one
 * story, an unknown project acronym, an unreadable qualifier, a number that reads two ways, a
 * repetition whose story is not in the file, and a sheet that cannot be joined. Each error names
 * its sheet (or file), line and column; the commit writes nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport } from "@/lib/imports/mutations";
import { importBrief, openBriefDatabase, type BriefEvaluation } from "@/tests/support/brief-import";
import { csvFile } from "@/tests/support/import-world";
import { koboXlsxFile } from "@/tests/support/kobo-workbook";
import type { TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let evaluation: BriefEvaluation;

beforeAll(async () => {
  ({ database, evaluation } = await openBriefDatabase());
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const csv = (name: string, rows: string[][]) => csvFile(rows, name);

const STORY = ["_uuid", "title", "what_changed", "why_significant", "language", "change_type", "period"];
const story = (key: string) => [
  key,
  `Historia ${key}`,
  "Cambió la forma de negociar.",
  "Porque la asamblea decidió.",
  "es",
  "positivo",
  "2023",
];

async function errorsOf(batchId: string) {
  const rows = await database.prisma.importRowError.findMany({
    where: { batchId },
    orderBy: [{ sheet: "asc" }, { rowNumber: "asc" }, { column: "asc" }],
  });
  return rows.map((row) => [row.sheet, row.rowNumber, row.column, row.code]);
}

async function nothingWritten() {
  const where = { evaluationId: evaluation.evaluationId };
  expect(await database.prisma.changeStory.count({ where })).toBe(0);
  expect(await database.prisma.storyFigure.count({ where })).toBe(0);
  expect(await database.prisma.storyContribution.count({ where })).toBe(0);
  expect(await database.prisma.domainAssignment.count({ where })).toBe(0);
  expect(await database.prisma.importedRow.count({ where })).toBe(0);
  expect(
    await database.prisma.auditEvent.count({
      where: { ...where, action: { in: ["story.create", "story.domain.assign"] } },
    }),
  ).toBe(0);
}

describe("story files with repeat groups, hostile and malformed", () => {
  it("names every bad repetition by its file, line and column, and commits nothing", async () => {
    const stories = csv("historias.csv", [STORY, story("s1"), story("s2"), story("s1")]);
    const figures = csv("figuras.csv", [
      ["_submission__uuid", "label", "value", "qualifier", "unit"],
      ["s1", "empresas", "=1+1", "", ""], // line 2: a formula is text, never a number
      ["s1", "x".repeat(201), "5", "", ""], // line 3: label too long
      ["s2", "sindicatos", "1.500", "", ""], // line 4: 1.5, or 1500 as Spain writes it?
      ["s2", "trabajadores", "300", "quizá", ""], // line 5: no qualifier
      ["ghost", "huérfana", "3", "", ""], // line 6: no story has this key
      ["s2", "", "7", "al menos", ""], // line 7: no label
    ]);
    const contributions = csv("contribuciones.csv", [
      ["_submission__uuid", "project", "how_contributed"],
      ["s1", "NO-SUCH-PROJECT", "Capacitó."], // line 2
      ["s2", "ACCIONNAR", "Capacitó."], // line 3
      ["s2", "accionnar", "Otra vez."], // line 4: the same project twice in one story
    ]);
    const unjoined = csv("aportes.csv", [
      ["project", "how"],
      ["VZF", "x"],
    ]);
    const related = [
      { name: "figuras.csv", file: figures },
      { name: "contribuciones.csv", file: contributions },
      { name: "aportes.csv", file: unjoined },
    ];
    const { dry } = await importBrief(evaluation, stories, related, "es", "hostile-1", { commit: false });
    expect(await errorsOf(dry.batchId)).toEqual([
      ["aportes", 1, null, "imports.rowErrors.repeatParentColumnMissing"],
      ["contribuciones", 2, "project", "imports.rowErrors.projectUnknown"],
      ["contribuciones", 4, "project", "stories.errors.duplicate"],
      ["figuras", 2, "value", "stories.errors.numberInvalid"],
      ["figuras", 3, "label", "stories.errors.tooLong"],
      ["figuras", 4, "value", "imports.rowErrors.numberAmbiguous"],
      ["figuras", 5, "qualifier", "imports.rowErrors.qualifierUnknown"],
      ["figuras", 6, "_submission__uuid", "imports.rowErrors.repeatParentMissing"],
      ["figuras", 7, "label", "imports.rowErrors.figureLabelRequired"],
      [null, 4, "_uuid", "imports.rowErrors.keyRepeated"], // the main sheet (no sheet name) sorts last
    ]);
    // Nothing a file says is kept with its errors.
    const stored = JSON.stringify(await database.prisma.importRowError.findMany({ where: { batchId: dry.batchId } }));
    for (const value of ["=1+1", "NO-SUCH-PROJECT", "quizá", "ghost"]) expect(stored).not.toContain(value);
    expect(
      await commitImport(evaluation.actor, {
        evaluationId: evaluation.evaluationId,
        batchId: dry.batchId,
        file: stories,
        related,
      }),
    ).toEqual({ rejected: "ROWS_INVALID", field: undefined });
    await nothingWritten();
  });

  it("writes nothing when only the last repetition is wrong (the stories before it were valid)", async () => {
    const stories = csv("historias.csv", [STORY, story("ok1"), story("ok2")]);
    const good = csv("figuras.csv", [
      ["_submission__uuid", "label", "value"],
      ["ok1", "empresas", "5"],
      ["ok2", "sindicatos", "4"],
    ]);
    const { dry } = await importBrief(evaluation, stories, [{ name: "figuras.csv", file: good }], "es", "hostile-2", {
      commit: false,
    });
    expect(dry.errorCount).toBe(0);
    // The same stories with a repetition that belongs to none: refused as a whole at commit time too.
    const orphan = csv("figuras.csv", [
      ["_submission__uuid", "label", "value"],
      ["ok1", "empresas", "5"],
      ["ok2", "sindicatos", "4"],
      ["ok3", "huérfana", "1"],
    ]);
    const { dry: second } = await importBrief(
      evaluation,
      stories,
      [{ name: "figuras.csv", file: orphan }],
      "es",
      "hostile-3",
      { commit: false },
    );
    expect(await errorsOf(second.batchId)).toEqual([
      ["figuras", 4, "_submission__uuid", "imports.rowErrors.repeatParentMissing"],
    ]);
    expect(
      await commitImport(evaluation.actor, {
        evaluationId: evaluation.evaluationId,
        batchId: second.batchId,
        file: stories,
        related: [{ name: "figuras.csv", file: orphan }],
      }),
    ).toEqual({ rejected: "ROWS_INVALID", field: undefined });
    await nothingWritten();
  });

  it("keeps a formula cell of a workbook's repeat sheet as text, refused as a number, never computed", async () => {
    const file = await koboXlsxFile(
      [
        { name: "stories", headers: [...STORY, "_index"], rows: [[...story("x1"), 1]] },
        {
          name: "figures",
          headers: ["label", "value", "_parent_index"],
          rows: [
            ["empresas", { formula: "SUM(1,2)", result: 3 }, 1],
            ["sindicatos", 1.5, 1], // a number cell: 1.5 whatever the language
          ],
        },
      ],
      "historias.xlsx",
    );
    const { dry } = await importBrief(evaluation, file, [], "es", "hostile-4", { commit: false });
    expect(await errorsOf(dry.batchId)).toEqual([["figures", 2, "value", "stories.errors.numberInvalid"]]);
    await nothingWritten();
  });
});
