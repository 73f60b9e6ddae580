/**
 * Respondent validation against PostgreSQL: rounds take triangulated stories with their exact
 * revision, the stratified draw takes only eligible respondents and is reproducible from its
 * audited seed, responses are refused for outdated revisions and storytellers, a dispute reopens
 * the story, a round with an open dispute cannot close, and closing validates the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import {
  createStoryAt,
  createVerificationWorld,
  editStory,
  roundFields,
  roundVersion,
  type VerificationWorld,
} from "./validation-world";

let database: TestDatabase;
let world: VerificationWorld;
let rounds: typeof import("@/lib/validation/mutations");
let sample: typeof import("@/lib/validation/sample-mutations");
let responses: typeof import("@/lib/validation/response-mutations");
let disputes: typeof import("@/lib/validation/dispute-mutations");

const lead = () => ({ actorId: world.team.members.lead.id });
const evaluator = () => ({ actorId: world.team.members.evaluator!.id });
const stageOf = async (id: string) => (await database.prisma.changeStory.findUniqueOrThrow({ where: { id } })).stage;
const events = (action: string, recordId?: string) =>
  database.prisma.auditEvent.findMany({
    where: { evaluationId: world.evaluationId, action, ...(recordId ? { recordId } : {}) },
    orderBy: { sequence: "asc" },
  });

async function newRound(storyIds: string[], targetSize = 6) {
  const created = await rounds.createRound(lead(), {
    evaluationId: world.evaluationId,
    round: roundFields(storyIds, targetSize),
  });
  if (!created.ok) throw new Error(created.reason);
  return created.roundId;
}

const versionOf = (roundId: string) => roundVersion(database.prisma, roundId);

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [rounds, sample, responses, disputes] = await Promise.all([
    import("@/lib/validation/mutations"),
    import("@/lib/validation/sample-mutations"),
    import("@/lib/validation/response-mutations"),
    import("@/lib/validation/dispute-mutations"),
  ]);
  world = await createVerificationWorld(database.prisma);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("a validation round", () => {
  it("takes triangulated stories at their current revision and moves them into validation, audited", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await newRound([story.id]);
    const row = await database.prisma.validationRoundStory.findFirstOrThrow({ where: { validationRoundId: roundId } });
    expect(row.storyRevisionId).toBe(story.revisionId);
    expect(await stageOf(story.id)).toBe("IN_VALIDATION");
    expect(await events("validation.round.create", roundId)).toHaveLength(1);
    expect((await events("story.stage", story.id)).map((e) => e.after)).toEqual([{ stage: "IN_VALIDATION" }]);
  });

  it("refuses a story that is not triangulated and writes nothing", async () => {
    const draft = await createStoryAt(database.prisma, world, "SELECTED");
    const before = await database.prisma.validationRound.count();
    const result = await rounds.createRound(lead(), {
      evaluationId: world.evaluationId,
      round: roundFields([draft.id]),
    });
    expect(result).toEqual({ ok: false, reason: "STORY_NOT_READY", field: "storyIds" });
    expect(await database.prisma.validationRound.count()).toBe(before);
    expect(await stageOf(draft.id)).toBe("SELECTED");
  });

  it("gives a story taken out of a planned round back to triangulation", async () => {
    const [a, b] = [
      await createStoryAt(database.prisma, world, "TRIANGULATED"),
      await createStoryAt(database.prisma, world, "TRIANGULATED"),
    ];
    const roundId = await newRound([a.id, b.id]);
    const saved = await rounds.updateRound(lead(), {
      evaluationId: world.evaluationId,
      roundId,
      expectedVersion: 1,
      round: roundFields([a.id]),
    });
    expect(saved).toEqual({ ok: true, version: 2 });
    expect(await stageOf(b.id)).toBe("TRIANGULATED");
    const stale = await rounds
      .updateRound(lead(), {
        evaluationId: world.evaluationId,
        roundId,
        expectedVersion: 1,
        round: roundFields([a.id]),
      })
      .catch((error: { code?: string }) => error.code);
    expect(stale).toBe("CONFLICT");
  });
});

describe("the sample", () => {
  it("draws only eligible respondents, stratified, reproducibly from the audited seed", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED", [world.pool[0]!.id]);
    const roundId = await newRound([story.id], 6);
    const drawn = await sample.drawSample(lead(), { evaluationId: world.evaluationId, roundId, seed: 42 });
    expect(drawn).toMatchObject({ ok: true, seed: 42, drawn: 6 });
    const members = await database.prisma.validationSampleMember.findMany({
      where: { validationRoundId: roundId },
      include: { respondent: true },
    });
    const ids = members.map((m) => m.respondentId);
    // The storyteller of the only story, the withdrawn, the unconsented and the one without the validation scope are never drawn.
    for (const excluded of [
      world.pool[0]!.id,
      world.respondents.withdrawn.id,
      world.respondents.noConsent.id,
      world.noContact.id,
    ])
      expect(ids).not.toContain(excluded);
    for (const member of members)
      expect(member.stratum).toBe(`${member.respondent.type}|${member.respondent.state}|${member.respondent.gender}`);
    const [event] = await events("validation.sample.draw", roundId);
    expect(event!.after).toMatchObject({ seed: 42, target: 6 });
    // Same eligible set, same seed → the same sample.
    const again = await sample.drawSample(lead(), { evaluationId: world.evaluationId, roundId, seed: 42 });
    expect(again).toMatchObject({ ok: true, drawn: 6 });
    const redrawn = await database.prisma.validationSampleMember.findMany({ where: { validationRoundId: roundId } });
    expect(redrawn.map((m) => m.respondentId).sort()).toEqual([...ids].sort());
  });

  it("takes every eligible respondent when the target is larger, and keeps those added by hand", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await newRound([story.id], 1000);
    const added = await sample.addSampleMember(lead(), {
      evaluationId: world.evaluationId,
      roundId,
      respondentCode: world.pool[1]!.code,
    });
    expect(added.ok).toBe(true);
    const drawn = await sample.drawSample(lead(), { evaluationId: world.evaluationId, roundId, seed: 1 });
    if (!drawn.ok) throw new Error(drawn.reason);
    expect(drawn.drawn).toBe(drawn.eligible);
    const manual = await database.prisma.validationSampleMember.findMany({
      where: { validationRoundId: roundId, addedManually: true },
    });
    expect(manual.map((m) => m.respondentId)).toEqual([world.pool[1]!.id]);
  });

  it("refuses by hand a respondent without validation consent, a withdrawn one and an unknown code", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = await newRound([story.id]);
    const add = (respondentCode: string) =>
      sample.addSampleMember(lead(), { evaluationId: world.evaluationId, roundId, respondentCode });
    expect(await add(world.noContact.code)).toEqual({
      ok: false,
      reason: "NOT_ELIGIBLE_NO_VALIDATION_CONSENT",
      field: "respondentCode",
    });
    expect(await add(world.respondents.withdrawn.code)).toMatchObject({
      ok: false,
      reason: "NOT_ELIGIBLE_CONSENT_WITHDRAWN",
    });
    expect(await add("R-9999")).toMatchObject({ ok: false, reason: "RESPONDENT_NOT_FOUND" });
    expect(await database.prisma.validationSampleMember.count({ where: { validationRoundId: roundId } })).toBe(0);
  });
});

describe("responses, disputes and closing", () => {
  it("runs the whole round: outdated and storyteller refused, duplicates once, a dispute reopens, closing waits for its resolution", async () => {
    const calm = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const disputed = await createStoryAt(database.prisma, world, "TRIANGULATED", [world.pool[2]!.id]);
    const roundId = await newRound([calm.id, disputed.id], 4);
    for (const respondent of [world.pool[2]!, world.pool[3]!, world.pool[4]!]) {
      await sample.addSampleMember(lead(), {
        evaluationId: world.evaluationId,
        roundId,
        respondentCode: respondent.code,
      });
    }
    // Not open yet.
    const base = { evaluationId: world.evaluationId, roundId, comments: null, proposedChanges: null };
    expect(
      await responses.recordResponse(evaluator(), {
        ...base,
        respondentId: world.pool[3]!.id,
        storyId: calm.id,
        storyRevisionId: calm.revisionId,
        verdict: "CONFIRMS",
      }),
    ).toEqual({ ok: false, reason: "ROUND_NOT_OPEN" });
    expect(
      await rounds.stepRound(lead(), {
        evaluationId: world.evaluationId,
        roundId,
        step: "open",
        expectedVersion: await versionOf(roundId),
      }),
    ).toMatchObject({ ok: true, status: "OPEN" });

    // Two people record the same response at once: one row, the other told so.
    const same = () =>
      responses.recordResponse(evaluator(), {
        ...base,
        respondentId: world.pool[3]!.id,
        storyId: calm.id,
        storyRevisionId: calm.revisionId,
        verdict: "CONFIRMS",
        comments: "Así fue.",
      });
    const results = await Promise.all([same(), same(), same()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: "ALREADY_RECORDED" },
      { ok: false, reason: "ALREADY_RECORDED" },
    ]);
    expect(
      await database.prisma.validationResponse.count({ where: { validationRoundId: roundId, storyId: calm.id } }),
    ).toBe(1);

    // A storyteller does not validate their own story.
    expect(
      await responses.recordResponse(evaluator(), {
        ...base,
        respondentId: world.pool[2]!.id,
        storyId: disputed.id,
        storyRevisionId: disputed.revisionId,
        verdict: "CONFIRMS",
      }),
    ).toEqual({ ok: false, reason: "STORYTELLER" });

    // A dispute reopens the story for revision.
    const dispute = await responses.recordResponse(evaluator(), {
      ...base,
      respondentId: world.pool[3]!.id,
      storyId: disputed.id,
      storyRevisionId: disputed.revisionId,
      verdict: "DISPUTES",
      proposedChanges: "Fueron 20, no 24.",
    });
    expect(dispute).toMatchObject({ ok: true, reopened: true });
    expect(await stageOf(disputed.id)).toBe("RETURNED");
    expect((await events("story.stage", disputed.id)).at(-1)!.after).toEqual({
      stage: "RETURNED",
      comment: "validation.dispute",
    });
    const [recorded] = await events("validation.response.record", dispute.ok ? dispute.responseId : "");
    expect(recorded!.after).toMatchObject({
      verdict: "DISPUTES",
      reopened: true,
      respondent: world.pool[3]!.code,
      story: disputed.code,
    });

    // The story is revised: a response on the revision the sheet showed is now outdated.
    await editStory(database.prisma, world, disputed.id);
    expect(
      await responses.recordResponse(evaluator(), {
        ...base,
        respondentId: world.pool[4]!.id,
        storyId: disputed.id,
        storyRevisionId: disputed.revisionId,
        verdict: "CONFIRMS",
      }),
    ).toEqual({ ok: false, reason: "OUTDATED_REVISION", field: "verdict" });

    // Closing waits for the written resolution.
    const refused = await rounds.stepRound(lead(), {
      evaluationId: world.evaluationId,
      roundId,
      step: "close",
      expectedVersion: await versionOf(roundId),
    });
    expect(refused).toEqual({
      ok: false,
      reason: "DISPUTE_OPEN",
      story: disputed.code,
    });
    expect((await database.prisma.validationRound.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("OPEN");

    const responseId = dispute.ok ? dispute.responseId : "";
    expect(
      await disputes.resolveDispute(lead(), {
        outcome: "CORRECT",
        evaluationId: world.evaluationId,
        responseId,
        resolution: "Se corrigió la cifra en la versión 2.",
      }),
    ).toMatchObject({ ok: true, stage: "RETURNED", openLeft: 0 });
    expect(
      await disputes.resolveDispute(lead(), {
        outcome: "CORRECT",
        evaluationId: world.evaluationId,
        responseId,
        resolution: "Otra vez.",
      }),
    ).toEqual({ ok: false, reason: "ALREADY_RESOLVED" });
    expect(await events("validation.dispute.resolve", responseId)).toHaveLength(1);

    const closed = await rounds.stepRound(lead(), {
      evaluationId: world.evaluationId,
      roundId,
      step: "close",
      expectedVersion: await versionOf(roundId),
    });
    expect(closed).toEqual({ ok: true, status: "CLOSED", validated: [calm.code], notValidated: [disputed.code] });
    expect(await stageOf(calm.id)).toBe("VALIDATED");
    expect(await stageOf(disputed.id)).toBe("RETURNED");
    expect(
      await responses.recordResponse(evaluator(), {
        ...base,
        respondentId: world.pool[4]!.id,
        storyId: calm.id,
        storyRevisionId: calm.revisionId,
        verdict: "CONFIRMS",
      }),
    ).toEqual({ ok: false, reason: "ROUND_NOT_OPEN" });
  });

  it("finds no response, sample or round of another evaluation through this one", async () => {
    const result = await disputes
      .resolveDispute(lead(), {
        outcome: "CORRECT",
        evaluationId: "someOtherEvaluation",
        responseId: "x",
        resolution: "r",
      })
      .catch((error: { code?: string }) => error.code);
    expect(result).toBe("NOT_FOUND");
    const draw = await sample
      .drawSample(lead(), { evaluationId: "someOtherEvaluation", roundId: "x" })
      .catch((error: { code?: string }) => error.code);
    expect(draw).toBe("NOT_FOUND");
  });
});
