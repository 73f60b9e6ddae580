/**
 * Importing interviews from a KoboToolbox-style CSV against a real PostgreSQL: interviewers by
 * e-mail, respondents by code (as written in the field: "r-7"), projects by acronym, place by
 * municipality; a row naming an outsider, a respondent whose consent does not cover interviews and
 * an unknown project is reported and blocks the commit; the fixed file commits every row with its
 * links and audit events; re-importing it changes nothing. Respondents are imported first, so the
 * consented respondents the factory writes afterwards must take codes above the imported ones.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { analyzeImportFile, commitImport } from "@/lib/imports/mutations";
import { buildPlace, createConsentedRespondent, type EvaluationWithTeam } from "@/tests/factories";
import { csvFile, dryRunSuggested, openImportWorld, rowErrorsOf, type ImportWorld } from "@/tests/support/import-world";
import type { TestDatabase } from "@/tests/support/test-database";

let world: ImportWorld;
let database: TestDatabase;
let team: EvaluationWithTeam;
let evaluationId: string;
let actor: ImportWorld["actor"];
let eligible: { id: string; code: string; codeNumber: number };
let notForInterviews: { id: string; code: string };
let saltilloId: string;

const HEADERS = [
  "start",
  "grp/fecha_entrevista",
  "grp/modalidad",
  "grp/municipio",
  "grp/idioma",
  "grp/duracion",
  "grp/entrevistador",
  "grp/codigo_respondente",
  "grp/proyectos",
  "grp/transcripcion",
  "_uuid",
];
const TRANSCRIPT =
  "Entrevistadora: ¿Qué cambió? Respondente: <script>alert(1)</script> '; drop table interview; -- =SUM(A1)";

const csv = (rows: string[][]) => csvFile([HEADERS, ...rows], "entrevistas.csv");
const dryRun = (content: File, idempotencyKey: string) => dryRunSuggested(world, "INTERVIEWS", content, idempotencyKey);

/** Rows 1 and 2 are good; row 3 is the one the tests break and fix. */
function rows(third: { interviewer: string; respondent: string; projects: string }): string[][] {
  const lead = team.members.lead.email;
  const evaluator = team.members.evaluator!.email;
  const [p1, p2] = team.projects.map((project) => project.acronym);
  const codeAsWritten = `r-${eligible.codeNumber}`;
  return [
    [
      "2024-06-12T09:00:00-06:00",
      "2024-06-12",
      "cara_a_cara",
      "Saltillo",
      "es",
      "45",
      evaluator.toUpperCase(),
      codeAsWritten,
      `${p1} ${p2}`,
      TRANSCRIPT,
      "int-uuid-1",
    ],
    [
      "2024-06-13T09:00:00-06:00",
      "2024-06-13",
      "telefono",
      "",
      "es",
      "",
      `${lead} ${evaluator}`,
      eligible.code,
      "",
      "",
      "int-uuid-2",
    ],
    [
      "2024-06-14T09:00:00-06:00",
      "2024-06-14",
      "virtual",
      "Saltillo",
      "en",
      "30",
      third.interviewer,
      third.respondent,
      third.projects,
      "",
      "int-uuid-3",
    ],
  ];
}

async function counts() {
  const where = { evaluationId };
  const [interviews, interviewers, respondents, projects, imported, events] = await Promise.all([
    database.prisma.interview.count({ where }),
    database.prisma.interviewInterviewer.count({ where }),
    database.prisma.interviewRespondent.count({ where }),
    database.prisma.interviewProject.count({ where }),
    database.prisma.importedRow.count({ where: { evaluationId, recordType: "Interview" } }),
    database.prisma.auditEvent.count({ where: { evaluationId, action: "interview.create" } }),
  ]);
  return { interviews, interviewers, respondents, projects, imported, events };
}

beforeAll(async () => {
  world = await openImportWorld({ projectCount: 2 });
  ({ database, team, evaluationId, actor } = world);
  const saltillo = buildPlace({ evaluationId, state: "Coahuila", municipality: "Saltillo" });
  saltilloId = saltillo.id;
  await database.prisma.place.create({ data: saltillo });

  // Two respondents imported first: they take codes 1 and 2 of the evaluation.
  const respondentsFile = new File(
    [
      `tipo,sexo,estado,idioma,_uuid\r\nunion_member,Mujer,Coahuila,es,resp-1\r\nunion_member,Hombre,Coahuila,es,resp-2\r\n`,
    ],
    "personas.csv",
  );
  const dry = await dryRunSuggested(world, "RESPONDENTS", respondentsFile, "respondents-1");
  expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: respondentsFile })).toMatchObject({
    created: 2,
  });

  const recordedById = team.members.evaluator!.id;
  const [a, b] = await Promise.all([
    createConsentedRespondent(database.prisma, { evaluationId, recordedById }),
    createConsentedRespondent(database.prisma, { evaluationId, recordedById, refused: ["INTERVIEW"] }),
  ]);
  eligible = { id: a.id, code: a.code, codeNumber: a.codeNumber };
  notForInterviews = { id: b.id, code: b.code };
});

afterAll(async () => {
  await database?.close();
});

describe("importing interviews", () => {
  it("gives respondents written by the factory after an import codes the import did not take", async () => {
    const codes = (
      await database.prisma.respondent.findMany({
        where: { evaluationId },
        select: { codeNumber: true },
        orderBy: { codeNumber: "asc" },
      })
    ).map((r) => r.codeNumber);
    expect(codes).toEqual([1, 2, 3, 4]);
  });

  it("maps Spanish Kobo headers, reports the bad row, and a commit of that file writes nothing", async () => {
    const analysis = await analyzeImportFile({ evaluationId, kind: "INTERVIEWS", file: csv([]), delimiter: "auto" });
    expect(analysis).toMatchObject({
      keyColumn: "_uuid",
      mapping: {
        "grp/fecha_entrevista": "date",
        "grp/modalidad": "mode",
        "grp/municipio": "place",
        "grp/idioma": "language",
        "grp/duracion": "durationMinutes",
        "grp/entrevistador": "interviewers",
        "grp/codigo_respondente": "respondents",
        "grp/proyectos": "projects",
        "grp/transcripcion": "transcriptOriginal",
      },
    });
    const before = await counts();
    // An outsider's e-mail (a user, but not of this evaluation), consent refused for interviews, an unknown project.
    const bad = csv(rows({ interviewer: team.outsider.email, respondent: notForInterviews.code, projects: "NOPE" }));
    const dry = await dryRun(bad, "interviews-bad");
    expect(dry).toMatchObject({ rowCount: 3, newCount: 2, errorCount: 1 });
    const errors = await rowErrorsOf(world, dry.batchId);
    expect(errors).toEqual([
      [4, "grp/codigo_respondente", "imports.rowErrors.respondentNotEligible"],
      [4, "grp/entrevistador", "imports.rowErrors.memberUnknown"],
      [4, "grp/proyectos", "imports.rowErrors.projectUnknown"],
    ]);
    expect(JSON.stringify(errors)).not.toContain(team.outsider.email);
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: bad })).toEqual({
      rejected: "ROWS_INVALID",
      field: undefined,
    });
    expect(await counts()).toEqual(before);
  });

  it("commits the fixed file with every link and one audit event per interview, then a re-import changes nothing", async () => {
    const before = await counts();
    const fixed = csv(
      rows({ interviewer: team.members.lead.email, respondent: eligible.code, projects: team.projects[0]!.acronym }),
    );
    const dry = await dryRun(fixed, "interviews-fixed");
    expect(dry).toMatchObject({ rowCount: 3, newCount: 3, errorCount: 0, skippedCount: 0 });
    expect(await counts()).toEqual(before);
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: fixed })).toEqual({
      batchId: dry.batchId,
      created: 3,
      skipped: 0,
      alreadyCommitted: false,
    });
    expect(await counts()).toEqual({
      interviews: before.interviews + 3,
      interviewers: before.interviewers + 4,
      respondents: before.respondents + 3,
      projects: before.projects + 3,
      imported: before.imported + 3,
      events: before.events + 3,
    });

    const imported = await database.prisma.importedRow.findMany({
      where: { evaluationId, batchId: dry.batchId },
      orderBy: { externalKey: "asc" },
    });
    const interviews = await database.prisma.interview.findMany({
      where: { evaluationId, id: { in: imported.map((row) => row.recordId) } },
      include: { interviewers: true, respondents: true, projects: true },
      orderBy: { date: "asc" },
    });
    const [first, second, third] = interviews;
    expect(first).toMatchObject({
      mode: "IN_PERSON",
      placeId: saltilloId,
      language: "es",
      durationMinutes: 45,
      transcriptOriginal: TRANSCRIPT,
      transcriptLanguage: "es",
    });
    expect(first!.date.toISOString()).toBe("2024-06-12T00:00:00.000Z");
    expect(first!.interviewers.map((i) => i.userId)).toEqual([team.members.evaluator!.id]);
    expect(first!.respondents.map((r) => r.respondentId)).toEqual([eligible.id]);
    expect(first!.projects.map((p) => p.projectId).sort()).toEqual(team.projects.map((p) => p.id).sort());
    expect(second).toMatchObject({ mode: "PHONE", placeId: null, durationMinutes: null, transcriptOriginal: null });
    expect(second!.interviewers.map((i) => i.userId).sort()).toEqual(
      [team.members.lead.id, team.members.evaluator!.id].sort(),
    );
    expect(third).toMatchObject({ mode: "VIDEO", language: "en" });

    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId, action: "interview.create", recordId: { in: interviews.map((i) => i.id) } },
    });
    expect(events).toHaveLength(3);
    expect(events.every((e) => (e.after as { importBatchId?: string }).importBatchId === dry.batchId)).toBe(true);
    // The audit trail keeps a fingerprint of the transcript, never its text.
    expect(JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("drop table");
    expect(await verifyAuditChain(database.prisma, evaluationId)).toMatchObject({ ok: true });

    const after = await counts();
    const again = await dryRun(fixed, "interviews-again");
    expect(again).toMatchObject({ rowCount: 3, newCount: 0, skippedCount: 3, errorCount: 0 });
    expect(await commitImport(actor, { evaluationId, batchId: again.batchId, file: fixed })).toMatchObject({
      created: 0,
      skipped: 3,
      alreadyCommitted: false,
    });
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: fixed })).toMatchObject({
      alreadyCommitted: true,
    });
    expect(await counts()).toEqual(after);
  });
});
