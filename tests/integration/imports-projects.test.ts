/**
 * A lead loads the portfolio of projects from a spreadsheet, against a real PostgreSQL, with XLSX
 * and CSV files written here: the reference evaluation's 19 projects (dry run, commit, audit,
 * re-import), a file whose bad rows are all named and which saves nothing, hostile cells kept as
 * text, and the permission the kind needs on top of `import.run` (an evaluator is refused).
 * Each test works in an evaluation of its own.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { analyzeImportFile, commitImport } from "@/lib/imports/mutations";
import { createProject } from "@/lib/projects/mutations";
import { fixture } from "@/prisma/seed/fixture";
import { createEvaluationWithTeam, day, type EvaluationWithTeam } from "@/tests/factories";
import { signInAs, signOut } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { wizardDryRunOk } from "@/tests/support/import-world";
import {
  projectListCsv,
  projectListXlsx,
  referencePortfolio,
  type ProjectListCell,
} from "@/tests/support/project-list";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let keys = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
});

afterAll(async () => {
  await database?.close();
});

/** A new evaluation with its team and no projects yet; the lead imports. */
async function evaluationWithoutProjects(): Promise<{
  team: EvaluationWithTeam;
  evaluationId: string;
  lead: { actorId: string; ipAddress: string };
}> {
  const team = await createEvaluationWithTeam(database.prisma, { projectCount: 0 });
  return { team, evaluationId: team.evaluation.id, lead: { actorId: team.members.lead.id, ipAddress: "203.0.113.9" } };
}

async function xlsxFile(rows: ProjectListCell[][], name = "proyectos.xlsx"): Promise<File> {
  return new File([new Uint8Array(await projectListXlsx(rows))], name);
}

/** The wizard's steps as the server runs them: read the header, take the suggested mapping and key, check every row. */
async function dryRun(evaluationId: string, actor: { actorId: string }, content: File) {
  keys += 1;
  return (await wizardDryRunOk({ evaluationId, actor }, "PROJECTS", content, `projects-${keys}-${Date.now()}`)).dry;
}

async function errorsOf(evaluationId: string, batchId: string) {
  const errors = await database.prisma.importRowError.findMany({
    where: { evaluationId, batchId },
    orderBy: [{ rowNumber: "asc" }, { column: "asc" }],
  });
  return errors.map((error) => [error.rowNumber, error.column, error.code]);
}

const projectsOf = (evaluationId: string) =>
  database.prisma.project.findMany({ where: { evaluationId }, orderBy: { acronym: "asc" } });

describe("the reference evaluation's portfolio from an XLSX", () => {
  it("reads the columns, checks 19 new rows, commits 19 projects with their offices, streams, dates and audit events; a re-import adds nothing", async () => {
    const { evaluationId, lead } = await evaluationWithoutProjects();
    const rows = referencePortfolio();
    // Two projects with real date cells, as a spreadsheet formatted as dates holds them.
    rows[0]!.splice(4, 2, day("2021-09-30"), day("2025-09-29"));
    rows[7]!.splice(4, 2, day("2022-01-01"), day("2024-12-31"));
    const content = await xlsxFile(rows);

    const analysis = await analyzeImportFile({ evaluationId, kind: "PROJECTS", file: content, delimiter: "auto" });
    expect(analysis).toMatchObject({
      format: "xlsx",
      keyColumn: "Acronym",
      mapping: {
        Acronym: "acronym",
        Name: "name",
        "Managing office": "managingOffice",
        "Funding streams": "fundingStreams",
        "Start date": "startDate",
        "End date": "endDate",
        Notes: "notes",
      },
    });
    const dry = await dryRun(evaluationId, lead, content);
    expect(dry).toMatchObject({ rowCount: 19, newCount: 19, skippedCount: 0, errorCount: 0 });
    expect(await projectsOf(evaluationId)).toHaveLength(0);

    expect(await commitImport(lead, { evaluationId, batchId: dry.batchId, file: content })).toEqual({
      batchId: dry.batchId,
      created: 19,
      skipped: 0,
      alreadyCommitted: false,
    });
    const projects = await projectsOf(evaluationId);
    expect(projects).toHaveLength(19);
    const byAcronym = new Map(projects.map((project) => [project.acronym, project]));
    for (const expected of fixture.projects) {
      expect(byAcronym.get(expected.acronym), expected.acronym).toMatchObject({
        name: expected.name,
        managingOffice: expected.office,
        fundingStreams: expected.funding,
        retiredAt: null,
        version: 1,
      });
    }
    expect(byAcronym.get("EQUAL")!.fundingStreams).toEqual(["USMCA", "non-USMCA"]);
    expect(byAcronym.get("Una Cosecha Justa")).toMatchObject({
      startDate: day("2021-09-30"),
      endDate: day("2025-09-29"),
    });
    expect(byAcronym.get("TECLAB")).toMatchObject({ startDate: day("2022-01-01"), endDate: day("2024-12-31") });
    expect(byAcronym.get("SC1")).toMatchObject({ startDate: null, endDate: null, notes: null });

    // The form's audit event for each project (with the batch), and the batch's own.
    const created = await database.prisma.auditEvent.findMany({ where: { evaluationId, action: "project.create" } });
    expect(created).toHaveLength(19);
    expect(new Set(created.map((event) => event.recordId))).toEqual(new Set(projects.map((project) => project.id)));
    const teclab = created.find((event) => event.recordId === byAcronym.get("TECLAB")!.id)!;
    expect(teclab).toMatchObject({ actorId: lead.actorId, recordType: "Project" });
    expect(teclab.after).toEqual({
      acronym: "TECLAB",
      name: byAcronym.get("TECLAB")!.name,
      managingOffice: "OTLA",
      fundingStreams: ["USMCA"],
      startDate: "2022-01-01",
      endDate: "2024-12-31",
      notes: null,
      importBatchId: dry.batchId,
    });
    const commits = await database.prisma.auditEvent.findMany({
      where: { evaluationId, action: "import.commit", recordId: dry.batchId },
    });
    expect(commits.map((event) => event.after)).toEqual([
      expect.objectContaining({ kind: "PROJECTS", rowCount: 19, created: 19, skipped: 0 }),
    ]);
    expect(await verifyAuditChain(database.prisma, evaluationId)).toMatchObject({ ok: true });

    // The same file again: every row was imported before (matched on its acronym), nothing changes.
    const again = await dryRun(evaluationId, lead, content);
    expect(again).toMatchObject({ rowCount: 19, newCount: 0, skippedCount: 19, errorCount: 0 });
    expect(await commitImport(lead, { evaluationId, batchId: again.batchId, file: content })).toMatchObject({
      created: 0,
      skipped: 19,
    });
    expect(await projectsOf(evaluationId)).toHaveLength(19);
    expect(await database.prisma.auditEvent.count({ where: { evaluationId, action: "project.create" } })).toBe(19);
  });

  it("reads the same kind of list as a Spanish CSV: ';' between cells, day-first dates, streams split on ',' or ';'", async () => {
    const { evaluationId, lead } = await evaluationWithoutProjects();
    const headers = [
      "Siglas",
      "Nombre del proyecto",
      "Oficina",
      "Financiamiento",
      "Fecha de inicio",
      "Fecha de fin",
      "Notas",
    ];
    const csv = projectListCsv(
      [
        [
          "EQUAL",
          "Equal Access for Women Workers",
          "OCFT",
          "USMCA; non-USMCA",
          "01/10/2021",
          "30/09/2025",
          "Nota: en dos estados",
        ],
        ["Sustentar", "Sistemas de sostenibilidad", "OCFT", "USMCA", "", "", ""],
      ],
      headers,
      ";",
    );
    const content = new File([`\uFEFF${csv}`], "proyectos.csv");
    const dry = await dryRun(evaluationId, lead, content);
    expect(dry).toMatchObject({ rowCount: 2, newCount: 2, errorCount: 0 });
    expect(await commitImport(lead, { evaluationId, batchId: dry.batchId, file: content })).toMatchObject({
      created: 2,
    });
    const [equal, sustentar] = await projectsOf(evaluationId);
    expect(equal).toMatchObject({
      acronym: "EQUAL",
      fundingStreams: ["USMCA", "non-USMCA"],
      startDate: day("2021-10-01"),
      endDate: day("2025-09-30"),
      notes: "Nota: en dos estados",
    });
    expect(sustentar).toMatchObject({ acronym: "Sustentar", fundingStreams: ["USMCA"], startDate: null, notes: null });
  });
});

describe("a list with bad rows", () => {
  it("names every bad row at its column with the form's messages, and saves nothing, even at commit", async () => {
    const { evaluationId, lead } = await evaluationWithoutProjects();
    expect(
      await createProject({
        evaluationId,
        project: {
          acronym: "DIAL",
          name: "Diálogo Social",
          managingOffice: "OTLA",
          fundingStreams: ["USMCA"],
          startDate: null,
          endDate: null,
          notes: null,
        },
        ...lead,
      }),
    ).toMatchObject({ ok: true });
    const valid = (acronym: string, name = `Proyecto ${acronym}`): ProjectListCell[] => [
      acronym,
      name,
      "OTLA",
      "USMCA",
      null,
      null,
      null,
    ];
    const rows: ProjectListCell[][] = [
      valid("ILAB"), // 2
      valid("ilab", "Segundo proyecto"), // 3: the acronym of line 2, other capitals
      valid("ILAB", "Otro nombre"), // 4: the very key of line 2
      valid("díal"), // 5: the stored project's acronym, other accents and capitals
      valid("NEW1", "DIALOGO  social"), // 6: the stored project's name
      valid("NEW2", "proyecto ílab"), // 7: line 2's name
      ["NEW3", "", "OTLA", "USMCA", null, null, null], // 8: no name
      [
        "NEW4",
        "Fechas al revés",
        "OTLA",
        "USMCA",
        new Date(Date.UTC(2024, 5, 1)),
        new Date(Date.UTC(2023, 5, 1)),
        null,
      ], // 9
      ["NEW5", "x".repeat(301), "OTLA", "USMCA", null, null, null], // 10: too long
      ["NEW6", "Fecha imposible", "OTLA", "USMCA", "2024-02-30", null, null], // 11
      ["NEW7", "Fecha sin formato", "OTLA", "USMCA", 45414, null, null], // 12: a date cell not formatted as one
      ["NEW8", "Sin oficina", "", "USMCA", null, null, null], // 13
      ["NEW9", { formula: 'HYPERLINK("x")' }, "OTLA", "USMCA", null, null, "<script>alert(1)</script>"], // 14: fine, kept as text
    ];
    const content = await xlsxFile(rows);
    const dry = await dryRun(evaluationId, lead, content);
    expect(dry).toMatchObject({ rowCount: 13, newCount: 2, errorCount: 11 });
    expect(await errorsOf(evaluationId, dry.batchId)).toEqual([
      [3, "Acronym", "imports.rowErrors.acronymRepeated"],
      [4, "Acronym", "imports.rowErrors.keyRepeated"],
      [5, "Acronym", "setup.errors.DUPLICATE_ACRONYM"],
      [6, "Name", "setup.errors.DUPLICATE_NAME"],
      [7, "Name", "imports.rowErrors.nameRepeated"],
      [8, "Name", "setup.errors.required"],
      [9, "End date", "setup.errors.endBeforeStart"],
      [10, "Name", "setup.errors.tooLong"],
      [11, "Start date", "setup.errors.dateInvalid"],
      [12, "Start date", "imports.rowErrors.numberNotDate"],
      [13, "Managing office", "setup.errors.required"],
    ]);
    const before = {
      projects: await database.prisma.project.count({ where: { evaluationId } }),
      events: await database.prisma.auditEvent.count({ where: { evaluationId } }),
    };
    expect(before.projects).toBe(1);

    // A commit (sent anyway, as a hand-made request could) finds the same rows and writes nothing.
    expect(await commitImport(lead, { evaluationId, batchId: dry.batchId, file: content })).toEqual({
      rejected: "ROWS_INVALID",
      field: undefined,
    });
    expect(await database.prisma.project.count({ where: { evaluationId } })).toBe(1);
    expect(await database.prisma.auditEvent.count({ where: { evaluationId } })).toBe(before.events);
    expect(await database.prisma.importedRow.count({ where: { evaluationId } })).toBe(0);
    expect(
      await database.prisma.importBatch.findUniqueOrThrow({ where: { id: dry.batchId }, select: { status: true } }),
    ).toEqual({ status: "FAILED" });
  });

  it("keeps hostile cells as the text they are: a formula, markup, SQL", async () => {
    const { evaluationId, lead } = await evaluationWithoutProjects();
    const content = await xlsxFile([
      ["=CMD", { formula: 'HYPERLINK("x")' }, "OTLA", "USMCA", null, null, "<script>alert(1)</script>"],
      ["SQL", "'; drop table project; --", "<b>OCFT</b>", "=1+1; @SUM(A1)", null, null, null],
    ]);
    const dry = await dryRun(evaluationId, lead, content);
    expect(dry).toMatchObject({ newCount: 2, errorCount: 0 });
    expect(await commitImport(lead, { evaluationId, batchId: dry.batchId, file: content })).toMatchObject({
      created: 2,
    });
    const [formula, sql] = await projectsOf(evaluationId);
    expect(formula).toMatchObject({ acronym: "=CMD", name: '=HYPERLINK("x")', notes: "<script>alert(1)</script>" });
    expect(sql).toMatchObject({
      name: "'; drop table project; --",
      managingOffice: "<b>OCFT</b>",
      fundingStreams: ["=1+1", "@SUM(A1)"],
    });
    expect(await database.prisma.project.count()).toBeGreaterThan(0); // the table is still there
  });
});

describe("who may import a project list", () => {
  it("refuses an evaluator (import.run without evaluation.update) at every step, and lets the lead through the same actions", async () => {
    const actions = await import("@/lib/imports/actions");
    const { team, evaluationId } = await evaluationWithoutProjects();
    const content = await xlsxFile(referencePortfolio().slice(0, 3));
    const mapping = {
      Acronym: "acronym",
      Name: "name",
      "Managing office": "managingOffice",
      "Funding streams": "fundingStreams",
    };
    const dryRunInput = (key: string) => ({
      evaluationId,
      kind: "PROJECTS",
      file: content,
      delimiter: "auto",
      mapping,
      keyColumn: "Acronym",
      idempotencyKey: key,
    });

    signInAs(team.members.evaluator!);
    expect(
      await actions.analyzeImportFile({ evaluationId, kind: "PROJECTS", file: content, delimiter: "auto" }),
    ).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await actions.dryRunImport(dryRunInput("evaluator-try-1"))).toEqual({ ok: false, error: "FORBIDDEN" });
    // An evaluator may still import what fieldwork brings in.
    expect(
      await actions.analyzeImportFile({ evaluationId, kind: "INTERVIEWS", file: content, delimiter: "auto" }),
    ).toMatchObject({ ok: true });

    signInAs(team.members.lead);
    const dry = await actions.dryRunImport(dryRunInput("lead-try-1"));
    expect(dry).toMatchObject({ ok: true, data: { newCount: 3, errorCount: 0 } });
    const batchId = (dry as { data: { batchId: string } }).data.batchId;

    // The lead's checked batch, committed by the evaluator: refused, nothing written.
    signInAs(team.members.evaluator!);
    expect(await actions.commitImport({ evaluationId, batchId, file: content })).toEqual({
      ok: false,
      error: "FORBIDDEN",
    });
    expect(await database.prisma.project.count({ where: { evaluationId } })).toBe(0);

    signInAs(team.members.lead);
    expect(await actions.commitImport({ evaluationId, batchId, file: content })).toMatchObject({
      ok: true,
      data: { created: 3 },
    });
    expect(await database.prisma.project.count({ where: { evaluationId } })).toBe(3);
    signOut();
  });
});
