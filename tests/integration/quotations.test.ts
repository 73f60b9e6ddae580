/**
 * Quotations for the brief on a real database: an analyst chooses a passage of an approved
 * outcome, translates it, and the brief prints it (page content, Word through mammoth, PDF through
 * pdftotext) only while every person behind it consents to anonymous quotation; a withdrawal
 * takes it out of the next copy. Every write is audited; refusals leave nothing behind.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildChangeStory,
  buildConsent,
  buildConsentScopes,
  buildDomainAssignment,
  buildExcerpt,
  buildInterview,
  buildRespondent,
  createEvaluationWithTeam,
  newId,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { poppler } from "@/tests/support/document-tools";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let team: EvaluationWithTeam;
let mutations: typeof import("@/lib/quotations/mutations");
let loaders: typeof import("@/lib/quotations/loaders");
let briefLoaders: typeof import("@/lib/brief/loaders");
let downloadBrief: typeof import("@/lib/brief/download").downloadBrief;
let withdrawConsent: typeof import("@/lib/respondents/consent-mutations").withdrawConsent;
const folder = mkdtempSync(path.join(tmpdir(), "quotations-"));

const TRANSCRIPT = "Antes nadie nos escuchaba. Ahora el sindicato negocia por nosotras y nos respetan.";
const QUOTE = "Ahora el sindicato negocia por nosotras y nos respetan.";
const TRANSLATION = "Now the union bargains for us and we are respected.";

type Ids = {
  evaluationId: string;
  approved: string;
  draft: string;
  excerpt: string;
  otherExcerpt: string;
  refusingExcerpt: string;
  teller: { respondentId: string; consentId: string };
};
let ids: Ids;

const analyst = () => team.members.analyst!.id;
const reader = (member: "lead" | "analyst" | "panelist" | "reviewer" | "evaluator") => ({
  id: team.members[member]!.id,
  isAdmin: false,
});

/** A respondent with one consent form; `refused` scopes are asked and not granted. */
async function respondent(refused: Array<"ANONYMOUS_QUOTATION"> = []) {
  const row = buildRespondent({ evaluationId: ids.evaluationId });
  await database.prisma.respondent.create({ data: row });
  const consent = buildConsent({
    evaluationId: ids.evaluationId,
    respondentId: row.id,
    recordedById: team.members.lead.id,
  });
  await database.prisma.consent.create({ data: consent });
  await database.prisma.consentScope.createMany({ data: buildConsentScopes(consent, refused) });
  return { respondentId: row.id, consentId: consent.id };
}

/** An interview with one respondent and a transcript, and an excerpt of it. */
async function passage(respondentId: string, quote = QUOTE) {
  const interview = buildInterview({ evaluationId: ids.evaluationId, transcriptOriginal: TRANSCRIPT });
  await database.prisma.interview.create({ data: interview });
  await database.prisma.interviewRespondent.create({
    data: { id: newId(), evaluationId: ids.evaluationId, interviewId: interview.id, respondentId },
  });
  const excerpt = buildExcerpt({
    evaluationId: ids.evaluationId,
    interviewId: interview.id,
    createdById: team.members.lead.id,
    transcript: TRANSCRIPT,
    quote,
  });
  await database.prisma.transcriptExcerpt.create({ data: excerpt });
  return excerpt.id;
}

async function rests(storyId: string, excerptId: string) {
  await database.prisma.storySource.create({
    data: { id: newId(), evaluationId: ids.evaluationId, storyId, excerptId },
  });
}

async function docxText(lang: "es" | "en") {
  const file = await downloadBrief(ids.evaluationId, reader("lead"), { format: "docx", lang, include: "approved" });
  return (await mammoth.extractRawText({ buffer: file!.body })).value;
}

async function pdfText(lang: "es" | "en", name: string) {
  const file = await downloadBrief(ids.evaluationId, reader("lead"), { format: "pdf", lang, include: "approved" });
  const where = path.join(folder, `${name}.pdf`);
  writeFileSync(where, file!.body);
  return poppler("pdftotext", [where, "-"]).replace(/\s+/g, " ");
}

const outcome = async (lang: "es" | "en") => {
  const content = await briefLoaders.loadBrief(ids.evaluationId, reader("lead"), { include: "approved", lang });
  return content!.domains.flatMap((domain) => domain.outcomes).find((row) => row.code === "CS-0901")!;
};

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  mutations = await import("@/lib/quotations/mutations");
  loaders = await import("@/lib/quotations/loaders");
  briefLoaders = await import("@/lib/brief/loaders");
  ({ downloadBrief } = await import("@/lib/brief/download"));
  ({ withdrawConsent } = await import("@/lib/respondents/consent-mutations"));
  team = await createEvaluationWithTeam(database.prisma);
  const evaluationId = team.evaluation.id;
  const approved = buildChangeStory({
    evaluationId,
    authorId: team.members.evaluator!.id,
    codeNumber: 901,
    stage: "APPROVED",
    title: "El sindicato independiente negocia el contrato",
    titleTranslation: "The independent union bargains the contract",
    translationLanguage: "en",
  });
  const draft = buildChangeStory({ evaluationId, authorId: team.members.evaluator!.id, codeNumber: 902 });
  await database.prisma.changeStory.createMany({ data: [approved, draft] });
  await database.prisma.domainAssignment.create({
    data: buildDomainAssignment({
      evaluationId,
      storyId: approved.id,
      domainId: team.domains[0]!.id,
      assignedById: team.members.lead.id,
    }),
  });
  ids = { evaluationId, approved: approved.id, draft: draft.id } as Ids;
  ids.teller = await respondent();
  await database.prisma.storyTeller.create({
    data: { id: newId(), evaluationId, storyId: approved.id, respondentId: ids.teller.respondentId },
  });
  ids.excerpt = await passage(ids.teller.respondentId);
  await rests(approved.id, ids.excerpt);
  await rests(draft.id, ids.excerpt);
  ids.otherExcerpt = await passage(ids.teller.respondentId, "Antes nadie nos escuchaba.");
  // A passage said by someone who did not consent to being quoted.
  const refusing = await respondent(["ANONYMOUS_QUOTATION"]);
  ids.refusingExcerpt = await passage(refusing.respondentId);
  await rests(approved.id, ids.refusingExcerpt);
});

afterAll(async () => {
  await database?.close();
});

describe("choosing a quotation", () => {
  it("refuses a story that is not selected onwards, a passage it does not rest on, and a speaker without consent", async () => {
    const choose = (storyId: string, excerptId: string) =>
      mutations.chooseQuotation({ actorId: analyst(), evaluationId: ids.evaluationId, storyId, excerptId });
    expect(await choose(ids.draft, ids.excerpt)).toMatchObject({ ok: false, reason: "STAGE_LOCKED" });
    expect(await choose(ids.approved, ids.otherExcerpt)).toMatchObject({
      ok: false,
      reason: "EXCERPT_NOT_A_SOURCE",
      field: "excerptId",
    });
    expect(await choose(ids.approved, ids.refusingExcerpt)).toMatchObject({
      ok: false,
      reason: "NO_QUOTATION_CONSENT",
    });
    expect(await database.prisma.storyQuotation.count({ where: { evaluationId: ids.evaluationId } })).toBe(0);
    expect(
      await database.prisma.auditEvent.count({ where: { evaluationId: ids.evaluationId, action: "quotation.choose" } }),
    ).toBe(0);
  });

  it("copies the passage's words, in the transcript's language, with an audit event; once per passage", async () => {
    const chosen = await mutations.chooseQuotation({
      actorId: analyst(),
      evaluationId: ids.evaluationId,
      storyId: ids.approved,
      excerptId: ids.excerpt,
      ipAddress: "203.0.113.4",
    });
    expect(chosen).toMatchObject({ ok: true, version: 1 });
    const row = await database.prisma.storyQuotation.findFirstOrThrow({ where: { evaluationId: ids.evaluationId } });
    expect(row).toMatchObject({ text: QUOTE, language: "es", chosenById: analyst(), translation: null });
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { evaluationId: ids.evaluationId, action: "quotation.choose" },
    });
    expect(event).toMatchObject({ actorId: analyst(), recordId: row.id, ipAddress: "203.0.113.4" });
    expect(
      await mutations.chooseQuotation({
        actorId: analyst(),
        evaluationId: ids.evaluationId,
        storyId: ids.approved,
        excerptId: ids.excerpt,
      }),
    ).toMatchObject({ ok: false, reason: "ALREADY_QUOTED" });
  });
});

describe("the quotations page's loader", () => {
  it("lets analysts and leads choose, shows evaluators the list, and gives panelists, reviewers and outsiders nothing", async () => {
    const view = await loaders.loadStoryQuotations(ids.evaluationId, ids.approved, reader("analyst"));
    expect(view?.canEdit).toBe(true);
    expect(view?.quotations.map((row) => [row.text, row.consented])).toEqual([[QUOTE, true]]);
    // The passage already quoted is not offered again; the one without consent is offered, marked.
    expect(view?.candidates).toEqual([{ id: ids.refusingExcerpt, text: QUOTE, consented: false }]);
    expect((await loaders.loadStoryQuotations(ids.evaluationId, ids.approved, reader("lead")))?.canEdit).toBe(true);
    const evaluator = await loaders.loadStoryQuotations(ids.evaluationId, ids.approved, reader("evaluator"));
    expect(evaluator).toMatchObject({ canEdit: false, candidates: null });
    expect(await loaders.loadStoryQuotations(ids.evaluationId, ids.approved, reader("panelist"))).toBeNull();
    expect(await loaders.loadStoryQuotations(ids.evaluationId, ids.approved, reader("reviewer"))).toBeNull();
    expect(
      await loaders.loadStoryQuotations(ids.evaluationId, ids.approved, { id: team.outsider.id, isAdmin: false }),
    ).toBeNull();
  });
});

describe("the quotation in the brief", () => {
  it("prints the words as said in Spanish, and the untranslated marker in English until translated", async () => {
    expect((await outcome("es")).quotations).toEqual([
      { text: `En palabras de una persona narradora: “${QUOTE}”`, untranslated: false },
    ]);
    expect((await outcome("en")).quotations).toEqual([
      { text: "[Not yet translated into English]", untranslated: true },
    ]);
  });

  it("records its translator, refuses a translation into the words' own language, and prints it in English", async () => {
    const row = await database.prisma.storyQuotation.findFirstOrThrow({ where: { evaluationId: ids.evaluationId } });
    const translate = (translationLanguage: "es" | "en", expectedVersion = 1) =>
      mutations.translateQuotation({
        actorId: analyst(),
        evaluationId: ids.evaluationId,
        quotationId: row.id,
        expectedVersion,
        translation: TRANSLATION,
        translationLanguage,
      });
    expect(await translate("es")).toMatchObject({ ok: false, reason: "SAME_LANGUAGE" });
    expect(await translate("en")).toMatchObject({ ok: true, version: 2 });
    await expect(translate("en", 1)).rejects.toMatchObject({ code: "CONFLICT" });
    const stored = await database.prisma.storyQuotation.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ translation: TRANSLATION, translationLanguage: "en", translatedById: analyst() });
    expect(stored.translatedAt).not.toBeNull();
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { evaluationId: ids.evaluationId, action: "quotation.translate" },
    });
    expect(event.after).toMatchObject({ translation: TRANSLATION, translationLanguage: "en", version: 2 });

    expect((await outcome("en")).quotations).toEqual([
      { text: `In a storyteller’s words: “${TRANSLATION}”`, untranslated: false },
    ]);
    expect(await docxText("en")).toContain(TRANSLATION);
    expect(await docxText("es")).toContain(QUOTE);
    expect(await pdfText("en", "translated")).toContain(TRANSLATION);
  });

  it("is gone from the page, Word and PDF once a storyteller withdraws consent, and never names anyone", async () => {
    const respondentCode = (
      await database.prisma.respondent.findUniqueOrThrow({ where: { id: ids.teller.respondentId } })
    ).code;
    expect(await docxText("en")).not.toContain(respondentCode);
    const withdrawn = await withdrawConsent(
      { actorId: team.members.lead.id, ipAddress: null },
      {
        evaluationId: ids.evaluationId,
        respondentId: ids.teller.respondentId,
        consentId: ids.teller.consentId,
        withdrawnOn: "2024-11-15",
        choice: "STOP",
        note: "Ya no quiere que se cite.",
      },
    );
    expect(withdrawn).not.toHaveProperty("rejected");
    expect((await outcome("en")).quotations).toEqual([]);
    expect((await outcome("es")).quotations).toEqual([]);
    expect(await docxText("en")).not.toContain(TRANSLATION);
    expect(await docxText("es")).not.toContain(QUOTE);
    expect(await pdfText("en", "withdrawn")).not.toContain(TRANSLATION);
    // The outcome itself stays in the brief; the record stays for the audit trail.
    expect((await outcome("en")).sentence.text).toContain("The independent union bargains the contract");
    expect(await database.prisma.storyQuotation.count({ where: { evaluationId: ids.evaluationId } })).toBe(1);
    const view = await loaders.loadStoryQuotations(ids.evaluationId, ids.approved, reader("analyst"));
    expect(view?.quotations.map((row) => row.consented)).toEqual([false]);
  });

  it("is removed with an audit event, on the version the analyst loaded", async () => {
    const row = await database.prisma.storyQuotation.findFirstOrThrow({ where: { evaluationId: ids.evaluationId } });
    await expect(
      mutations.removeQuotation({
        actorId: analyst(),
        evaluationId: ids.evaluationId,
        quotationId: row.id,
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await mutations.removeQuotation({
        actorId: analyst(),
        evaluationId: ids.evaluationId,
        quotationId: row.id,
        expectedVersion: 2,
      }),
    ).toMatchObject({ ok: true, storyId: ids.approved });
    expect(await database.prisma.storyQuotation.count({ where: { evaluationId: ids.evaluationId } })).toBe(0);
    expect(
      await database.prisma.auditEvent.count({ where: { evaluationId: ids.evaluationId, action: "quotation.remove" } }),
    ).toBe(1);
  });
});
