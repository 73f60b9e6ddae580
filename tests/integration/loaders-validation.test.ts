/**
 * The validation loaders against a real PostgreSQL: who gets null, what evaluators may read and
 * do next to leads (no stories awaiting the lead, no setting up or stepping), that a closed round
 * can no longer be edited or corrected, and that the sheet download is refused or audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";
import { createStoryAt, createVerificationWorld, type VerificationWorld } from "./validation-world";

let database: TestDatabase;
let world: VerificationWorld;
let rounds: typeof import("@/lib/validation/mutations");
let sample: typeof import("@/lib/validation/sample-mutations");
let responses: typeof import("@/lib/validation/response-mutations");
let loaders: typeof import("@/lib/validation/loaders");

const lead = () => ({ actorId: world.team.members.lead.id });
const asLead = () => readerOf(world.team.members.lead);
const asEvaluator = () => readerOf(world.team.members.evaluator!);
const refused = () => [
  readerOf(world.team.outsider),
  readerOf(world.team.members.panelist!),
  readerOf(world.team.members.reviewer!),
  readerOf(world.team.members.analyst!),
];
let planned: string;
let open: string;
let responseId: string;
let sampled: string;
let awaitingCode: string;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [rounds, sample, responses, loaders] = await Promise.all([
    import("@/lib/validation/mutations"),
    import("@/lib/validation/sample-mutations"),
    import("@/lib/validation/response-mutations"),
    import("@/lib/validation/loaders"),
  ]);
  world = await createVerificationWorld(database.prisma);
  const { evaluationId } = world;
  const fields = (name: string, storyIds: string[]) => ({
    name,
    startsOn: "2025-03-01",
    endsOn: "2025-03-31",
    method: "WORKSHOP" as const,
    targetSize: 4,
    notes: null,
    storyIds,
  });
  const created = async (name: string) => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const result = await rounds.createRound(lead(), { evaluationId, round: fields(name, [story.id]) });
    if (!result.ok) throw new Error(result.reason);
    return { roundId: result.roundId, story };
  };
  planned = (await created("Ronda planeada")).roundId;
  const second = await created("Ronda abierta");
  open = second.roundId;
  expect(await sample.drawSample(lead(), { evaluationId, roundId: open, seed: 7 })).toMatchObject({ ok: true });
  expect(
    await rounds.stepRound(lead(), { evaluationId, roundId: open, step: "open", expectedVersion: 1 }),
  ).toMatchObject({ ok: true });
  const member = await database.prisma.validationSampleMember.findFirstOrThrow({ where: { validationRoundId: open } });
  sampled = member.respondentId;
  const recorded = await responses.recordResponse(
    { actorId: world.team.members.evaluator!.id },
    {
      evaluationId,
      roundId: open,
      respondentId: sampled,
      storyId: second.story.id,
      storyRevisionId: second.story.revisionId,
      verdict: "CONFIRMS",
      comments: "Así fue.",
      proposedChanges: null,
    },
  );
  if (!recorded.ok) throw new Error(JSON.stringify(recorded));
  responseId = recorded.responseId;
  awaitingCode = (await createStoryAt(database.prisma, world, "VALIDATED")).code;
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("the validation pages", () => {
  it("are null for an outsider and for members who do not record validation", async () => {
    for (const who of [...refused(), null]) {
      expect(await loaders.loadValidationRounds(world.evaluationId, 1, who)).toBeNull();
      expect(await loaders.loadValidationRound(world.evaluationId, open, 1, who)).toBeNull();
      expect(await loaders.loadValidationResponse(world.evaluationId, open, responseId, who)).toBeNull();
      expect(await loaders.loadValidationSheet(world.evaluationId, open, sampled, who)).toBeNull();
    }
    expect(await database.prisma.auditEvent.count({ where: { action: "validation.sheet.download" } })).toBe(0);
  });

  it("keep the setup to leads: the new-round and edit forms are null for an evaluator", async () => {
    expect(await loaders.loadNewValidationRound(world.evaluationId, asEvaluator())).toBeNull();
    expect(await loaders.loadValidationRoundForm(world.evaluationId, planned, asEvaluator())).toBeNull();
    expect((await loaders.loadNewValidationRound(world.evaluationId, asLead()))?.stories).toEqual([]);
    expect((await loaders.loadValidationRoundForm(world.evaluationId, planned, asLead()))?.round.id).toBe(planned);
  });

  it("give the stories awaiting the lead to the lead alone", async () => {
    const forLead = (await loaders.loadValidationRounds(world.evaluationId, 1, asLead()))!;
    expect(forLead.canCreate).toBe(true);
    expect(forLead.awaiting?.canSendToReview).toBe(true);
    expect(forLead.awaiting?.validated.map((story) => story.code)).toContain(awaitingCode);
    const forEvaluator = (await loaders.loadValidationRounds(world.evaluationId, 1, asEvaluator()))!;
    expect(forEvaluator).toMatchObject({ canCreate: false, awaiting: null });
    expect(forEvaluator.rounds.map((round) => round.id).sort()).toEqual([planned, open].sort());
    expect(JSON.stringify(forEvaluator)).not.toContain(awaitingCode);
  });

  it("let an evaluator record responses in an open round but not manage or step it", async () => {
    const forEvaluator = (await loaders.loadValidationRound(world.evaluationId, open, 1, asEvaluator()))!;
    expect(forEvaluator.can).toEqual({
      manage: false,
      step: false,
      open: false,
      close: false,
      drawSample: false,
      recordResponses: true,
    });
    expect(forEvaluator.responses.rows.map((row) => row.id)).toEqual([responseId]);
    expect((await loaders.loadValidationRound(world.evaluationId, open, 1, asLead()))!.can).toEqual({
      manage: true,
      step: true,
      open: false,
      close: true,
      drawSample: false,
      recordResponses: true,
    });
    expect((await loaders.loadValidationRound(world.evaluationId, planned, 1, asLead()))!.can).toEqual({
      manage: true,
      step: true,
      open: true,
      close: false,
      drawSample: true,
      recordResponses: false,
    });
    expect(await loaders.loadValidationRound(world.evaluationId, "no-such-round", 1, asLead())).toBeNull();
  });

  it("hand out a sampled respondent's sheet, audited, and nothing for someone outside the sample", async () => {
    const sheet = (await loaders.loadValidationSheet(world.evaluationId, open, sampled, asEvaluator()))!;
    expect(Buffer.from(sheet.pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(
      await database.prisma.auditEvent.count({
        where: { recordId: open, action: "validation.sheet.download", actorId: world.team.members.evaluator!.id },
      }),
    ).toBe(1);
    expect(await loaders.loadValidationSheet(world.evaluationId, open, world.noContact.id, asLead())).toBeNull();
  });

  it("close a round to editing and correction once it is closed", async () => {
    expect(
      (await loaders.loadValidationResponse(world.evaluationId, open, responseId, asEvaluator()))?.canCorrect,
    ).toBe(true);
    const version = (await database.prisma.validationRound.findUniqueOrThrow({ where: { id: open } })).version;
    expect(
      await rounds.stepRound(lead(), {
        evaluationId: world.evaluationId,
        roundId: open,
        step: "close",
        expectedVersion: version,
      }),
    ).toMatchObject({ ok: true });
    expect(await loaders.loadValidationRoundForm(world.evaluationId, open, asLead())).toBeNull();
    expect((await loaders.loadValidationRound(world.evaluationId, open, 1, asLead()))!.can).toEqual({
      manage: false,
      step: true,
      open: false,
      close: false,
      drawSample: false,
      recordResponses: false,
    });
    const response = (await loaders.loadValidationResponse(world.evaluationId, open, responseId, asEvaluator()))!;
    expect(response.canCorrect).toBe(false);
    expect(await loaders.loadValidationResponse(world.evaluationId, planned, responseId, asLead())).toBeNull();
  });
});
