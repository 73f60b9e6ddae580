/**
 * Creating interviews through their server action against a real database: the rows and the
 * audit event; who may be named (team members, respondents with interview consent, this
 * evaluation's records only); the transcript limit; bad input; who may write and read.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildPlace, createConsentedRespondent } from "@/tests/factories";
import { actingUser, signInAs, signOut } from "@/tests/support/session";
import {
  createInterview,
  interviewInput,
  openInterviewWorld,
  TRANSCRIPT,
  type InterviewWorld,
} from "./interview-world";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let world: InterviewWorld;
let database: InterviewWorld["database"];
let mine: InterviewWorld["mine"];
let theirs: InterviewWorld["theirs"];
let actions: InterviewWorld["actions"];
let access: typeof import("@/lib/fieldwork/access");
let heard: InterviewWorld["heard"];
let placeId: string;

const validInput = (overrides: Record<string, unknown> = {}) => interviewInput(world, overrides);
const create = (overrides: Record<string, unknown> = {}) => createInterview(world, overrides);

async function counts() {
  const { prisma } = database;
  const where = { evaluationId: mine.evaluation.id };
  const [interviews, links, audits] = await Promise.all([
    prisma.interview.count({ where }),
    prisma.interviewRespondent.count({ where }),
    prisma.auditEvent.count({ where }),
  ]);
  return { interviews, links, audits };
}

beforeAll(async () => {
  world = await openInterviewWorld();
  ({ database, mine, theirs, actions, heard, placeId } = world);
  access = await import("@/lib/fieldwork/access");
});

afterAll(async () => {
  await database?.close();
});

describe("creating an interview", () => {
  it("writes the interview, its people and projects, and one audit event without the transcript's words", async () => {
    signInAs(mine.members.evaluator!);
    const { id, version } = await create();
    expect(version).toBe(1);
    const { prisma } = database;
    const row = await prisma.interview.findUniqueOrThrow({
      where: { id },
      include: { interviewers: true, respondents: true, projects: true },
    });
    expect(row).toMatchObject({
      evaluationId: mine.evaluation.id,
      mode: "IN_PERSON",
      placeId,
      language: "es",
      durationMinutes: 75,
      transcriptOriginal: TRANSCRIPT,
      transcriptLanguage: "es",
      transcriptTranslation: null,
      translatedById: null,
    });
    expect(row.date.toISOString()).toBe("2024-06-12T00:00:00.000Z");
    expect(row.interviewers.map((link) => link.userId)).toEqual([mine.members.evaluator!.id]);
    expect(row.respondents.map((link) => link.respondentId)).toEqual([heard.id]);
    expect(row.projects.map((link) => link.projectId)).toEqual([mine.projects[0]!.id]);

    const event = await prisma.auditEvent.findFirstOrThrow({ where: { recordId: id, action: "interview.create" } });
    expect(event).toMatchObject({
      actorId: mine.members.evaluator!.id,
      recordType: "Interview",
      evaluationId: mine.evaluation.id,
      before: null,
    });
    const after = event.after as Record<string, unknown>;
    expect(after.transcriptOriginal).toEqual({
      length: TRANSCRIPT.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(after).toMatchObject({
      date: "2024-06-12",
      mode: "IN_PERSON",
      respondentIds: [heard.id],
      durationMinutes: 75,
    });
    expect(JSON.stringify([event.before, event.after])).not.toContain("sindicato");
    expect(JSON.stringify([event.before, event.after])).not.toContain("local sindical");
  });

  it("refuses to link a retired project anew, and keeps it on an interview that already names it", async () => {
    signInAs(mine.members.evaluator!);
    const project = mine.projects[1]!;
    const { id } = await create({ projectIds: [project.id] });
    await database.prisma.project.update({ where: { id: project.id }, data: { retiredAt: new Date() } });
    try {
      const before = await counts();
      expect(await actions.createInterview(validInput({ projectIds: [project.id] }))).toEqual({
        ok: false,
        error: "REJECTED",
        reason: "PROJECT_RETIRED",
        field: "projectIds",
      });
      expect(await counts()).toEqual(before);
      const kept = await actions.updateInterview({
        ...validInput({ projectIds: [project.id], notes: "Sigue con su proyecto." }),
        interviewId: id,
        version: 1,
      });
      expect(kept).toMatchObject({ ok: true });
    } finally {
      await database.prisma.project.update({ where: { id: project.id }, data: { retiredAt: null } });
    }
  });

  it("keeps hostile text as it was typed, and drops fields the form does not have", async () => {
    signInAs(mine.members.lead);
    const hostile = `<script>alert(1)</script> '; DROP TABLE interview;-- =HYPERLINK("http://evil.example") \u202Egnp.exe`;
    const { id } = await create({
      notes: hostile,
      transcriptOriginal: hostile,
      version: 99,
      id: "chosen-id",
      searchVector: "x",
      evaluationIdX: theirs.evaluation.id,
    });
    const row = await database.prisma.interview.findUniqueOrThrow({ where: { id } });
    expect(row.notes).toBe(hostile);
    expect(row.transcriptOriginal).toBe(hostile);
    expect(row.version).toBe(1);
    expect(row.id).not.toBe("chosen-id");
  });

  it("stores Windows line breaks as \\n so excerpt offsets match what the browser shows", async () => {
    signInAs(mine.members.evaluator!);
    const { id } = await create({ transcriptOriginal: "Línea uno\r\nLínea dos\r\n" });
    const row = await database.prisma.interview.findUniqueOrThrow({ where: { id } });
    expect(row.transcriptOriginal).toBe("Línea uno\nLínea dos\n");
  });

  it("accepts a transcript of exactly 500,000 characters and refuses 500,001 with a clear field error", async () => {
    signInAs(mine.members.evaluator!);
    const { id } = await create({ transcriptOriginal: "a".repeat(500_000) });
    expect((await database.prisma.interview.findUniqueOrThrow({ where: { id } })).transcriptOriginal).toHaveLength(
      500_000,
    );
    const before = await counts();
    const result = await actions.createInterview(validInput({ transcriptOriginal: "a".repeat(500_001) }));
    expect(result).toEqual({
      ok: false,
      error: "INVALID",
      fieldErrors: { transcriptOriginal: ["errors.transcriptTooLong"] },
    });
    const translation = await actions.createInterview(
      validInput({ transcriptTranslation: "b".repeat(500_001), translationLanguage: "en" }),
    );
    expect(translation).toMatchObject({
      ok: false,
      fieldErrors: { transcriptTranslation: ["errors.transcriptTooLong"] },
    });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["no date", { date: "" }, "date", "errors.required"],
    ["an impossible date", { date: "2024-02-30" }, "date", "errors.invalidDate"],
    ["an unknown mode", { mode: "TELEPATHY" }, "mode", "errors.invalidChoice"],
    ["a zero duration", { durationMinutes: "0" }, "durationMinutes", "errors.durationRange"],
    ["a duration in words", { durationMinutes: "una hora" }, "durationMinutes", "errors.durationRange"],
    ["a language that is not a code", { language: "español; DROP" }, "language", "errors.invalidLanguage"],
    ["no interviewer", { interviewerIds: [] }, "interviewerIds", "errors.interviewersRequired"],
    ["no respondent", { respondentIds: [] }, "respondentIds", "errors.respondentsRequired"],
    ["a repeated respondent", { respondentIds: ["r1", "r1"] }, "respondentIds", "errors.duplicate"],
    ["an operator instead of an id", { placeId: { not: null } }, "placeId", "errors.invalid"],
    [
      "a transcript without its language",
      { transcriptLanguage: "" },
      "transcriptLanguage",
      "errors.transcriptLanguageRequired",
    ],
    [
      "a translation without its language",
      { transcriptTranslation: "Before there was no union.", translationLanguage: "" },
      "translationLanguage",
      "errors.translationLanguageRequired",
    ],
    ["notes that are too long", { notes: "x".repeat(20_001) }, "notes", "errors.tooLong"],
  ])("refuses %s with a field error, writing nothing", async (_case, overrides, field, message) => {
    signInAs(mine.members.evaluator!);
    const before = await counts();
    const result = await actions.createInterview(validInput(overrides));
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ error: "INVALID" });
    expect((result as { fieldErrors: Record<string, string[]> }).fieldErrors[field]).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses an interviewer or translator who is not on the evaluation's team", async () => {
    signInAs(mine.members.evaluator!);
    const before = await counts();
    expect(
      await actions.createInterview(validInput({ interviewerIds: [mine.members.evaluator!.id, mine.outsider.id] })),
    ).toEqual({
      ok: false,
      error: "REJECTED",
      reason: "NOT_IN_TEAM",
      field: "interviewerIds",
    });
    expect(await actions.createInterview(validInput({ interviewerIds: [theirs.members.lead.id] }))).toMatchObject({
      reason: "NOT_IN_TEAM",
    });
    expect(
      await actions.createInterview(
        validInput({
          transcriptTranslation: "Before there was no union.",
          translationLanguage: "en",
          translatedById: mine.outsider.id,
        }),
      ),
    ).toEqual({ ok: false, error: "REJECTED", reason: "NOT_IN_TEAM", field: "translatedById" });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["no consent at all", { withoutConsent: true }],
    ["the interview scope refused", { refused: ["INTERVIEW" as const] }],
    ["consent withdrawn with stop", { withdrawn: "STOP" as const }],
    ["consent withdrawn with exclude", { withdrawn: "EXCLUDE" as const }],
    ["consent withdrawn with destroy", { withdrawn: "DESTROY" as const }],
  ])("refuses a respondent with %s, writing nothing", async (_case, consent) => {
    const respondent = await createConsentedRespondent(database.prisma, {
      evaluationId: mine.evaluation.id,
      recordedById: mine.members.evaluator!.id,
      ...consent,
    });
    signInAs(mine.members.evaluator!);
    const before = await counts();
    const result = await actions.createInterview(validInput({ respondentIds: [heard.id, respondent.id] }));
    expect(result).toEqual({ ok: false, error: "REJECTED", reason: "RESPONDENT_NOT_ELIGIBLE", field: "respondentIds" });
    expect(await counts()).toEqual(before);
  });

  it("answers not-found for a respondent, project or place of another evaluation, writing nothing", async () => {
    const foreign = await createConsentedRespondent(database.prisma, {
      evaluationId: theirs.evaluation.id,
      recordedById: theirs.members.lead.id,
    });
    const foreignPlace = buildPlace({ evaluationId: theirs.evaluation.id, state: "Oaxaca" });
    await database.prisma.place.create({ data: foreignPlace });
    signInAs(mine.members.evaluator!);
    const before = await counts();
    for (const overrides of [
      { respondentIds: [foreign.id] },
      { respondentIds: ["does-not-exist"] },
      { projectIds: [theirs.projects[0]!.id] },
      { placeId: foreignPlace.id },
    ]) {
      expect(await actions.createInterview(validInput(overrides)), JSON.stringify(overrides)).toEqual({
        ok: false,
        error: "NOT_FOUND",
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("lets only leads and evaluators write; others are refused and outsiders learn nothing", async () => {
    const before = await counts();
    for (const role of ["panelist", "analyst", "reviewer"] as const) {
      signInAs(mine.members[role]!);
      expect(await actions.createInterview(validInput()), role).toEqual({ ok: false, error: "FORBIDDEN" });
    }
    signInAs(mine.outsider);
    expect(await actions.createInterview(validInput())).toEqual({ ok: false, error: "NOT_FOUND" });
    signInAs({ ...mine.outsider, isAdmin: true });
    expect(await actions.createInterview(validInput())).toEqual({ ok: false, error: "FORBIDDEN" });
    signOut();
    expect(await actions.createInterview(validInput())).toEqual({ ok: false, error: "UNAUTHENTICATED" });
    expect(await counts()).toEqual(before);
  });
});

describe("who may read interviews and their transcripts", () => {
  it("is leads, evaluators and analysts (interview.view); not panelists, reviewers, admins or outsiders", async () => {
    const verdict = async (user: { id: string; name: string; email: string; isAdmin?: boolean }) =>
      (await access.fieldworkAccess(mine.evaluation.id, actingUser(user), "interview.view")) !== null;
    expect(await verdict(mine.members.lead)).toBe(true);
    expect(await verdict(mine.members.evaluator!)).toBe(true);
    expect(await verdict(mine.members.analyst!)).toBe(true);
    expect(await verdict(mine.members.panelist!)).toBe(false);
    expect(await verdict(mine.members.reviewer!)).toBe(false);
    expect(await verdict({ ...mine.outsider, isAdmin: true })).toBe(false);
    expect(await verdict(mine.outsider)).toBe(false);
    expect(await verdict(theirs.members.lead)).toBe(false);
    const analyst = await access.fieldworkAccess(
      mine.evaluation.id,
      actingUser(mine.members.analyst!),
      "interview.view",
    );
    expect(analyst?.canEdit).toBe(false);
  });
});
