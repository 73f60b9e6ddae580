/**
 * Settling a validation dispute in one step (decision 0042) against PostgreSQL: each outcome and
 * the story's stage after it (accepted → back in validation and validated at closing; corrected →
 * still returned for changes; dropped → NOT_VALIDATED with its other disputes settled), the audit
 * event and the story's history, what is refused (an edited story accepted, a second settlement,
 * roles other than the lead), and settlements at the same moment applied once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { DisputeOutcome, ValidationVerdict } from "@/lib/generated/prisma/enums";
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
let actions: typeof import("@/lib/validation/actions");

type Story = Awaited<ReturnType<typeof createStoryAt>>;

const lead = () => ({ actorId: world.team.members.lead.id });
const stageOf = async (id: string) => (await database.prisma.changeStory.findUniqueOrThrow({ where: { id } })).stage;
const responseRow = (id: string) => database.prisma.validationResponse.findUniqueOrThrow({ where: { id } });
const auditOf = (action: string, recordId: string) =>
  database.prisma.auditEvent.findMany({
    where: { evaluationId: world.evaluationId, action, recordId },
    orderBy: { sequence: "asc" },
  });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [disputes, actions] = await Promise.all([
    import("@/lib/validation/dispute-mutations"),
    import("@/lib/validation/actions"),
  ]);
  world = await createVerificationWorld(database.prisma);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const openRound = (stories: Story[], indexes: number[]) => openRoundOf(database.prisma, world, stories, indexes);
const record = (roundId: string, story: Story, index: number, verdict: ValidationVerdict = "DISPUTES") =>
  recordVerdict(world, {
    roundId,
    story,
    index,
    verdict,
    comments: "No fue así en mi comunidad.",
    proposedChanges: "Fueron 20 contratos, no 24.",
  });

const settle = (responseId: string, outcome: DisputeOutcome, resolution = `Resuelta: ${outcome}.`) =>
  disputes.resolveDispute(lead(), { evaluationId: world.evaluationId, responseId, outcome, resolution });

const close = (roundId: string) => closeRound(database.prisma, world, roundId);

describe("settling a dispute", () => {
  it("accepts the story as it stands: back in validation, audited with its outcome, validated when the round closes", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [0]);
    const responseId = await record(roundId, story, 0);
    expect(await stageOf(story.id)).toBe("RETURNED");
    expect(await close(roundId)).toMatchObject({ ok: false, reason: "DISPUTE_OPEN", story: story.code });

    expect(await settle(responseId, "ACCEPT", "La cifra coincide con el registro del tribunal.")).toEqual({
      ok: true,
      story: story.code,
      stage: "IN_VALIDATION",
      openLeft: 0,
      settledWith: [],
    });
    expect(await stageOf(story.id)).toBe("IN_VALIDATION");
    expect(await responseRow(responseId)).toMatchObject({
      disputeOutcome: "ACCEPT",
      disputeResolution: "La cifra coincide con el registro del tribunal.",
      resolvedById: lead().actorId,
      version: 2,
    });
    const [event] = await auditOf("validation.dispute.resolve", responseId);
    expect(event).toMatchObject({
      actorId: lead().actorId,
      after: {
        story: story.code,
        respondent: world.pool[0]!.code,
        outcome: "ACCEPT",
        resolution: "La cifra coincide con el registro del tribunal.",
        stage: "IN_VALIDATION",
        version: 2,
      },
    });
    // The respondent's own words stay in the response, not in the trail.
    expect(JSON.stringify(event!.after)).not.toContain("Fueron 20");
    // The story's history says why, in the lead's words.
    expect((await auditOf("story.stage", story.id)).at(-1)!.after).toEqual({
      stage: "IN_VALIDATION",
      comment: "La cifra coincide con el registro del tribunal.",
    });
    const revisions = await database.prisma.validationResponseRevision.findMany({
      where: { responseId },
      orderBy: { version: "asc" },
    });
    expect(revisions.map((row) => [row.version, row.change, row.disputeOutcome])).toEqual([
      [1, "RECORDED", null],
      [2, "DISPUTE_RESOLVED", "ACCEPT"],
    ]);

    expect(await close(roundId)).toEqual({ ok: true, status: "CLOSED", validated: [story.code], notValidated: [] });
    expect(await stageOf(story.id)).toBe("VALIDATED");
  });

  it("corrects the story: it stays returned for changes after the round closes, and a correction wins over an acceptance", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [1, 2]);
    const first = await record(roundId, story, 1);
    const second = await record(roundId, story, 2);

    expect(await settle(first, "CORRECT")).toMatchObject({ ok: true, stage: "RETURNED", openLeft: 1 });
    expect(await settle(second, "ACCEPT")).toMatchObject({ ok: true, stage: "RETURNED", openLeft: 0 });
    expect(await stageOf(story.id)).toBe("RETURNED");
    expect(await close(roundId)).toEqual({ ok: true, status: "CLOSED", validated: [], notValidated: [story.code] });
    expect(await stageOf(story.id)).toBe("RETURNED");
    expect((await auditOf("validation.dispute.resolve", first))[0]!.after).toMatchObject({
      outcome: "CORRECT",
      stage: "RETURNED",
    });
  });

  it("moves the story only when the last of its disputes is accepted", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [3, 4]);
    const first = await record(roundId, story, 3);
    const second = await record(roundId, story, 4);
    expect(await settle(first, "ACCEPT")).toMatchObject({ ok: true, stage: "RETURNED", openLeft: 1 });
    expect(await stageOf(story.id)).toBe("RETURNED");
    expect(await settle(second, "ACCEPT")).toMatchObject({ ok: true, stage: "IN_VALIDATION", openLeft: 0 });
    expect(await close(roundId)).toMatchObject({ ok: true, validated: [story.code] });
  });

  it("drops the story: NOT_VALIDATED at once, its other open disputes settled with the same words, kept after closing", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [5, 6]);
    const first = await record(roundId, story, 5);
    const second = await record(roundId, story, 6);

    expect(await settle(first, "DROP", "Dos personas lo desmienten: no se sostiene.")).toEqual({
      ok: true,
      story: story.code,
      stage: "NOT_VALIDATED",
      openLeft: 0,
      settledWith: [world.pool[6]!.code],
    });
    expect(await stageOf(story.id)).toBe("NOT_VALIDATED");
    expect(await responseRow(second)).toMatchObject({
      disputeOutcome: "DROP",
      disputeResolution: "Dos personas lo desmienten: no se sostiene.",
    });
    expect((await auditOf("validation.dispute.resolve", first))[0]!.after).toMatchObject({
      outcome: "DROP",
      stage: "NOT_VALIDATED",
      settledWith: [world.pool[6]!.code],
    });
    expect(await settle(second, "ACCEPT")).toEqual({ ok: false, reason: "ALREADY_RESOLVED" });
    expect(await close(roundId)).toEqual({ ok: true, status: "CLOSED", validated: [], notValidated: [story.code] });
    expect(await stageOf(story.id)).toBe("NOT_VALIDATED");
    expect(await database.prisma.changeStory.count({ where: { id: story.id } })).toBe(1);
  });

  it("refuses to accept a story edited since the respondents saw it, writing nothing; correcting it is still possible", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [7]);
    const responseId = await record(roundId, story, 7);
    await editStory(database.prisma, world, story.id);

    expect(await settle(responseId, "ACCEPT")).toEqual({ ok: false, reason: "STORY_EDITED_SINCE", field: "outcome" });
    expect(await responseRow(responseId)).toMatchObject({ resolvedAt: null, disputeOutcome: null, version: 1 });
    expect(await auditOf("validation.dispute.resolve", responseId)).toEqual([]);
    expect(await stageOf(story.id)).toBe("RETURNED");
    expect(await settle(responseId, "CORRECT")).toMatchObject({ ok: true, stage: "RETURNED" });
  });

  it("refuses a response that is no dispute", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [8]);
    const responseId = await record(roundId, story, 8, "CONFIRMS");
    expect(await settle(responseId, "ACCEPT")).toEqual({ ok: false, reason: "NOT_A_DISPUTE" });
    expect(await responseRow(responseId)).toMatchObject({ resolvedAt: null, disputeOutcome: null });
  });
});

describe("two settlements at the same moment", () => {
  it("apply once to the same dispute: one wins, the other is told, one audit event and one stage move", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [9]);
    const responseId = await record(roundId, story, 9);
    const movesBefore = (await auditOf("story.stage", story.id)).length;

    const results = await Promise.all([settle(responseId, "ACCEPT"), settle(responseId, "DROP")]);
    const won = results.filter((result) => result.ok);
    expect(won).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "ALREADY_RESOLVED" }]);
    expect(await auditOf("validation.dispute.resolve", responseId)).toHaveLength(1);
    expect((await auditOf("story.stage", story.id)).length).toBe(movesBefore + 1);
    expect(await stageOf(story.id)).toBe(won[0]!.ok && won[0]!.stage);
    expect((await responseRow(responseId)).version).toBe(2);
  });

  it("count the story's last dispute once when two of its disputes are accepted at once", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [10, 11]);
    const first = await record(roundId, story, 10);
    const second = await record(roundId, story, 11);
    const movesBefore = (await auditOf("story.stage", story.id)).length;

    const results = await Promise.all([settle(first, "ACCEPT"), settle(second, "ACCEPT")]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.map((result) => result.ok && result.stage).sort()).toEqual(["IN_VALIDATION", "RETURNED"]);
    expect(await stageOf(story.id)).toBe("IN_VALIDATION");
    expect((await auditOf("story.stage", story.id)).length).toBe(movesBefore + 1);
  });
});

describe("the server action", () => {
  const payload = (responseId: string) => ({
    evaluationId: world.evaluationId,
    responseId,
    outcome: "ACCEPT",
    resolution: "Aceptada tal como está.",
  });

  it("refuses everyone but the lead and writes nothing", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await openRound([story], [12]);
    const responseId = await record(roundId, story, 12);
    const { evaluator: recorder, panelist, analyst, reviewer } = world.team.members;
    const cases: Array<[CurrentUser | null, string]> = [
      [actingUser(recorder!), "FORBIDDEN"],
      [actingUser(panelist!), "FORBIDDEN"],
      [actingUser(analyst!), "FORBIDDEN"],
      [actingUser(reviewer!), "FORBIDDEN"],
      [actingUser(world.team.outsider), "NOT_FOUND"],
      [null, "UNAUTHENTICATED"],
    ];
    for (const [user, error] of cases) {
      signInAs(user);
      expect(await actions.resolveValidationDispute(payload(responseId))).toEqual({ ok: false, error });
    }
    expect(await responseRow(responseId)).toMatchObject({ resolvedAt: null, version: 1 });
    expect(await stageOf(story.id)).toBe("RETURNED");

    signInAs(world.team.members.lead);
    expect(await actions.resolveValidationDispute({ ...payload(responseId), outcome: "MAYBE" })).toMatchObject({
      ok: false,
      error: "INVALID",
      fieldErrors: { outcome: ["choose"] },
    });
    expect(await actions.resolveValidationDispute({ ...payload(responseId), resolution: "   " })).toMatchObject({
      ok: false,
      error: "INVALID",
    });
    expect(await actions.resolveValidationDispute(payload(responseId))).toMatchObject({
      ok: true,
      data: { stage: "IN_VALIDATION", openLeft: 0 },
    });
    expect(await actions.resolveValidationDispute(payload(responseId))).toEqual({
      ok: false,
      error: "REJECTED",
      reason: "ALREADY_RESOLVED",
    });
  });
});
