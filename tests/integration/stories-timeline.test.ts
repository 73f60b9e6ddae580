/**
 * A story's timeline against a real database: every kind of event appears, newest first; ballots
 * stay out while their round is open and appear once it is closed; respondents appear by code
 * only; another evaluation's story (or this story asked for under another evaluation) shows nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChangeStory, buildStoryRevision, createStoryWorld, newId, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let world: StoryWorld;
let other: StoryWorld;
let timeline: typeof import("@/lib/stories/timeline-data");
let storyId: string;
let roundId: string;
const at = (minute: number) => new Date(Date.UTC(2025, 0, 10, 9, minute));

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  world = await createStoryWorld(database.prisma);
  other = await createStoryWorld(database.prisma);
  timeline = await import("@/lib/stories/timeline-data");

  const { evaluationId, team, respondents } = world;
  const prisma = database.prisma;
  const evaluator = team.members.evaluator!;
  const panelist = team.members.panelist!;
  const analyst = team.members.analyst!;
  const reviewer = team.members.reviewer!;
  const story = buildChangeStory({ evaluationId, authorId: evaluator.id, stage: "IN_REVIEW", version: 2 });
  storyId = story.id;
  await prisma.changeStory.create({ data: story });
  const revision1 = buildStoryRevision({
    evaluationId,
    storyId,
    editedById: evaluator.id,
    snapshot: {},
    version: 1,
    createdAt: at(1),
  });
  const revision2 = buildStoryRevision({
    evaluationId,
    storyId,
    editedById: evaluator.id,
    snapshot: {},
    version: 2,
    note: "Cifras corregidas",
    createdAt: at(2),
  });
  await prisma.storyRevision.createMany({ data: [revision1, revision2] });

  const panel = await prisma.selectionPanel.create({
    data: { evaluationId, name: "Panel de dominio", level: "DOMAIN", domainId: team.domains[0]!.id },
  });
  const round = await prisma.selectionRound.create({
    data: {
      evaluationId,
      panelId: panel.id,
      name: "Ronda 1",
      method: "RANKING",
      deadline: at(30),
      status: "OPEN",
      domainId: team.domains[0]!.id,
    },
  });
  roundId = round.id;
  await prisma.roundCandidate.create({ data: { evaluationId, roundId, storyId } });
  await prisma.ballot.create({
    data: {
      evaluationId,
      roundId,
      storyId,
      panelistId: panelist.id,
      rank: 1,
      reason: "Cambió la vida sindical.",
      updatedAt: at(3),
    },
  });
  await prisma.evidenceItem.create({
    data: {
      evaluationId,
      storyId,
      sourceType: "ADMINISTRATIVE_RECORD",
      citation: "Registro del CFCRL 2024",
      whatItShows: "24 votaciones",
      stance: "SUPPORTS",
      strength: "STRONG",
      addedById: analyst.id,
      createdAt: at(5),
    },
  });
  await prisma.triangulationSignOff.create({
    data: {
      evaluationId,
      storyId,
      analystId: analyst.id,
      storyVersion: 2,
      note: "Dos fuentes independientes.",
      signedAt: at(6),
    },
  });
  const validation = await prisma.validationRound.create({
    data: { evaluationId, name: "Validación 1", startsOn: at(0), endsOn: at(0), method: "WORKSHOP", status: "CLOSED" },
  });
  await prisma.validationRoundStory.create({
    data: { evaluationId, validationRoundId: validation.id, storyId, storyRevisionId: revision2.id },
  });
  await prisma.validationSampleMember.create({
    data: { evaluationId, validationRoundId: validation.id, respondentId: respondents.consenting.id },
  });
  await prisma.validationResponse.create({
    data: {
      evaluationId,
      validationRoundId: validation.id,
      respondentId: respondents.consenting.id,
      storyId,
      storyRevisionId: revision2.id,
      verdict: "CONFIRMS",
      comments: "Así fue.",
      recordedById: evaluator.id,
      createdAt: at(7),
    },
  });
  await prisma.review.create({
    data: {
      evaluationId,
      storyId,
      storyRevisionId: revision2.id,
      reviewerId: reviewer.id,
      decision: "RETURN",
      comment: "Falta la fuente de la cifra.",
      createdAt: at(8),
    },
  });
});

afterAll(async () => {
  await database?.close();
});

describe("story timeline", () => {
  it("lists revisions, evidence, sign-off, validation and reviews newest first, with respondents by code", async () => {
    const entries = await timeline.getStoryTimeline(world.evaluationId, storyId);
    expect(entries.map((entry) => entry.kind)).toEqual([
      "review",
      "validation",
      "signOff",
      "evidence",
      "revision",
      "revision",
    ]);
    expect(entries[1]).toMatchObject({
      kind: "validation",
      respondentCode: world.respondents.consenting.code,
      verdict: "CONFIRMS",
      version: 2,
      round: "Validación 1",
    });
    expect(entries[0]).toMatchObject({
      kind: "review",
      decision: "RETURN",
      comment: "Falta la fuente de la cifra.",
      version: 2,
      actorName: world.team.members.reviewer!.name,
    });
    expect(JSON.stringify(entries)).not.toContain(world.respondents.consenting.id);
  });

  it("keeps ballots out while the round is open and shows them, with the decision, once it is decided", async () => {
    expect(
      (await timeline.getStoryTimeline(world.evaluationId, storyId)).some((entry) => entry.kind === "ballot"),
    ).toBe(false);

    const { evaluationId, team } = world;
    await database.prisma.selectionRound.update({
      where: { id: roundId },
      data: { status: "DECIDED", closedAt: at(31) },
    });
    const decision = await database.prisma.selectionDecision.create({
      data: { evaluationId, roundId, decidedById: team.members.lead.id, decidedAt: at(32) },
    });
    await database.prisma.storytellerFeedback.create({
      data: { evaluationId, decisionId: decision.id, storyId, language: "es", text: "Gracias por contarla." },
    });
    await database.prisma.selectedStory.create({
      data: {
        evaluationId,
        decisionId: decision.id,
        storyId,
        reason: "Muestra un cambio duradero en la vida sindical.",
      },
    });

    const entries = await timeline.getStoryTimeline(evaluationId, storyId);
    expect(entries[0]).toMatchObject({
      kind: "decision",
      selected: true,
      reason: "Muestra un cambio duradero en la vida sindical.",
      feedback: "Gracias por contarla.",
      feedbackLanguage: "es",
      round: "Ronda 1",
    });
    expect(entries.find((entry) => entry.kind === "ballot")).toMatchObject({
      rank: 1,
      reason: "Cambió la vida sindical.",
      actorName: team.members.panelist!.name,
    });
  });

  it("shows nothing of a story through another evaluation", async () => {
    expect(await timeline.getStoryTimeline(other.evaluationId, storyId)).toEqual([]);
    expect(await timeline.getStoryTimeline(world.evaluationId, newId())).toEqual([]);
  });
});
