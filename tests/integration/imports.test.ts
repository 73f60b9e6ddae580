/**
 * Imports against a real PostgreSQL with files generated here: CSV (BOM, ";", invalid UTF-8,
 * empty, 50,001 rows), a PNG renamed .csv, XLSX written by exceljs; hostile values; duplicates;
 * re-import idempotency and concurrent commits. Rows AND audit events are checked.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { csvSafeCell } from "@/lib/exports/csv";
import { commitImport, analyzeImportFile } from "@/lib/imports/mutations";
import { openIdentity } from "@/lib/respondents/sealing";
import { keyRingFromEnv } from "@/lib/crypto";
import {
  buildPlace,
  buildSector,
  createConsentedRespondent,
  createEvaluationWithTeam,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { commitTwoDryRunsAtOnce, dryRunSuggested, wizardDryRun } from "@/tests/support/import-world";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let team: EvaluationWithTeam;
let evaluationId: string;
let actor: { actorId: string; ipAddress: string };
let sequence = 0;

const HEADERS = [
  "start",
  "grp_person/respondent_type",
  "grp_person/gender",
  "grp_person/state",
  "grp_person/municipality",
  "grp_person/sector",
  "grp_person/language",
  "grp_person/at_risk_groups",
  "grp_id/name",
  "grp_id/phone",
  "_id",
  "_uuid",
  "_submission_time",
];

function uuid(): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`;
}

function row(overrides: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    start: "2024-06-12T09:00:00.000-06:00",
    "grp_person/respondent_type": "union_member",
    "grp_person/gender": "Mujer",
    "grp_person/state": "coahuila",
    "grp_person/municipality": "Saltillo",
    "grp_person/sector": "Automotive",
    "grp_person/language": "es",
    "grp_person/at_risk_groups": "women_workers at_risk_unionized_workers",
    "grp_id/name": "Ana Torres",
    "grp_id/phone": "+52 844 123 4567",
    _id: String(sequence),
    _uuid: uuid(),
    _submission_time: "2024-06-12T16:22:33",
    ...overrides,
  };
  return HEADERS.map((header) => base[header] ?? "");
}

function csv(rows: string[][], options: { delimiter?: string; bom?: boolean; headers?: string[] } = {}): string {
  const delimiter = options.delimiter ?? ",";
  const quote = (value: string) => (/[",;\t\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [options.headers ?? HEADERS, ...rows].map((cells) => cells.map(quote).join(delimiter));
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}

function file(content: string | Uint8Array<ArrayBuffer>, name = "respondents.csv"): File {
  return new File([content], name);
}

function mappingFor(headers = HEADERS) {
  return analyzeImportFile({
    evaluationId,
    kind: "RESPONDENTS",
    file: file(csv([row()], { headers })),
    delimiter: "auto",
  });
}

async function dryRun(content: File) {
  return (await wizardDryRun({ evaluationId, actor }, "RESPONDENTS", content, `key-${uuid().slice(-12)}`)).dry;
}

async function dryRunOk(content: File) {
  const result = await dryRun(content);
  if ("rejected" in result) throw new Error(result.rejected);
  return result;
}

async function counts() {
  const [respondents, identities, imported, events] = await Promise.all([
    database.prisma.respondent.count({ where: { evaluationId } }),
    database.prisma.respondentIdentity.count({ where: { evaluationId } }),
    database.prisma.importedRow.count({ where: { evaluationId } }),
    database.prisma.auditEvent.count({ where: { evaluationId, action: "respondent.create" } }),
  ]);
  return { respondents, identities, imported, events };
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  team = await createEvaluationWithTeam(database.prisma);
  evaluationId = team.evaluation.id;
  actor = { actorId: team.members.evaluator!.id, ipAddress: "203.0.113.5" };
  await database.prisma.place.createMany({
    data: [
      buildPlace({ evaluationId, state: "Coahuila", municipality: "Saltillo" }),
      buildPlace({ evaluationId, state: "Nuevo León", municipality: "Monterrey" }),
    ],
  });
  await database.prisma.sector.create({
    data: buildSector({ evaluationId, nameEn: "Automotive", nameEs: "Automotriz" }),
  });
});

afterAll(async () => {
  await database?.close();
});

describe("reading the file", () => {
  it("suggests a mapping from Kobo group/question headers and picks _uuid as the key", async () => {
    const analysis = await mappingFor();
    expect(analysis).toMatchObject({
      keyColumn: "_uuid",
      mapping: {
        "grp_person/respondent_type": "type",
        "grp_person/gender": "gender",
        "grp_person/municipality": "place",
        "grp_person/at_risk_groups": "atRiskGroups",
        "grp_id/name": "name",
      },
    });
  });

  it("refuses files that are empty, not text, not UTF-8, too big, too long or split on the wrong delimiter", async () => {
    const png = Uint8Array.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      0x49,
      0x48,
      0x44,
      0x52,
      ...new Array(64).fill(0),
    ]);
    const invalidUtf8 = new Uint8Array([...new TextEncoder().encode(csv([row()])), 0xc3, 0x28, 0x0a]);
    const analyze = (content: File, delimiter: "auto" | "," = "auto") =>
      analyzeImportFile({ evaluationId, kind: "RESPONDENTS", file: content, delimiter });
    expect(await analyze(file(""))).toEqual({ rejected: "EMPTY", field: undefined });
    expect(await analyze(file("\n\n"))).toEqual({ rejected: "EMPTY", field: undefined });
    expect(await analyze(file(png, "photo.csv"))).toEqual({ rejected: "NOT_TABULAR", field: undefined });
    expect(await dryRun(file(invalidUtf8))).toEqual({ rejected: "INVALID_UTF8", field: undefined });
    expect(await analyze(file(csv([row()], { delimiter: ";" })), ",")).toEqual({
      rejected: "WRONG_DELIMITER",
      field: undefined,
      details: { suggestion: "SEMICOLON" },
    });
    const many = `${HEADERS.join(",")}\n${"a,b,c,d,e,f,g,h,i,j,k,l,m\n".repeat(50_001)}`;
    expect(await dryRun(file(many))).toEqual({ rejected: "TOO_MANY_ROWS", field: undefined });
    expect(await analyze(file(new Uint8Array(20 * 1024 * 1024 + 1)))).toEqual({
      rejected: "TOO_LARGE",
      field: undefined,
    });
  }, 60_000);
});

describe("dry run and commit", () => {
  it("reads a CSV with a BOM and ';', writes only the batch in the dry run, then commits all rows with sealed identities and audit events", async () => {
    const before = await counts();
    const content = file(
      csv([row(), row({ "grp_person/gender": "male", "grp_id/name": "", "grp_id/phone": "" })], {
        delimiter: ";",
        bom: true,
      }),
    );
    const dry = await dryRun(content);
    expect(dry).toMatchObject({ rowCount: 2, newCount: 2, errorCount: 0, skippedCount: 0 });
    expect(await counts()).toEqual(before);
    const batchId = (dry as { batchId: string }).batchId;

    const committed = await commitImport(actor, { evaluationId, batchId, file: content });
    expect(committed).toEqual({ batchId, created: 2, skipped: 0, alreadyCommitted: false });
    const after = await counts();
    expect(after).toEqual({
      respondents: before.respondents + 2,
      identities: before.identities + 1,
      imported: before.imported + 2,
      events: before.events + 2,
    });

    const imported = await database.prisma.importedRow.findMany({
      where: { batchId },
      select: { recordId: true, externalKey: true },
    });
    const respondents = await database.prisma.respondent.findMany({
      where: { id: { in: imported.map((r) => r.recordId) } },
      include: {
        identity: true,
        atRiskGroups: { orderBy: { group: { position: "asc" } }, select: { group: { select: { code: true } } } },
      },
      orderBy: { codeNumber: "asc" },
    });
    expect(respondents.map((r) => [r.gender, r.state, r.atRiskGroups.map((link) => link.group.code)])).toEqual([
      ["WOMAN", "Coahuila", ["women_workers", "at_risk_unionized_workers"]],
      ["MAN", "Coahuila", ["women_workers", "at_risk_unionized_workers"]],
    ]);
    expect(respondents[0]!.code).toMatch(/^R-\d{4}$/);
    // Written in bulk SQL: timestamps in UTC as Prisma writes them, not shifted by the server's zone.
    expect(Math.abs(respondents[0]!.createdAt.getTime() - Date.now())).toBeLessThan(120_000);
    expect(Math.abs(respondents[0]!.updatedAt.getTime() - Date.now())).toBeLessThan(120_000);
    const identity = respondents[0]!.identity!;
    expect(Buffer.from(identity.nameCiphertext!).toString("utf8")).not.toContain("Ana");
    expect(openIdentity(respondents[0]!.id, identity, keyRingFromEnv())).toMatchObject({
      name: "Ana Torres",
      phone: "+52 844 123 4567",
    });
    // No identity in clear anywhere the import wrote.
    const dump = JSON.stringify(
      await database.prisma
        .$queryRaw`SELECT row_to_json(t) FROM (SELECT * FROM imported_row UNION ALL SELECT * FROM imported_row) t`,
    );
    expect(dump).not.toContain("Ana Torres");
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId, action: { in: ["respondent.create", "import.commit"] } },
    });
    expect(JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("Ana Torres");
    expect(events.filter((e) => e.action === "import.commit" && e.recordId === batchId)).toHaveLength(1);
    expect(await verifyAuditChain(database.prisma, evaluationId)).toMatchObject({ ok: true });

    // Committing the same batch again, and re-importing the same file, change nothing.
    expect(await commitImport(actor, { evaluationId, batchId, file: content })).toMatchObject({
      alreadyCommitted: true,
    });
    const again = await dryRun(content);
    expect(again).toMatchObject({ rowCount: 2, newCount: 0, skippedCount: 2 });
    expect(
      await commitImport(actor, { evaluationId, batchId: (again as { batchId: string }).batchId, file: content }),
    ).toMatchObject({ created: 0, skipped: 2 });
    expect(await counts()).toEqual(after);
  });

  it("reports every bad row by row and column, with codes of the form's messages, and keeps no values", async () => {
    const content = file(
      csv([
        row({ "grp_person/state": "Atlantis", "grp_id/name": "<script>alert(1)</script>" }),
        row({ "grp_person/gender": "", "grp_id/phone": "'; drop table respondent; --" }),
        row({ "grp_person/municipality": "Monterrey" }),
        row({ "grp_id/name": "Ana\u202Egnp.exe" }),
        row({ _uuid: "dup-1" }),
        row({ _uuid: "dup-1" }),
        row({ _uuid: "" }),
      ]),
    );
    const before = await counts();
    const dry = await dryRun(content);
    expect(dry).toMatchObject({ rowCount: 7, errorCount: 6 });
    const errors = await database.prisma.importRowError.findMany({
      where: { batchId: (dry as { batchId: string }).batchId },
      orderBy: [{ rowNumber: "asc" }, { code: "asc" }],
    });
    expect(errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [2, "grp_person/state", "respondents.errors.state"],
      [3, "grp_person/gender", "respondents.errors.choose"],
      [3, "grp_id/phone", "respondents.errors.phone"],
      [4, "grp_person/municipality", "respondents.errors.placeState"],
      [5, "grp_id/name", "respondents.errors.hiddenCharacters"],
      [7, "_uuid", "imports.rowErrors.keyRepeated"],
      [8, "_uuid", "imports.rowErrors.keyMissing"],
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/script|drop table|Ana/);
    // A commit of a file with errors writes nothing and marks the batch FAILED.
    expect(
      await commitImport(actor, { evaluationId, batchId: (dry as { batchId: string }).batchId, file: content }),
    ).toEqual({ rejected: "ROWS_INVALID", field: undefined });
    expect(await counts()).toEqual(before);
    expect(
      await database.prisma.importBatch.findUnique({
        where: { id: (dry as { batchId: string }).batchId },
        select: { status: true },
      }),
    ).toEqual({ status: "FAILED" });
  });

  it("matches at-risk groups to the evaluation's own by choice code or by name in either language, and never adds one", async () => {
    // A group added in the app has no choice code: it is matched by its names, accents and case
    // aside (written as a choice name, since a list column separates choices by spaces).
    const added = await database.prisma.atRiskGroup.create({
      data: { evaluationId, position: 6, nameEs: "Jornaleras agrícolas", nameEn: "Women farmworkers" },
    });
    const groupsBefore = await database.prisma.atRiskGroup.count({ where: { evaluationId } });
    const content = file(
      csv([
        row({ "grp_person/at_risk_groups": "jornaleras_agricolas WOMEN_WORKERS" }),
        row({ "grp_person/at_risk_groups": "Mujeres_Trabajadoras" }),
        row({ "grp_person/at_risk_groups": "women_workers pescadoras" }),
      ]),
    );
    const dry = await dryRun(content);
    expect(dry).toMatchObject({ rowCount: 3, errorCount: 1 });
    const batchId = (dry as { batchId: string }).batchId;
    const errors = await database.prisma.importRowError.findMany({ where: { batchId } });
    expect(errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [4, "grp_person/at_risk_groups", "imports.rowErrors.atRiskGroupUnknown"],
    ]);
    expect(await database.prisma.atRiskGroup.count({ where: { evaluationId } })).toBe(groupsBefore);

    const good = file(
      csv([
        row({ "grp_person/at_risk_groups": "jornaleras_agricolas WOMEN_WORKERS" }),
        row({ "grp_person/at_risk_groups": "Mujeres_Trabajadoras" }),
      ]),
    );
    const goodRun = await dryRun(good);
    const goodBatch = (goodRun as { batchId: string }).batchId;
    expect(await commitImport(actor, { evaluationId, batchId: goodBatch, file: good })).toMatchObject({ created: 2 });
    const imported = await database.prisma.importedRow.findMany({
      where: { batchId: goodBatch },
      select: { recordId: true },
    });
    const links = await database.prisma.respondent.findMany({
      where: { id: { in: imported.map((r) => r.recordId) } },
      orderBy: { codeNumber: "asc" },
      select: { atRiskGroups: { orderBy: { group: { position: "asc" } }, select: { groupId: true } } },
    });
    const women = team.atRiskGroups[0]!.id;
    expect(links.map((r) => r.atRiskGroups.map((link) => link.groupId))).toEqual([[women, added.id], [women]]);
  });

  it("stores hostile text literally (script tags, SQL, formulas) and the CSV export keeps formulas inert", async () => {
    const headers = [
      "title",
      "what_changed",
      "why_significant",
      "language",
      "change_type",
      "period_from",
      "storytellers",
      "_uuid",
    ];
    const respondent = await createConsentedRespondent(database.prisma, {
      evaluationId,
      recordedById: team.members.lead.id,
    });
    const rows = [
      [
        '=HYPERLINK("http://evil.example","click")',
        "<script>alert(1)</script>",
        "'; drop table change_story; --",
        "es",
        "positivo",
        "2023",
        respondent.code,
        "story-1",
      ],
    ];
    const content = file(csv(rows, { headers }), "stories.csv");
    const dry = await dryRunSuggested({ evaluationId, actor }, "STORIES", content, "stories-key-1");
    expect(dry).toMatchObject({ newCount: 1, errorCount: 0 });
    const committed = await commitImport(actor, { evaluationId, batchId: dry.batchId, file: content });
    expect(committed).toMatchObject({ created: 1 });
    const story = await database.prisma.changeStory.findFirstOrThrow({
      where: { evaluationId, title: { startsWith: "=HYPERLINK" } },
      include: { storytellers: true, revisions: true },
    });
    expect(story.whatChanged).toBe("<script>alert(1)</script>");
    expect(story.whySignificant).toBe("'; drop table change_story; --");
    expect(story.storytellers.map((s) => s.respondentId)).toEqual([respondent.id]);
    expect(story.revisions).toHaveLength(1);
    expect(csvSafeCell(story.title)).toBe(`'${story.title}`);
  });

  it("reads an XLSX written by exceljs, formulas kept as text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("respondents");
    sheet.addRow(HEADERS);
    sheet.addRow(row());
    const formulaRow = sheet.addRow(row());
    formulaRow.getCell(HEADERS.indexOf("grp_id/name") + 1).value = {
      formula: 'HYPERLINK("http://x","y")',
      result: "y",
    } as never;
    const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
    const dry = await dryRun(file(buffer, "kobo.xlsx"));
    expect(dry).toMatchObject({ rowCount: 2, newCount: 2, errorCount: 0 });
    const committed = await commitImport(actor, {
      evaluationId,
      batchId: (dry as { batchId: string }).batchId,
      file: file(buffer, "kobo.xlsx"),
    });
    expect(committed).toMatchObject({ created: 2 });
    const imported = await database.prisma.importedRow.findMany({
      where: { batchId: (dry as { batchId: string }).batchId },
      include: { batch: false },
    });
    const identities = await database.prisma.respondentIdentity.findMany({
      where: { respondentId: { in: imported.map((r) => r.recordId) } },
    });
    const names = identities
      .map((identity) => openIdentity(identity.respondentId, identity, keyRingFromEnv()).name)
      .sort();
    expect(names).toEqual(['=HYPERLINK("http://x","y")', "Ana Torres"]);
  });

  it("creates each record once when the same file is committed concurrently (two batches, and one batch twice)", async () => {
    const content = file(csv([row(), row(), row()]));
    const before = await counts();
    expect(await commitTwoDryRunsAtOnce({ evaluationId, actor }, content, dryRunOk)).toBe(3);
    const after = await counts();
    expect(after.respondents - before.respondents).toBe(3);
    expect(after.events - before.events).toBe(3);
    expect(await verifyAuditChain(database.prisma, evaluationId)).toMatchObject({ ok: true });
  });

  it("refuses a commit with another file than the dry run read", async () => {
    const dry = (await dryRun(file(csv([row()])))) as { batchId: string };
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: file(csv([row()])) })).toEqual({
      rejected: "FILE_CHANGED",
      field: "file",
    });
  });
});
