/**
 * The verification part of the story's path against a real database: an analyst takes a selected
 * story into triangulation and marks it triangulated only when the evidence and a current sign-off
 * hold (refusals leave the story where it was); validation and review steps are refused on the
 * story's page; two analysts moving the same story at once end with one step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/permissions";
import {
  buildChangeStory,
  buildEvidenceItem,
  buildStoryRevision,
  createStoryWorld,
  type StoryWorld,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let world: StoryWorld;
let stage: typeof import("@/lib/stories/stage-mutations");
const ANALYST: Role[] = ["ANALYST"];

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  stage = await import("@/lib/stories/stage-mutations");
  world = await createStoryWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

async function storyAt(stageName: "SELECTED" | "IN_TRIANGULATION" | "IN_REVIEW") {
  const { evaluationId, team } = world;
  const story = buildChangeStory({ evaluationId, authorId: team.members.evaluator!.id, stage: stageName });
  await database.prisma.changeStory.create({ data: story });
  await database.prisma.storyRevision.create({
    data: buildStoryRevision({ evaluationId, storyId: story.id, editedById: team.members.evaluator!.id, snapshot: {} }),
  });
  return story.id;
}

const analystId = () => world.team.members.analyst!.id;
const move = (
  storyId: string,
  from: "SELECTED" | "IN_TRIANGULATION" | "IN_REVIEW",
  to: "IN_TRIANGULATION" | "TRIANGULATED" | "APPROVED",
  roles = ANALYST,
) => stage.moveStory({ actorId: analystId(), roles, evaluationId: world.evaluationId, storyId, from, to });
const stageOf = async (storyId: string) =>
  (await database.prisma.changeStory.findUniqueOrThrow({ where: { id: storyId } })).stage;
const stageEvents = (storyId: string) =>
  database.prisma.auditEvent.findMany({
    where: { evaluationId: world.evaluationId, recordId: storyId, action: "story.stage" },
  });

async function addEvidence(storyId: string, sourceType: "DOCUMENT" | "ADMINISTRATIVE_RECORD", at: Date) {
  await database.prisma.evidenceItem.create({
    data: buildEvidenceItem({
      evaluationId: world.evaluationId,
      storyId,
      addedById: analystId(),
      sourceType,
      createdAt: at,
      updatedAt: at,
    }),
  });
}

describe("selected → in triangulation → triangulated", () => {
  it("lets an analyst take a selected story up, audited", async () => {
    const storyId = await storyAt("SELECTED");
    expect(await move(storyId, "SELECTED", "IN_TRIANGULATION")).toEqual({ ok: true, stage: "IN_TRIANGULATION" });
    expect((await stageEvents(storyId)).map((event) => event.after)).toEqual([{ stage: "IN_TRIANGULATION" }]);
  });

  it("refuses 'triangulated' until two source types and a current sign-off hold, then takes it", async () => {
    const storyId = await storyAt("IN_TRIANGULATION");
    await addEvidence(storyId, "DOCUMENT", new Date("2025-01-01T00:00:00Z"));
    const refused = await move(storyId, "IN_TRIANGULATION", "TRIANGULATED");
    expect(refused).toMatchObject({ ok: false, reason: "BLOCKED" });
    const blockers = !refused.ok && "blockers" in refused ? refused.blockers : [];
    expect(blockers.map((blocker) => blocker.code)).toEqual(["TOO_FEW_SOURCE_TYPES", "NO_SIGN_OFF"]);
    expect(await stageOf(storyId)).toBe("IN_TRIANGULATION");
    expect(await stageEvents(storyId)).toHaveLength(0);

    await addEvidence(storyId, "ADMINISTRATIVE_RECORD", new Date("2025-01-02T00:00:00Z"));
    await database.prisma.triangulationSignOff.create({
      data: {
        evaluationId: world.evaluationId,
        storyId,
        analystId: analystId(),
        storyVersion: 1,
        note: "Dos fuentes.",
        signedAt: new Date("2025-01-03T00:00:00Z"),
      },
    });
    expect(await move(storyId, "IN_TRIANGULATION", "TRIANGULATED")).toEqual({ ok: true, stage: "TRIANGULATED" });
    expect(await stageOf(storyId)).toBe("TRIANGULATED");
  });

  it("lets only one of two analysts moving the same story at once take the step", async () => {
    const storyId = await storyAt("SELECTED");
    const results = await Promise.allSettled([
      move(storyId, "SELECTED", "IN_TRIANGULATION"),
      move(storyId, "SELECTED", "IN_TRIANGULATION"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled" && result.value.ok)).toHaveLength(1);
    expect(await stageEvents(storyId)).toHaveLength(1);
  });

  it("keeps panelists and evaluators from triangulation steps", async () => {
    const storyId = await storyAt("SELECTED");
    await expect(move(storyId, "SELECTED", "IN_TRIANGULATION", ["PANELIST"])).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(move(storyId, "SELECTED", "IN_TRIANGULATION", ["EVALUATOR"])).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await stageOf(storyId)).toBe("SELECTED");
  });
});

describe("review steps", () => {
  it("are taken by the review, never from the story's page", async () => {
    const storyId = await storyAt("IN_REVIEW");
    expect(await move(storyId, "IN_REVIEW", "APPROVED", ["REVIEWER"])).toEqual({ ok: false, reason: "ROUND_STEP" });
    expect(await stageOf(storyId)).toBe("IN_REVIEW");
  });
});
