/**
 * Saving focus groups through their server actions: rows and audit, facilitators from the team,
 * participants with interview consent plus an anonymous head-count, the transcript limit,
 * optimistic concurrency, and excerpts following a transcript edit.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import {
  createConsentedRespondent,
  createEvaluationWithTeam,
  passageSelection,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let mine: EvaluationWithTeam;
let theirs: EvaluationWithTeam;
let actions: typeof import("@/lib/focus-groups/actions");
let excerptActions: typeof import("@/lib/excerpts/actions");
let participant: { id: string };

const as = (user: { id: string; name: string; email: string }) =>
  ({ id: user.id, name: user.name, email: user.email, isAdmin: false, locale: "ES", sessionId: "s" }) as CurrentUser;

const TRANSCRIPT =
  "Moderadora: ¿Qué cambió? R-0003: Ya hay reparto de utilidades 💰. R-0007: Y el contrato se votó. Moderadora: gracias.";

function validInput(overrides: Record<string, unknown> = {}) {
  return {
    evaluationId: mine.evaluation.id,
    date: "2024-07-03",
    placeId: "",
    topic: "Cambios en el ingenio",
    language: "es",
    facilitatorIds: [mine.members.evaluator!.id, mine.members.lead.id],
    participantIds: [participant.id],
    anonymousParticipantCount: "6",
    projectIds: [],
    notes: "",
    transcriptOriginal: TRANSCRIPT,
    transcriptLanguage: "es",
    ...overrides,
  };
}

async function counts() {
  const where = { evaluationId: mine.evaluation.id };
  const [groups, audits] = await Promise.all([
    database.prisma.focusGroup.count({ where }),
    database.prisma.auditEvent.count({ where }),
  ]);
  return { groups, audits };
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [actions, excerptActions] = await Promise.all([
    import("@/lib/focus-groups/actions"),
    import("@/lib/excerpts/actions"),
  ]);
  mine = await createEvaluationWithTeam(database.prisma);
  theirs = await createEvaluationWithTeam(database.prisma);
  participant = await createConsentedRespondent(database.prisma, {
    evaluationId: mine.evaluation.id,
    recordedById: mine.members.lead.id,
  });
});

afterAll(async () => {
  await database?.close();
});

describe("focus groups", () => {
  it("creates the group with facilitators, participants and head-count, audited without transcript words", async () => {
    signInAs(as(mine.members.evaluator!));
    const result = await actions.createFocusGroup(validInput());
    if (!result.ok) throw new Error(JSON.stringify(result));
    const row = await database.prisma.focusGroup.findUniqueOrThrow({
      where: { id: result.data.id },
      include: { facilitators: true, participants: true },
    });
    expect(row).toMatchObject({
      topic: "Cambios en el ingenio",
      anonymousParticipantCount: 6,
      transcriptOriginal: TRANSCRIPT,
      version: 1,
    });
    expect(row.facilitators.map((link) => link.userId).sort()).toEqual(
      [mine.members.evaluator!.id, mine.members.lead.id].sort(),
    );
    expect(row.participants.map((link) => link.respondentId)).toEqual([participant.id]);
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { recordId: result.data.id } });
    expect(event).toMatchObject({ action: "focus_group.create", recordType: "FocusGroup" });
    expect(event.after).toMatchObject({
      anonymousParticipantCount: 6,
      transcriptOriginal: { length: TRANSCRIPT.length },
    });
    expect(JSON.stringify(event.after)).not.toContain("utilidades");
  });

  it.each([
    [
      "a negative head-count",
      { anonymousParticipantCount: "-1" },
      "anonymousParticipantCount",
      "errors.headCountRange",
    ],
    [
      "a fractional head-count",
      { anonymousParticipantCount: "2.5" },
      "anonymousParticipantCount",
      "errors.headCountRange",
    ],
    ["no topic", { topic: "   " }, "topic", "errors.required"],
    ["no facilitator", { facilitatorIds: [] }, "facilitatorIds", "errors.facilitatorsRequired"],
    [
      "nobody at all",
      { participantIds: [], anonymousParticipantCount: "0" },
      "participantIds",
      "errors.participantsRequired",
    ],
    [
      "a transcript of 500,001 characters",
      { transcriptOriginal: "x".repeat(500_001) },
      "transcriptOriginal",
      "errors.transcriptTooLong",
    ],
  ])("refuses %s, writing nothing", async (_case, overrides, field, message) => {
    signInAs(as(mine.members.evaluator!));
    const before = await counts();
    const result = await actions.createFocusGroup(validInput(overrides));
    expect(result).toMatchObject({ ok: false, error: "INVALID" });
    expect((result as { fieldErrors: Record<string, string[]> }).fieldErrors[field]).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("accepts an all-anonymous group (no registered participant)", async () => {
    signInAs(as(mine.members.lead));
    const result = await actions.createFocusGroup(validInput({ participantIds: [], anonymousParticipantCount: "9" }));
    expect(result.ok).toBe(true);
  });

  it("refuses a facilitator from outside the team and a participant without interview consent", async () => {
    signInAs(as(mine.members.evaluator!));
    const refused = await createConsentedRespondent(database.prisma, {
      evaluationId: mine.evaluation.id,
      recordedById: mine.members.lead.id,
      refused: ["INTERVIEW"],
    });
    const foreign = await createConsentedRespondent(database.prisma, {
      evaluationId: theirs.evaluation.id,
      recordedById: theirs.members.lead.id,
    });
    const before = await counts();
    expect(await actions.createFocusGroup(validInput({ facilitatorIds: [mine.outsider.id] }))).toEqual({
      ok: false,
      error: "REJECTED",
      reason: "NOT_IN_TEAM",
      field: "facilitatorIds",
    });
    expect(await actions.createFocusGroup(validInput({ participantIds: [participant.id, refused.id] }))).toEqual({
      ok: false,
      error: "REJECTED",
      reason: "RESPONDENT_NOT_ELIGIBLE",
      field: "participantIds",
    });
    expect(await actions.createFocusGroup(validInput({ participantIds: [foreign.id] }))).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    signInAs(as(mine.members.panelist!));
    expect(await actions.createFocusGroup(validInput())).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a stale save, and moves the excerpts of an edited transcript (emoji included)", async () => {
    signInAs(as(mine.members.evaluator!));
    const created = await actions.createFocusGroup(validInput());
    if (!created.ok) throw new Error(JSON.stringify(created));
    const id = created.data.id;
    const quote = "Ya hay reparto de utilidades 💰.";
    const selected = passageSelection({
      evaluationId: mine.evaluation.id,
      source: "FOCUS_GROUP",
      sourceId: id,
      transcript: TRANSCRIPT,
      quote,
    });
    const excerpt = await excerptActions.createExcerpt(selected);
    if (!excerpt.ok) throw new Error(JSON.stringify(excerpt));

    const edited = `🎙️ Grabación 2. ${TRANSCRIPT}`;
    const saved = await actions.updateFocusGroup({
      ...validInput({ transcriptOriginal: edited, anonymousParticipantCount: "7" }),
      focusGroupId: id,
      version: 1,
    });
    expect(saved).toEqual({ ok: true, data: { id, version: 2 } });
    const moved = await database.prisma.transcriptExcerpt.findUniqueOrThrow({ where: { id: excerpt.data.id } });
    expect(edited.slice(moved.startOffset, moved.endOffset)).toBe(quote);
    expect(moved.startOffset).toBe(selected.startOffset + "🎙️ Grabación 2. ".length);

    const stale = await actions.updateFocusGroup({
      ...validInput({ topic: "Otro tema" }),
      focusGroupId: id,
      version: 1,
    });
    expect(stale).toEqual({ ok: false, error: "REJECTED", reason: "VERSION_CONFLICT" });
    expect(await database.prisma.focusGroup.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 2,
      topic: "Cambios en el ingenio",
      anonymousParticipantCount: 7,
    });
    const update = await database.prisma.auditEvent.findFirstOrThrow({
      where: { recordId: id, action: "focus_group.update" },
    });
    expect(update.before).toMatchObject({ anonymousParticipantCount: 6, version: 1 });
    expect(update.after).toMatchObject({
      anonymousParticipantCount: 7,
      version: 2,
      excerptOffsets: { [excerpt.data.id]: [moved.startOffset, moved.endOffset] },
    });
  });
});
