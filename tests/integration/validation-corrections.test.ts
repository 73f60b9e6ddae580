/**
 * Correcting a recorded validation response against PostgreSQL: the words and the verdict change
 * over the version the form loaded, every version stays in validation_response_revision, the audit
 * event names what changed without the respondent's words; two correctors at once end with one
 * edit and a refusal; a closed round refuses; a correction that makes or removes a dispute moves
 * the story as decision 0014 says; the server action refuses other roles and malformed input.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { ValidationVerdict } from "@/lib/generated/prisma/enums";
import { actingUser, signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import {
  closeRound,
  createStoryAt,
  createVerificationWorld,
  editStory,
  openRound as openRoundOf,
  recordVerdict,
  type VerificationWorld,
} from "./validation-world";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let world: VerificationWorld;
let disputes: typeof import("@/lib/validation/dispute-mutations");
let corrections: typeof import("@/lib/validation/correction-mutations");
let actions: typeof import("@/lib/validation/actions");
let responsePage: typeof import("@/app/(app)/evaluations/[evaluationId]/validation/[roundId]/responses/[responseId]/page");

const lead = () => ({ actorId: world.team.members.lead.id });
const evaluator = () => ({ actorId: world.team.members.evaluator!.id });
const stageOf = async (id: string) => (await database.prisma.changeStory.findUniqueOrThrow({ where: { id } })).stage;
const responseRow = (id: string) => database.prisma.validationResponse.findUniqueOrThrow({ where: { id } });
const revisionsOf = (responseId: string) =>
  database.prisma.validationResponseRevision.findMany({ where: { responseId }, orderBy: { version: "asc" } });
const corrected = (responseId: string) =>
  database.prisma.auditEvent.findMany({
    where: { evaluationId: world.evaluationId, action: "validation.response.correct", recordId: responseId },
    orderBy: { sequence: "asc" },
  });
const stageEvents = (storyId: string) =>
  database.prisma.auditEvent.findMany({
    where: { evaluationId: world.evaluationId, action: "story.stage", recordId: storyId },
    orderBy: { sequence: "asc" },
  });

type Story = Awaited<ReturnType<typeof createStoryAt>>;

const openRound = (stories: Story[], indexes: number[]) => openRoundOf(database.prisma, world, stories, indexes);
const record = (
  roundId: string,
  story: Story,
  index: number,
  verdict: ValidationVerdict,
  comments: string | null = null,
) => recordVerdict(world, { roundId, story, index, verdict, comments, proposedChanges: null });

const correct = (
  responseId: string,
  expectedVersion: number,
  verdict: ValidationVerdict,
  comments: string | null = null,
  proposedChanges: string | null = null,
  actor = lead(),
) =>
  corrections.correctResponse(actor, {
    evaluationId: world.evaluationId,
    responseId,
    expectedVersion,
    verdict,
    comments,
    proposedChanges,
  });

const close = (roundId: string) => closeRound(database.prisma, world, roundId);

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [corrections, actions, responsePage, disputes] = await Promise.all([
    import("@/lib/validation/correction-mutations"),
    import("@/lib/validation/actions"),
    import("@/app/(app)/evaluations/[evaluationId]/validation/[roundId]/responses/[responseId]/page"),
    import("@/lib/validation/dispute-mutations"),
  ]);
  world = await createVerificationWorld(database.prisma);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("correcting a response", () => {
  it("changes the verdict and the words over the loaded version, keeps every version, and audits without the words", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [3]);
    const responseId = await record(roundId, story, 3, "CONFIRMS", "Así fue.");

    const result = await correct(
      responseId,
      1,
      "CONFIRMS_WITH_CHANGES",
      "Así fue, pero en 2023.",
      "Decir 2023, no 2022.",
    );
    expect(result).toEqual({ ok: true, version: 2, changed: true, storyMove: null });
    expect(await responseRow(responseId)).toMatchObject({
      version: 2,
      verdict: "CONFIRMS_WITH_CHANGES",
      comments: "Así fue, pero en 2023.",
      proposedChanges: "Decir 2023, no 2022.",
      recordedById: evaluator().actorId,
    });
    expect(await stageOf(story.id)).toBe("IN_VALIDATION");

    const revisions = await revisionsOf(responseId);
    expect(
      revisions.map(({ version, change, verdict, comments, proposedChanges, savedById }) => ({
        version,
        change,
        verdict,
        comments,
        proposedChanges,
        savedById,
      })),
    ).toEqual([
      {
        version: 1,
        change: "RECORDED",
        verdict: "CONFIRMS",
        comments: "Así fue.",
        proposedChanges: null,
        savedById: evaluator().actorId,
      },
      {
        version: 2,
        change: "CORRECTED",
        verdict: "CONFIRMS_WITH_CHANGES",
        comments: "Así fue, pero en 2023.",
        proposedChanges: "Decir 2023, no 2022.",
        savedById: lead().actorId,
      },
    ]);

    const [event, ...more] = await corrected(responseId);
    expect(more).toEqual([]);
    expect(event!.actorId).toBe(lead().actorId);
    expect(event!.before).toEqual({ version: 1, verdict: "CONFIRMS", resolved: false });
    expect(event!.after).toMatchObject({
      version: 2,
      verdict: "CONFIRMS_WITH_CHANGES",
      changed: ["verdict", "comments", "proposedChanges"],
      respondent: world.pool[3]!.code,
      story: story.code,
      storyMove: null,
    });
    expect(JSON.stringify([event!.before, event!.after])).not.toContain("2023");

    // The same values again: nothing to save, nothing written.
    expect(
      await correct(responseId, 2, "CONFIRMS_WITH_CHANGES", "Así fue, pero en 2023.", "Decir 2023, no 2022."),
    ).toEqual({ ok: true, version: 2, changed: false, storyMove: null });
    expect(await revisionsOf(responseId)).toHaveLength(2);
    expect(await corrected(responseId)).toHaveLength(1);
  });

  it("lets one of two correctors at once through and tells the other someone else changed it", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [4]);
    const responseId = await record(roundId, story, 4, "CONFIRMS", "Original.");

    const attempts = ["Primera corrección.", "Segunda corrección.", "Tercera corrección."];
    const results = await Promise.all(
      attempts.map((comments, index) =>
        correct(responseId, 1, "CONFIRMS", comments, null, index % 2 ? evaluator() : lead()),
      ),
    );
    const winners = results.flatMap((result, index) => (result.ok ? [attempts[index]!] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, reason: "EDITED_BY_SOMEONE_ELSE" },
      { ok: false, reason: "EDITED_BY_SOMEONE_ELSE" },
    ]);
    expect(await responseRow(responseId)).toMatchObject({ version: 2, comments: winners[0] });
    expect((await revisionsOf(responseId)).map((row) => [row.version, row.comments])).toEqual([
      [1, "Original."],
      [2, winners[0]],
    ]);
    expect(await corrected(responseId)).toHaveLength(1);

    // The refused corrector, having seen the stored version, saves over it.
    expect(await correct(responseId, 2, "CONFIRMS", "Corrección final.")).toMatchObject({ ok: true, version: 3 });
  });

  it("refuses a correction once the round is closed and changes nothing", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [5]);
    const responseId = await record(roundId, story, 5, "CONFIRMS");
    expect(await close(roundId)).toMatchObject({ ok: true, status: "CLOSED", validated: [story.code] });

    expect(await correct(responseId, 1, "DISPUTES", "Ahora dice que no.")).toEqual({
      ok: false,
      reason: "ROUND_CLOSED",
    });
    expect(await responseRow(responseId)).toMatchObject({ version: 1, verdict: "CONFIRMS", comments: null });
    expect(await revisionsOf(responseId)).toHaveLength(1);
    expect(await corrected(responseId)).toEqual([]);
    expect(await stageOf(story.id)).toBe("VALIDATED");
  });

  it("finds no response through another evaluation", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [6]);
    const responseId = await record(roundId, story, 6, "CONFIRMS");
    const outcome = await corrections
      .correctResponse(lead(), {
        evaluationId: world.team.outsider.id,
        responseId,
        expectedVersion: 1,
        verdict: "DISPUTES",
        comments: null,
        proposedChanges: null,
      })
      .catch((error: { code?: string }) => error.code);
    expect(outcome).toBe("NOT_FOUND");
    expect(await responseRow(responseId)).toMatchObject({ version: 1, verdict: "CONFIRMS" });
  });
});

describe("a correction and the story's path", () => {
  it("turns an agreement into a dispute: the story is reopened for revision and closing waits for a resolution", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [7]);
    const responseId = await record(roundId, story, 7, "CONFIRMS");

    expect(await correct(responseId, 1, "DISPUTES", null, "Fueron 20 contratos, no 24.", evaluator())).toEqual({
      ok: true,
      version: 2,
      changed: true,
      storyMove: "REOPEN",
    });
    expect(await stageOf(story.id)).toBe("RETURNED");
    expect((await stageEvents(story.id)).at(-1)).toMatchObject({
      actorId: evaluator().actorId,
      before: { stage: "IN_VALIDATION" },
      after: { stage: "RETURNED", comment: "validation.dispute" },
    });
    expect(await close(roundId)).toEqual({
      ok: false,
      reason: "DISPUTE_OPEN",
      story: story.code,
    });
  });

  it("turns a resolved dispute into an agreement: the story goes back into validation, the resolution stays in the history, the round closes and validates it", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [8]);
    const responseId = await record(roundId, story, 8, "DISPUTES", "Marcó la casilla equivocada.");
    expect(await stageOf(story.id)).toBe("RETURNED");
    expect(
      await disputes.resolveDispute(lead(), {
        outcome: "CORRECT",
        evaluationId: world.evaluationId,
        responseId,
        resolution: "Se llamó de nuevo: confirma.",
      }),
    ).toMatchObject({ ok: true, stage: "RETURNED", openLeft: 0 });

    expect(await correct(responseId, 2, "CONFIRMS", "Confirma; había marcado mal.")).toEqual({
      ok: true,
      version: 3,
      changed: true,
      storyMove: "RESTORE",
    });
    expect(await stageOf(story.id)).toBe("IN_VALIDATION");
    expect((await stageEvents(story.id)).at(-1)!.after).toEqual({
      stage: "IN_VALIDATION",
      comment: "validation.disputeCorrected",
    });
    expect(await responseRow(responseId)).toMatchObject({
      verdict: "CONFIRMS",
      disputeResolution: null,
      resolvedById: null,
      resolvedAt: null,
    });
    const revisions = await revisionsOf(responseId);
    expect(revisions.map((row) => [row.version, row.change, row.verdict, row.disputeResolution])).toEqual([
      [1, "RECORDED", "DISPUTES", null],
      [2, "DISPUTE_RESOLVED", "DISPUTES", "Se llamó de nuevo: confirma."],
      [3, "CORRECTED", "CONFIRMS", null],
    ]);
    expect((await corrected(responseId))[0]).toMatchObject({
      before: { verdict: "DISPUTES", resolved: true },
      after: { verdict: "CONFIRMS", resolved: false, storyMove: "RESTORE" },
    });

    expect(await close(roundId)).toEqual({ ok: true, status: "CLOSED", validated: [story.code], notValidated: [] });
    expect(await stageOf(story.id)).toBe("VALIDATED");
  });

  it("turns an open dispute into no opinion and back: each step moves the story, the round is never left with a hidden dispute", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [9]);
    const responseId = await record(roundId, story, 9, "DISPUTES");
    expect(await correct(responseId, 1, "NO_OPINION")).toMatchObject({ ok: true, storyMove: "RESTORE" });
    expect(await stageOf(story.id)).toBe("IN_VALIDATION");
    expect(await correct(responseId, 2, "DISPUTES")).toMatchObject({ ok: true, storyMove: "REOPEN" });
    expect(await stageOf(story.id)).toBe("RETURNED");
    expect(await close(roundId)).toMatchObject({ ok: false, reason: "DISPUTE_OPEN", story: story.code });
  });

  it("leaves a story returned when it was saved after the dispute: the lead decides, as for any returned story", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [10]);
    const responseId = await record(roundId, story, 10, "DISPUTES");
    await editStory(database.prisma, world, story.id);

    expect(await correct(responseId, 1, "CONFIRMS")).toEqual({ ok: true, version: 2, changed: true, storyMove: null });
    expect(await stageOf(story.id)).toBe("RETURNED");
    // No dispute is left, so the round closes; the returned story is not validated by it.
    expect(await close(roundId)).toEqual({ ok: true, status: "CLOSED", validated: [], notValidated: [story.code] });
    expect(await stageOf(story.id)).toBe("RETURNED");
  });

  it("leaves a story returned while another respondent of the round still disputes it", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [11, 12]);
    const mistaken = await record(roundId, story, 11, "DISPUTES");
    await record(roundId, story, 12, "DISPUTES", "No fue así.");

    expect(await correct(mistaken, 1, "CONFIRMS")).toMatchObject({ ok: true, storyMove: null });
    expect(await stageOf(story.id)).toBe("RETURNED");
    expect(await close(roundId)).toMatchObject({
      ok: false,
      reason: "DISPUTE_OPEN",
      story: story.code,
    });
  });

  it("keeps the resolution when only a dispute's words are corrected", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [13]);
    const responseId = await record(roundId, story, 13, "DISPUTES", "Fueron 20.");
    await disputes.resolveDispute(lead(), {
      outcome: "CORRECT",
      evaluationId: world.evaluationId,
      responseId,
      resolution: "Cifra corregida.",
    });

    expect(await correct(responseId, 2, "DISPUTES", "Fueron 21.")).toEqual({
      ok: true,
      version: 3,
      changed: true,
      storyMove: null,
    });
    expect(await responseRow(responseId)).toMatchObject({
      comments: "Fueron 21.",
      disputeResolution: "Cifra corregida.",
      resolvedById: lead().actorId,
    });
    expect(await stageOf(story.id)).toBe("RETURNED");
  });

  it("never closes a round over a dispute a correction made at the same moment", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [14]);
    const responseId = await record(roundId, story, 14, "CONFIRMS");
    const [closing, correcting] = await Promise.all([
      close(roundId),
      correct(responseId, 1, "DISPUTES", null, null, evaluator()),
    ]);
    const round = await database.prisma.validationRound.findUniqueOrThrow({ where: { id: roundId } });
    if (closing.ok) {
      // The close came first: the correction found the round closed and wrote nothing.
      expect(correcting).toEqual({ ok: false, reason: "ROUND_CLOSED" });
      expect(await responseRow(responseId)).toMatchObject({ verdict: "CONFIRMS", version: 1 });
      expect(await stageOf(story.id)).toBe("VALIDATED");
    } else {
      // The correction came first: the round stayed open with the dispute to resolve.
      expect(correcting).toMatchObject({ ok: true, storyMove: "REOPEN" });
      expect(closing).toEqual({
        ok: false,
        reason: "DISPUTE_OPEN",
        story: story.code,
      });
      expect(round.status).toBe("OPEN");
    }
    expect(round.status === "CLOSED" && (await responseRow(responseId)).verdict === "DISPUTES").toBe(false);
  });

  it("never leaves a written resolution on an agreement when a resolution and a correction meet", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [0]);
    const responseId = await record(roundId, story, 0, "DISPUTES");
    const [resolving, correcting] = await Promise.all([
      disputes.resolveDispute(lead(), {
        outcome: "CORRECT",
        evaluationId: world.evaluationId,
        responseId,
        resolution: "Resuelta.",
      }),
      correct(responseId, 1, "CONFIRMS", null, null, evaluator()),
    ]);
    const row = await responseRow(responseId);
    if (resolving.ok) {
      expect(correcting).toEqual({ ok: false, reason: "EDITED_BY_SOMEONE_ELSE" });
      expect(row).toMatchObject({ verdict: "DISPUTES", disputeResolution: "Resuelta.", version: 2 });
    } else {
      expect(resolving).toEqual({ ok: false, reason: "NOT_A_DISPUTE" });
      expect(correcting).toMatchObject({ ok: true, storyMove: "RESTORE" });
      expect(row).toMatchObject({ verdict: "CONFIRMS", disputeResolution: null, resolvedAt: null, version: 2 });
    }
    expect((await revisionsOf(responseId)).map((revision) => revision.version)).toEqual([1, 2]);
  });

  it("waits for a close in progress and then refuses, rather than slipping a dispute into a closed round", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [14]);
    const responseId = await record(roundId, story, 14, "CONFIRMS");
    let finishClosing!: () => void;
    const closingHeld = new Promise<void>((resolve) => (finishClosing = resolve));
    let locked!: () => void;
    const roundLocked = new Promise<void>((resolve) => (locked = resolve));
    // A close that has updated the round row (as stepRound does first) and has not committed yet.
    const closing = database.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE validation_round SET status = 'CLOSED', closed_at = now(), version = version + 1 WHERE id = ${roundId}`;
      locked();
      await closingHeld;
    });
    await roundLocked;
    let settled = false;
    const correcting = correct(responseId, 1, "DISPUTES", null, null, evaluator()).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    finishClosing();
    await closing;
    expect(await correcting).toEqual({ ok: false, reason: "ROUND_CLOSED" });
    expect(await responseRow(responseId)).toMatchObject({ verdict: "CONFIRMS", version: 1 });
    expect(await stageOf(story.id)).toBe("IN_VALIDATION");
  });
});

describe("the correction action", () => {
  async function recorded() {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [15]);
    return { story, responseId: await record(roundId, story, 15, "CONFIRMS", "Como lo recuerdo.") };
  }
  const payload = (responseId: string, extra: Record<string, unknown> = {}) => ({
    evaluationId: world.evaluationId,
    responseId,
    expectedVersion: 1,
    verdict: "NO_OPINION",
    comments: "Cambiado",
    proposedChanges: "",
    ...extra,
  });

  it("refuses panelists, analysts and reviewers, hides the response from outsiders, and asks the anonymous to sign in", async () => {
    const { responseId } = await recorded();
    const { panelist, analyst, reviewer } = world.team.members;
    const cases: Array<[CurrentUser | null, string]> = [
      [actingUser(panelist!), "FORBIDDEN"],
      [actingUser(analyst!), "FORBIDDEN"],
      [actingUser(reviewer!), "FORBIDDEN"],
      [actingUser(world.team.outsider), "NOT_FOUND"],
      [null, "UNAUTHENTICATED"],
    ];
    for (const [user, error] of cases) {
      signInAs(user);
      expect(await actions.correctValidationResponse(payload(responseId))).toEqual({ ok: false, error });
    }
    expect(await responseRow(responseId)).toMatchObject({
      version: 1,
      verdict: "CONFIRMS",
      comments: "Como lo recuerdo.",
    });
    expect(await corrected(responseId)).toEqual([]);

    signInAs(world.team.members.evaluator!);
    expect(await actions.correctValidationResponse(payload(responseId))).toEqual({
      ok: true,
      data: { ok: true, version: 2, changed: true, storyMove: null },
    });
    expect((await corrected(responseId))[0]!.actorId).toBe(world.team.members.evaluator!.id);
  });

  it("answers malformed input field by field, stores hostile text literally and ignores fields a correction may not set", async () => {
    const { story, responseId } = await recorded();
    signInAs(world.team.members.lead);
    const invalid = async (extra: Record<string, unknown>) => {
      const result = await actions.correctValidationResponse(payload(responseId, extra));
      return result.ok || result.error !== "INVALID" ? result : result.fieldErrors;
    };
    expect(await invalid({ verdict: "PROBABLY" })).toEqual({ verdict: ["choose"] });
    expect(await invalid({ verdict: undefined })).toEqual({ verdict: ["choose"] });
    expect(await invalid({ comments: "x".repeat(10_001) })).toEqual({ comments: ["tooLong"] });
    expect(await invalid({ proposedChanges: "a\u0000b" })).toEqual({ proposedChanges: ["invalidCharacters"] });
    expect(await invalid({ comments: { not: null } })).toEqual({ comments: ["invalid"] });
    expect(await invalid({ expectedVersion: "1" })).toEqual({ expectedVersion: ["invalid"] });
    expect(await invalid({ responseId: "'; drop table validation_response; --" })).toHaveProperty("responseId");
    expect(await responseRow(responseId)).toMatchObject({ version: 1, comments: "Como lo recuerdo." });

    const hostile = '<script>alert(1)</script> \'; DROP TABLE validation_response; -- =HYPERLINK("http://x")';
    const other = world.pool[0]!;
    const saved = await actions.correctValidationResponse(
      payload(responseId, {
        comments: hostile,
        respondentId: other.id,
        storyId: "another",
        storyRevisionId: "another",
        recordedById: world.team.outsider.id,
        resolvedAt: new Date().toISOString(),
        version: 99,
        evaluationIdOfRecord: "x",
      }),
    );
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await responseRow(responseId)).toMatchObject({
      comments: hostile,
      respondentId: world.pool[15]!.id,
      storyId: story.id,
      storyRevisionId: story.revisionId,
      recordedById: evaluator().actorId,
      resolvedAt: null,
      version: 2,
    });
  });
});

describe("the response page", () => {
  const notFound = expect.objectContaining({ digest: expect.stringContaining("404") });

  it("answers 404 to panelists, analysts, reviewers and outsiders, and to a response named under another round", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [1]);
    const responseId = await record(roundId, story, 1, "CONFIRMS");
    const otherRound = await openRound([await createStoryAt(database.prisma, world, "TRIANGULATED")], [2]);
    const open = (round: string) =>
      responsePage.default({
        params: Promise.resolve({ evaluationId: world.evaluationId, roundId: round, responseId }),
      });
    const { panelist, analyst, reviewer } = world.team.members;
    for (const user of [panelist!, analyst!, reviewer!, world.team.outsider]) {
      signInAs(user);
      await expect(open(roundId)).rejects.toEqual(notFound);
    }
    signInAs(world.team.members.lead);
    await expect(open(otherRound)).rejects.toEqual(notFound);
  });
});
