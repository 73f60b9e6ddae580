/**
 * Marking and unmarking transcript passages: the offsets must match the stored text, the audit
 * keeps no words, other evaluations' transcripts are not found, and marks a story rests on stay.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import {
  buildChangeStory,
  buildInterview,
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
let actions: typeof import("@/lib/excerpts/actions");
let interviewId: string;
let theirInterviewId: string;

const TEXT = "Entrevistadora: ¿Y después? R-0002: Después 👩🏽‍🏭 nos pagaron las horas extra. Ya no hay miedo.";

const as = (user: { id: string; name: string; email: string }) =>
  ({ id: user.id, name: user.name, email: user.email, isAdmin: false, locale: "ES", sessionId: "s" }) as CurrentUser;

function selection(quote: string, overrides: Record<string, unknown> = {}) {
  return {
    ...passageSelection({
      evaluationId: mine.evaluation.id,
      source: "INTERVIEW",
      sourceId: interviewId,
      transcript: TEXT,
      quote,
      note: "Pago de horas extra",
    }),
    ...overrides,
  };
}

const excerptCount = () => database.prisma.transcriptExcerpt.count({ where: { evaluationId: mine.evaluation.id } });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  actions = await import("@/lib/excerpts/actions");
  mine = await createEvaluationWithTeam(database.prisma);
  theirs = await createEvaluationWithTeam(database.prisma);
  const interview = buildInterview({ evaluationId: mine.evaluation.id, transcriptOriginal: TEXT });
  const theirInterview = buildInterview({ evaluationId: theirs.evaluation.id, transcriptOriginal: TEXT });
  await database.prisma.interview.createMany({ data: [interview, theirInterview] });
  interviewId = interview.id;
  theirInterviewId = theirInterview.id;
});

afterAll(async () => {
  await database?.close();
});

describe("creating an excerpt", () => {
  it("stores the passage with UTF-16 offsets and audits it without the words", async () => {
    signInAs(as(mine.members.evaluator!));
    const quote = "Después 👩🏽‍🏭 nos pagaron las horas extra.";
    const result = await actions.createExcerpt(selection(quote));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const row = await database.prisma.transcriptExcerpt.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(TEXT.slice(row.startOffset, row.endOffset)).toBe(quote);
    expect(row).toMatchObject({
      quotedText: quote,
      createdById: mine.members.evaluator!.id,
      interviewId,
      variant: "ORIGINAL",
    });
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { recordId: row.id } });
    expect(event).toMatchObject({ action: "excerpt.create", recordType: "TranscriptExcerpt" });
    expect(event.after).toMatchObject({
      interviewId,
      startOffset: row.startOffset,
      endOffset: row.endOffset,
      quotedText: { length: quote.length },
    });
    expect(JSON.stringify(event.after)).not.toContain("horas extra");
  });

  it.each([
    ["text that differs from the stored transcript", { quotedText: "Ya no hay miedO." }, "TRANSCRIPT_CHANGED"],
    [
      "offsets past the end",
      { startOffset: TEXT.length - 2, endOffset: TEXT.length + 3, quotedText: "xx." + "aa" },
      "TRANSCRIPT_CHANGED",
    ],
    [
      "a start inside an emoji",
      {
        startOffset: TEXT.indexOf("👩") + 1,
        endOffset: TEXT.indexOf("👩") + 6,
        quotedText: TEXT.slice(TEXT.indexOf("👩") + 1, TEXT.indexOf("👩") + 6),
      },
      "TRANSCRIPT_CHANGED",
    ],
    ["the translation, which does not exist", { variant: "TRANSLATION" }, "NO_TRANSCRIPT"],
  ])("refuses %s, writing nothing", async (_case, overrides, reason) => {
    signInAs(as(mine.members.evaluator!));
    const before = await excerptCount();
    const result = await actions.createExcerpt(selection("Ya no hay miedo.", overrides));
    expect(result).toEqual({ ok: false, error: "REJECTED", reason });
    expect(await excerptCount()).toBe(before);
  });

  it.each([
    ["an empty selection", { startOffset: 3, endOffset: 3, quotedText: "" }, "quotedText"],
    ["offsets that do not match the quote's length", { endOffset: 2 }, "quotedText"],
    ["a negative offset", { startOffset: -1 }, "startOffset"],
    [
      "a passage of more than 20,000 characters",
      { quotedText: "x".repeat(20_001), endOffset: 20_001, startOffset: 0 },
      "quotedText",
    ],
  ])("refuses %s with a field error", async (_case, overrides, field) => {
    signInAs(as(mine.members.evaluator!));
    const result = await actions.createExcerpt(selection("Ya no hay miedo.", overrides));
    expect(result).toMatchObject({ ok: false, error: "INVALID" });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toContain(field);
  });

  it("answers not-found for another evaluation's transcript and refuses readers who may not edit", async () => {
    signInAs(as(mine.members.evaluator!));
    const before = await database.prisma.transcriptExcerpt.count();
    expect(await actions.createExcerpt(selection("Ya no hay miedo.", { sourceId: theirInterviewId }))).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    expect(await actions.createExcerpt(selection("Ya no hay miedo.", { source: "FOCUS_GROUP" }))).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    for (const role of ["analyst", "panelist", "reviewer"] as const) {
      signInAs(as(mine.members[role]!));
      expect(await actions.createExcerpt(selection("Ya no hay miedo.")), role).toEqual({
        ok: false,
        error: "FORBIDDEN",
      });
    }
    signInAs(as(theirs.members.lead));
    expect(await actions.createExcerpt(selection("Ya no hay miedo."))).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await database.prisma.transcriptExcerpt.count()).toBe(before);
  });
});

describe("removing an excerpt", () => {
  it("removes the mark and audits it; a mark that a story rests on stays", async () => {
    signInAs(as(mine.members.evaluator!));
    const free = await actions.createExcerpt(selection("Ya no hay miedo."));
    const used = await actions.createExcerpt(selection("Ya no hay miedo."));
    if (!free.ok || !used.ok) throw new Error("setup");
    const story = buildChangeStory({ evaluationId: mine.evaluation.id, authorId: mine.members.evaluator!.id });
    await database.prisma.changeStory.create({ data: story });
    const storyId = story.id;
    await database.prisma.storySource.create({
      data: { evaluationId: mine.evaluation.id, storyId, excerptId: used.data.id },
    });

    expect(await actions.deleteExcerpt({ evaluationId: mine.evaluation.id, excerptId: free.data.id })).toEqual({
      ok: true,
      data: { id: free.data.id },
    });
    expect(await database.prisma.transcriptExcerpt.findUnique({ where: { id: free.data.id } })).toBeNull();
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { recordId: free.data.id, action: "excerpt.delete" },
    });
    expect(event.before).toMatchObject({ interviewId, variant: "ORIGINAL" });

    expect(await actions.deleteExcerpt({ evaluationId: mine.evaluation.id, excerptId: used.data.id })).toEqual({
      ok: false,
      error: "REJECTED",
      reason: "EXCERPT_IN_USE",
    });
    signInAs(as(theirs.members.lead));
    expect(await actions.deleteExcerpt({ evaluationId: theirs.evaluation.id, excerptId: used.data.id })).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    expect(await database.prisma.transcriptExcerpt.findUnique({ where: { id: used.data.id } })).not.toBeNull();
  });
});
