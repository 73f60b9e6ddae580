/**
 * Respondents imported with the consent recorded in the same Kobo/ODK submission, against a real
 * PostgreSQL: Spanish consent headers suggested; the consent and its five scopes written with the
 * respondent, by the importing user, with a `consent.record` event each; `consentStanding` then
 * allows exactly the granted scopes (and an interview import may name the respondent); partial
 * consent, bad values and unknown scope words are row errors on the consent's columns and block
 * the commit; re-imports and concurrent commits write each consent once; hostile cells stay text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { csvSafeCell } from "@/lib/exports/csv";
import { suggestMapping } from "@/lib/imports/mapping";
import { analyzeImportFile, commitImport } from "@/lib/imports/mutations";
import { CONSENT_SCOPES } from "@/lib/respondents/constants";
import { consentStanding } from "@/lib/respondents/policy";
import { type EvaluationWithTeam } from "@/tests/factories";
import {
  commitTwoDryRunsAtOnce,
  csvFile,
  dryRunSuggested,
  openImportWorld,
  rowErrorsOf,
  wizardDryRun,
  type ImportWorld,
} from "@/tests/support/import-world";
import { koboXlsxFile, type KoboCell } from "@/tests/support/kobo-workbook";
import type { TestDatabase } from "@/tests/support/test-database";

let world: ImportWorld;
let database: TestDatabase;
let team: EvaluationWithTeam;
let evaluationId: string;
let actor: ImportWorld["actor"];
let sequence = 0;

const HEADERS = [
  "grp_persona/tipo_respondente",
  "grp_persona/sexo",
  "grp_persona/estado",
  "grp_persona/idioma",
  "consentimiento/fecha",
  "consentimiento/tipo",
  "consentimiento/version",
  "consentimiento/idioma",
  "consentimiento/usos",
  "_uuid",
];
const CONSENT_COLUMNS = [
  "consentimiento/fecha",
  "consentimiento/tipo",
  "consentimiento/version",
  "consentimiento/idioma",
  "consentimiento/usos",
];
const NO_CONSENT = Object.fromEntries(CONSENT_COLUMNS.map((column) => [column, ""]));

function key(): string {
  sequence += 1;
  return `consent-uuid-${sequence}`;
}

function row(values: Record<string, string> = {}, headers = HEADERS): string[] {
  const base: Record<string, string> = {
    "grp_persona/tipo_respondente": "union_member",
    "grp_persona/sexo": "Mujer",
    "grp_persona/estado": "coahuila",
    "grp_persona/idioma": "es",
    "consentimiento/fecha": "12/06/2024",
    "consentimiento/tipo": "escrito",
    "consentimiento/version": "CI-2024-v3",
    "consentimiento/idioma": "es",
    "consentimiento/usos": "entrevista grabacion contacto_validacion",
    _uuid: key(),
    ...values,
  };
  return headers.map((header) => base[header] ?? "");
}

const csv = (rows: string[][], headers = HEADERS, name = "personas.csv") => csvFile([headers, ...rows], name);
const rowErrors = (batchId: string) => rowErrorsOf(world, batchId);

/**
 * A dry run with the mapping suggested from the headers (not the one the last dry run saved for
 * the evaluation, which the wizard would offer instead).
 */
async function dryRun(content: File, options: { headers?: string[]; mapping?: Record<string, string> } = {}) {
  const { dry } = await wizardDryRun(world, "RESPONDENTS", content, `consent-key-${key()}`, {
    mapping: options.mapping ?? suggestMapping("RESPONDENTS", options.headers ?? HEADERS),
    keyColumn: "_uuid",
  });
  return dry;
}

async function dryRunOk(content: File) {
  const result = await dryRun(content, {});
  if ("rejected" in result) throw new Error(result.rejected);
  return result;
}

async function counts() {
  const where = { evaluationId };
  const [respondents, consents, scopes, consentEvents, respondentEvents] = await Promise.all([
    database.prisma.respondent.count({ where }),
    database.prisma.consent.count({ where }),
    database.prisma.consentScope.count({ where }),
    database.prisma.auditEvent.count({ where: { evaluationId, action: "consent.record" } }),
    database.prisma.auditEvent.count({ where: { evaluationId, action: "respondent.create" } }),
  ]);
  return { respondents, consents, scopes, consentEvents, respondentEvents };
}

/** The respondents a batch created, in file order, with what consentStanding reads. */
async function importedRespondents(batchId: string) {
  const imported = await database.prisma.importedRow.findMany({
    where: { evaluationId, batchId },
    select: { recordId: true, externalKey: true },
  });
  const respondents = await database.prisma.respondent.findMany({
    where: { evaluationId, id: { in: imported.map((row) => row.recordId) } },
    include: { consents: { include: { scopes: true } } },
    orderBy: { codeNumber: "asc" },
  });
  return respondents;
}

beforeAll(async () => {
  world = await openImportWorld();
  ({ database, team, evaluationId, actor } = world);
});

afterAll(async () => {
  await database?.close();
});

describe("respondents imported with their consent", () => {
  it("suggests the consent columns from Spanish headers, apart from the respondent's own language", async () => {
    const analysis = await analyzeImportFile({
      evaluationId,
      kind: "RESPONDENTS",
      file: csv([row()]),
      delimiter: "auto",
    });
    expect(analysis).toMatchObject({
      keyColumn: "_uuid",
      mapping: {
        "grp_persona/idioma": "language",
        "consentimiento/fecha": "consentGivenOn",
        "consentimiento/tipo": "consentMethod",
        "consentimiento/version": "consentFormVersion",
        "consentimiento/idioma": "consentLanguage",
        "consentimiento/usos": "consentScopes",
      },
    });
  });

  it("writes each consent and its five scopes with the respondent, recorded by the importer; consentStanding then allows exactly the granted scopes", async () => {
    const content = csv([
      row(),
      row(NO_CONSENT),
      row({
        "consentimiento/tipo": "verbal",
        "consentimiento/idioma": "Náhuatl",
        "consentimiento/usos": "interview anonymous_quotation share_with_funder",
        "consentimiento/fecha": "2024-07-01T10:15:00-06:00",
      }),
    ]);
    const before = await counts();
    const dry = await dryRunOk(content);
    expect(dry).toMatchObject({ rowCount: 3, newCount: 3, errorCount: 0 });
    expect(await counts()).toEqual(before);

    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: content })).toEqual({
      batchId: dry.batchId,
      created: 3,
      skipped: 0,
      alreadyCommitted: false,
    });
    expect(await counts()).toEqual({
      respondents: before.respondents + 3,
      consents: before.consents + 2,
      scopes: before.scopes + 10,
      consentEvents: before.consentEvents + 2,
      respondentEvents: before.respondentEvents + 3,
    });

    const [written, unconsented, oral] = await importedRespondents(dry.batchId);
    expect(written!.consents).toHaveLength(1);
    expect(unconsented!.consents).toHaveLength(0);
    const consent = written!.consents[0]!;
    expect(consent).toMatchObject({
      method: "WRITTEN",
      formVersion: "CI-2024-v3",
      language: "es",
      recordedById: actor.actorId,
      withdrawnOn: null,
      withdrawalChoice: null,
    });
    expect(consent.givenOn.toISOString()).toBe("2024-06-12T00:00:00.000Z");
    expect(Math.abs(consent.createdAt.getTime() - Date.now())).toBeLessThan(120_000);
    expect(oral!.consents[0]).toMatchObject({
      method: "ORAL_RECORDED_WITHOUT_NAME",
      language: "nah",
      recordedById: actor.actorId,
    });
    expect(oral!.consents[0]!.givenOn.toISOString()).toBe("2024-07-01T00:00:00.000Z");
    // Every scope answered, as the consent form answers them.
    expect(consent.scopes.map((s) => s.scope).sort()).toEqual([...CONSENT_SCOPES].sort());

    const standing = (respondent: typeof written) =>
      Object.fromEntries(CONSENT_SCOPES.map((scope) => [scope, consentStanding(respondent!, scope)]));
    expect(standing(written)).toEqual({
      INTERVIEW: "ALLOWED",
      AUDIO_RECORDING: "ALLOWED",
      ANONYMOUS_QUOTATION: "SCOPE_NOT_GRANTED",
      SHARE_WITH_FUNDER: "SCOPE_NOT_GRANTED",
      CONTACT_FOR_VALIDATION: "ALLOWED",
    });
    expect(standing(oral)).toEqual({
      INTERVIEW: "ALLOWED",
      AUDIO_RECORDING: "SCOPE_NOT_GRANTED",
      ANONYMOUS_QUOTATION: "ALLOWED",
      SHARE_WITH_FUNDER: "ALLOWED",
      CONTACT_FOR_VALIDATION: "SCOPE_NOT_GRANTED",
    });
    expect(new Set(Object.values(standing(unconsented)))).toEqual(new Set(["NO_CONSENT"]));

    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId, action: "consent.record", recordId: { in: [written!.id, oral!.id] } },
    });
    expect(events).toHaveLength(2);
    const event = events.find((e) => e.recordId === written!.id)!;
    expect(event).toMatchObject({ actorId: actor.actorId, ipAddress: actor.ipAddress, recordType: "Respondent" });
    expect(event.after).toEqual({
      code: written!.code,
      consentId: consent.id,
      givenOn: "2024-06-12",
      method: "WRITTEN",
      formVersion: "CI-2024-v3",
      language: "es",
      scopes: {
        INTERVIEW: true,
        AUDIO_RECORDING: true,
        ANONYMOUS_QUOTATION: false,
        SHARE_WITH_FUNDER: false,
        CONTACT_FOR_VALIDATION: true,
      },
      importBatchId: dry.batchId,
    });
    // The respondent's creation comes before their consent in the chain.
    const created = await database.prisma.auditEvent.findFirstOrThrow({
      where: { evaluationId, action: "respondent.create", recordId: written!.id },
    });
    expect(created.sequence).toBeLessThan(event.sequence);
    expect(await verifyAuditChain(database.prisma, evaluationId)).toMatchObject({ ok: true });

    // The imported consent is the one the interview import asks for: the first may be heard, the second not.
    const interviews = new File(
      [
        `fecha,modalidad,idioma,entrevistador,codigo_respondente,_uuid\r\n2024-06-20,cara_a_cara,es,${team.members.evaluator!.email},${written!.code},int-1\r\n2024-06-21,telefono,es,${team.members.evaluator!.email},${unconsented!.code},int-2\r\n`,
      ],
      "entrevistas.csv",
    );
    const interviewDry = await dryRunSuggested(world, "INTERVIEWS", interviews, "consent-interviews-1");
    expect(interviewDry).toMatchObject({ rowCount: 2, newCount: 1, errorCount: 1 });
    expect(await rowErrors(interviewDry.batchId)).toEqual([
      [3, "codigo_respondente", "imports.rowErrors.respondentNotEligible"],
    ]);
  });

  it("reports a row with part of a consent, or bad consent values, on the consent's columns; the commit writes nothing", async () => {
    const content = csv([
      row({ ...NO_CONSENT, "consentimiento/fecha": "2024-06-12" }),
      row({ ...NO_CONSENT, "consentimiento/usos": "entrevista" }),
      row({
        "consentimiento/fecha": "01/01/2999",
        "consentimiento/tipo": "telepathy",
        "consentimiento/idioma": "castellano antiguo",
      }),
      row({ "consentimiento/idioma": "", "consentimiento/version": "v\u202E3" }),
      row({ "consentimiento/fecha": "31/02/2024", "consentimiento/version": "v".repeat(51) }),
      row(),
    ]);
    const before = await counts();
    const dry = await dryRun(content);
    if ("rejected" in dry) throw new Error(dry.rejected);
    expect(dry).toMatchObject({ rowCount: 6, newCount: 1, errorCount: 5 });
    expect(await rowErrors(dry.batchId)).toEqual([
      [2, "consentimiento/idioma", "respondents.errors.required"],
      [2, "consentimiento/tipo", "respondents.errors.choose"],
      [2, "consentimiento/version", "respondents.errors.required"],
      [3, "consentimiento/fecha", "respondents.errors.required"],
      [3, "consentimiento/idioma", "respondents.errors.required"],
      [3, "consentimiento/tipo", "respondents.errors.choose"],
      [3, "consentimiento/version", "respondents.errors.required"],
      [4, "consentimiento/fecha", "respondents.errors.dateFuture"],
      [4, "consentimiento/idioma", "respondents.errors.language"],
      [4, "consentimiento/tipo", "respondents.errors.choose"],
      // The consent's language is missing; the respondent's own language column is not blamed.
      [5, "consentimiento/idioma", "respondents.errors.required"],
      [5, "consentimiento/version", "respondents.errors.hiddenCharacters"],
      [6, "consentimiento/fecha", "respondents.errors.date"],
      [6, "consentimiento/version", "respondents.errors.tooLong"],
    ]);
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: content })).toEqual({
      rejected: "ROWS_INVALID",
      field: undefined,
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a mapping with part of the consent's columns, naming the first one missing", async () => {
    const content = csv([row()]);
    const partial = {
      "grp_persona/tipo_respondente": "type",
      "grp_persona/sexo": "gender",
      "grp_persona/estado": "state",
      "grp_persona/idioma": "language",
      "consentimiento/fecha": "consentGivenOn",
      "consentimiento/usos": "consentScopes",
    };
    expect(await dryRun(content, { mapping: partial })).toEqual({
      rejected: "MAPPING_CONSENT_INCOMPLETE",
      field: "mapping",
      details: { target: "consentMethod" },
    });
    // Without any consent column the file imports its respondents without consent, as before.
    const none = Object.fromEntries(Object.entries(partial).filter(([, field]) => !field.startsWith("consent")));
    expect(await dryRun(content, { mapping: none })).toMatchObject({ newCount: 1, errorCount: 0 });
  });

  it("refuses scope words it does not know, space-separated or as a ticked 0/1 column, and keeps none of them", async () => {
    const spaced = csv([
      row({ "consentimiento/usos": "entrevista foto" }),
      row({ "consentimiento/usos": "<script>alert(1)</script>" }),
      row({ "consentimiento/usos": "grabación" }),
    ]);
    const before = await counts();
    const dry = await dryRun(spaced);
    if ("rejected" in dry) throw new Error(dry.rejected);
    expect(dry).toMatchObject({ rowCount: 3, newCount: 1, errorCount: 2 });
    expect(await rowErrors(dry.batchId)).toEqual([
      [2, "consentimiento/usos", "imports.rowErrors.scopeUnknown"],
      [3, "consentimiento/usos", "imports.rowErrors.scopeUnknown"],
    ]);
    const stored = JSON.stringify(await database.prisma.importRowError.findMany({ where: { batchId: dry.batchId } }));
    expect(stored).not.toMatch(/foto|script/);

    const headers = [
      ...HEADERS.filter((header) => header !== "consentimiento/usos"),
      "consentimiento/usos/entrevista",
      "consentimiento/usos/grabacion",
      "consentimiento/usos/foto",
    ];
    const perChoice = csv(
      [
        row(
          {
            "consentimiento/usos/entrevista": "1",
            "consentimiento/usos/grabacion": "0",
            "consentimiento/usos/foto": "0",
          },
          headers,
        ),
        row(
          {
            "consentimiento/usos/entrevista": "1",
            "consentimiento/usos/grabacion": "1",
            "consentimiento/usos/foto": "1",
          },
          headers,
        ),
      ],
      headers,
    );
    expect(suggestMapping("RESPONDENTS", headers)).toMatchObject({
      "consentimiento/usos/entrevista": "consentScopes#entrevista",
      "consentimiento/usos/foto": "consentScopes#foto",
    });
    const perChoiceDry = await dryRun(perChoice, { headers });
    if ("rejected" in perChoiceDry) throw new Error(perChoiceDry.rejected);
    expect(perChoiceDry).toMatchObject({ rowCount: 2, newCount: 1, errorCount: 1 });
    // The error names the ticked column of the unknown choice.
    expect(await rowErrors(perChoiceDry.batchId)).toEqual([
      [3, "consentimiento/usos/foto", "imports.rowErrors.scopeUnknown"],
    ]);
    // Unticking it imports the row with the scopes of the other columns.
    const fixed = csv(
      [
        row(
          {
            "consentimiento/usos/entrevista": "1",
            "consentimiento/usos/grabacion": "sí",
            "consentimiento/usos/foto": "0",
          },
          headers,
        ),
      ],
      headers,
    );
    const fixedDry = await dryRun(fixed, { headers });
    if ("rejected" in fixedDry) throw new Error(fixedDry.rejected);
    expect(await commitImport(actor, { evaluationId, batchId: fixedDry.batchId, file: fixed })).toMatchObject({
      created: 1,
    });
    const [imported] = await importedRespondents(fixedDry.batchId);
    expect(Object.fromEntries(imported!.consents[0]!.scopes.map((s) => [s.scope, s.granted]))).toEqual({
      INTERVIEW: true,
      AUDIO_RECORDING: true,
      ANONYMOUS_QUOTATION: false,
      SHARE_WITH_FUNDER: false,
      CONTACT_FOR_VALIDATION: false,
    });
    expect(await counts()).toEqual({
      ...before,
      respondents: before.respondents + 1,
      respondentEvents: before.respondentEvents + 1,
      consents: before.consents + 1,
      scopes: before.scopes + 5,
      consentEvents: before.consentEvents + 1,
    });
  });

  it("writes each consent once: a re-import skips the row, and concurrent commits of one file create one consent per row", async () => {
    const content = csv([row(), row(), row(NO_CONSENT)]);
    const before = await counts();
    expect(await commitTwoDryRunsAtOnce(world, content, dryRunOk)).toBe(3);
    const after = await counts();
    expect(after).toEqual({
      respondents: before.respondents + 3,
      consents: before.consents + 2,
      scopes: before.scopes + 10,
      consentEvents: before.consentEvents + 2,
      respondentEvents: before.respondentEvents + 3,
    });

    const again = await dryRunOk(content);
    expect(again).toMatchObject({ rowCount: 3, newCount: 0, skippedCount: 3, errorCount: 0 });
    expect(await commitImport(actor, { evaluationId, batchId: again.batchId, file: content })).toMatchObject({
      created: 0,
      skipped: 3,
      alreadyCommitted: false,
    });
    expect(await counts()).toEqual(after);
    // No respondent of this evaluation has two consents from imports.
    const doubled = await database.prisma.consent.groupBy({
      by: ["respondentId"],
      where: { evaluationId },
      _count: { _all: true },
      having: { respondentId: { _count: { gt: 1 } } },
    });
    expect(doubled).toEqual([]);
    expect(await verifyAuditChain(database.prisma, evaluationId)).toMatchObject({ ok: true });
  });

  it("leaves no respondent behind when a consent cannot be written (all or nothing)", async () => {
    const content = csv([row(NO_CONSENT), row()]);
    const dry = await dryRunOk(content);
    const before = await counts();
    // A recorder who is not a user: the consent's foreign key fails after the respondents went in.
    await expect(
      commitImport(
        { actorId: "no-such-user", ipAddress: actor.ipAddress },
        { evaluationId, batchId: dry.batchId, file: content },
      ),
    ).rejects.toThrow(/consent_recorded_by_id_fkey/);
    expect(await counts()).toEqual(before);
    expect(await database.prisma.importedRow.count({ where: { evaluationId, batchId: dry.batchId } })).toBe(0);
    expect(
      await database.prisma.importBatch.findUniqueOrThrow({ where: { id: dry.batchId }, select: { status: true } }),
    ).toEqual({ status: "DRY_RUN" });
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: content })).toMatchObject({
      created: 2,
      alreadyCommitted: false,
    });
    expect(await counts()).toMatchObject({ respondents: before.respondents + 2, consents: before.consents + 1 });
  });

  it("keeps hostile form versions as text (formulas, SQL, script, a spreadsheet formula cell), and the CSV export keeps them inert", async () => {
    const hostile = ['=HYPERLINK("http://evil.example","v3")', "'; drop table consent; --", "@SUM(A1)", "+1-555"];
    const formulaRow: KoboCell[] = row();
    formulaRow[HEADERS.indexOf("consentimiento/version")] = { formula: 'HYPERLINK("http://x","v")', result: "v" };
    const rows = [
      ...hostile.map((version) => row({ "consentimiento/version": version })),
      formulaRow,
      row({ "consentimiento/version": "<script>alert(1)</script>" }),
    ];
    const content = await koboXlsxFile([{ name: "respuestas", headers: HEADERS, rows }], "kobo.xlsx");

    const dry = await dryRunOk(content);
    expect(dry).toMatchObject({ rowCount: 6, newCount: 6, errorCount: 0 });
    expect(await commitImport(actor, { evaluationId, batchId: dry.batchId, file: content })).toMatchObject({
      created: 6,
    });
    const respondents = await importedRespondents(dry.batchId);
    const versions = respondents.map((respondent) => respondent.consents[0]!.formVersion);
    expect(versions).toEqual([...hostile, '=HYPERLINK("http://x","v")', "<script>alert(1)</script>"]);
    const formulas = versions.filter((version) => /^[=@+]/.test(version));
    expect(formulas).toHaveLength(4);
    expect(formulas.map(csvSafeCell)).toEqual(formulas.map((version) => `'${version}`));
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId, action: "consent.record", recordId: { in: respondents.map((r) => r.id) } },
    });
    expect(events.map((e) => (e.after as { formVersion: string }).formVersion).sort()).toEqual([...versions].sort());
    // The SQL in a cell was a value, not a statement.
    expect(
      await database.prisma.$queryRaw<Array<{ exists: boolean }>>`SELECT to_regclass('consent') IS NOT NULL AS exists`,
    ).toEqual([{ exists: true }]);
  });
});
