/**
 * Editing interviews through their server action against a real database: optimistic
 * concurrency (a stale save writes nothing), consent checked for new respondents only, records of
 * another evaluation, excerpts following a transcript edit, and the transcript-read audit.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createConsentedRespondent, passageSelection } from "@/tests/factories";
import { signInAs } from "@/tests/support/session";
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
let excerptActions: typeof import("@/lib/excerpts/actions");
let excerptData: typeof import("@/lib/excerpts/data");
let heard: InterviewWorld["heard"];

const validInput = (overrides: Record<string, unknown> = {}) => interviewInput(world, overrides);
const create = (overrides: Record<string, unknown> = {}) => createInterview(world, overrides);

beforeAll(async () => {
  world = await openInterviewWorld();
  ({ database, mine, theirs, actions, heard } = world);
  [excerptActions, excerptData] = await Promise.all([import("@/lib/excerpts/actions"), import("@/lib/excerpts/data")]);
});

afterAll(async () => {
  await database?.close();
});

describe("reading a transcript", () => {
  it("is itself recorded: who opened which interview's words", async () => {
    signInAs(mine.members.evaluator!);
    const { id } = await create();
    const mutations = await import("@/lib/fieldwork/mutations");
    await mutations.recordTranscriptRead({
      actorId: mine.members.analyst!.id,
      evaluationId: mine.evaluation.id,
      recordType: "Interview",
      recordId: id,
    });
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { recordId: id, action: "interview.transcript.read" },
    });
    expect(event).toMatchObject({
      actorId: mine.members.analyst!.id,
      recordType: "Interview",
      before: null,
      after: null,
    });
  });
});

describe("editing an interview", () => {
  it("saves on the version it was loaded at, and refuses a stale save without writing anything", async () => {
    signInAs(mine.members.evaluator!);
    const { id } = await create();
    const first = await actions.updateInterview({
      ...validInput({ notes: "Primera edición." }),
      interviewId: id,
      version: 1,
    });
    expect(first).toEqual({ ok: true, data: { id, version: 2 } });

    signInAs(mine.members.lead);
    const auditsBefore = await database.prisma.auditEvent.count({ where: { recordId: id } });
    const stale = await actions.updateInterview({
      ...validInput({ notes: "Edición sobre la versión vieja.", mode: "PHONE" }),
      interviewId: id,
      version: 1,
    });
    expect(stale).toEqual({ ok: false, error: "REJECTED", reason: "VERSION_CONFLICT" });
    const row = await database.prisma.interview.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ version: 2, notes: "Primera edición.", mode: "IN_PERSON" });
    expect(await database.prisma.auditEvent.count({ where: { recordId: id } })).toBe(auditsBefore);

    const update = await database.prisma.auditEvent.findFirstOrThrow({
      where: { recordId: id, action: "interview.update" },
    });
    // Only what changed: the notes (as a fingerprint) and the version.
    expect(Object.keys(update.after as object).sort()).toEqual(["notes", "version"]);
    expect((update.before as Record<string, unknown>).version).toBe(1);
  });

  it("lets exactly one of two simultaneous saves of the same version through", async () => {
    signInAs(mine.members.evaluator!);
    const { id } = await create();
    const results = await Promise.all(
      ["A", "B"].map((who) =>
        actions.updateInterview({ ...validInput({ notes: `Guardado ${who}` }), interviewId: id, version: 1 }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, error: "REJECTED", reason: "VERSION_CONFLICT" },
    ]);
    expect((await database.prisma.interview.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });

  it("keeps respondents already heard when their consent changes later, but refuses adding a new ineligible one", async () => {
    signInAs(mine.members.evaluator!);
    const later = await createConsentedRespondent(database.prisma, {
      evaluationId: mine.evaluation.id,
      recordedById: mine.members.evaluator!.id,
    });
    const { id } = await create({ respondentIds: [heard.id, later.id] });
    await database.prisma.consent.updateMany({
      where: { respondentId: later.id },
      data: { withdrawnOn: new Date("2024-12-01"), withdrawalChoice: "STOP" },
    });
    const kept = await actions.updateInterview({
      ...validInput({ respondentIds: [heard.id, later.id], notes: "Sigue." }),
      interviewId: id,
      version: 1,
    });
    expect(kept.ok).toBe(true);
    const stranger = await createConsentedRespondent(database.prisma, {
      evaluationId: mine.evaluation.id,
      recordedById: mine.members.evaluator!.id,
      withdrawn: "EXCLUDE",
    });
    const added = await actions.updateInterview({
      ...validInput({ respondentIds: [heard.id, stranger.id] }),
      interviewId: id,
      version: 2,
    });
    expect(added).toMatchObject({ ok: false, reason: "RESPONDENT_NOT_ELIGIBLE" });
    const links = await database.prisma.interviewRespondent.findMany({ where: { interviewId: id } });
    expect(links.map((link) => link.respondentId).sort()).toEqual([heard.id, later.id].sort());
  });

  it("answers not-found for an interview of another evaluation, and changes nothing there", async () => {
    signInAs(theirs.members.lead);
    const theirRespondent = await createConsentedRespondent(database.prisma, {
      evaluationId: theirs.evaluation.id,
      recordedById: theirs.members.lead.id,
    });
    const created = await actions.createInterview({
      ...validInput(),
      evaluationId: theirs.evaluation.id,
      placeId: "",
      interviewerIds: [theirs.members.lead.id],
      respondentIds: [theirRespondent.id],
      projectIds: [],
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    signInAs(mine.members.evaluator!);
    // Through my evaluation: the interview is not found there.
    const result = await actions.updateInterview({
      ...validInput({ notes: "intrusión" }),
      interviewId: created.data.id,
      version: 1,
    });
    expect(result).toEqual({ ok: false, error: "NOT_FOUND" });
    const row = await database.prisma.interview.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row).toMatchObject({ version: 1, evaluationId: theirs.evaluation.id });
    expect(row.notes).not.toBe("intrusión");
  });

  it("moves excerpts when text is inserted before them, and flags one whose passage was deleted", async () => {
    signInAs(mine.members.evaluator!);
    const { id } = await create();
    const mark = async (quote: string) => {
      const result = await excerptActions.createExcerpt(
        passageSelection({
          evaluationId: mine.evaluation.id,
          source: "INTERVIEW",
          sourceId: id,
          transcript: TRANSCRIPT,
          quote,
          note: "",
        }),
      );
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.data;
    };
    const kept = await mark("Antes no había sindicato");
    const moved = await mark("Ahora cobramos a tiempo");
    const lost = await mark("votamos el contrato");

    const edited = TRANSCRIPT.replace(
      "Antes no había sindicato.",
      "Antes no había sindicato. [Se oye una puerta.]",
    ).replace("Ahora votamos el contrato. ", "");
    const result = await actions.updateInterview({
      ...validInput({ transcriptOriginal: edited }),
      interviewId: id,
      version: 1,
    });
    expect(result.ok).toBe(true);

    const rows = await database.prisma.transcriptExcerpt.findMany({ where: { interviewId: id } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(kept.id)).toMatchObject({ startOffset: kept.startOffset, endOffset: kept.endOffset });
    const movedRow = byId.get(moved.id)!;
    expect(edited.slice(movedRow.startOffset, movedRow.endOffset)).toBe("Ahora cobramos a tiempo");
    expect(byId.get(lost.id)).toMatchObject({ startOffset: lost.startOffset, endOffset: lost.endOffset });

    const views = await excerptData.listExcerpts(
      mine.evaluation.id,
      { interviewId: id },
      { original: edited, translation: null },
    );
    expect(Object.fromEntries(views.map((view) => [view.id, view.needsAttention]))).toEqual({
      [kept.id]: false,
      [moved.id]: false,
      [lost.id]: true,
    });

    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { recordId: id, action: "interview.update" },
    });
    expect(event.before).toMatchObject({ excerptOffsets: { [moved.id]: [moved.startOffset, moved.endOffset] } });
    expect(event.after).toMatchObject({
      excerptOffsets: { [moved.id]: [movedRow.startOffset, movedRow.endOffset] },
      excerptsNeedingAttention: [lost.id],
      transcriptOriginal: { length: edited.length },
    });
    expect(JSON.stringify([event.before, event.after])).not.toContain("puerta");
  });
});
