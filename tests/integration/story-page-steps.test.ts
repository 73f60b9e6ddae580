/**
 * The story page's two step actions, called as the browser calls them: writers' steps through
 * moveChangeStory, analysts' steps through moveStoryInTriangulation. Each action keeps to its part
 * of the path, and each step still checks its own permission from the table.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import {
  buildChangeStory,
  buildMembership,
  buildUser,
  createEvaluationWithTeam,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { signInAs } from "@/tests/support/session";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let team: EvaluationWithTeam;
let writers: typeof import("@/lib/stories/actions");
let analysts: typeof import("@/lib/triangulation/actions");

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [writers, analysts] = await Promise.all([import("@/lib/stories/actions"), import("@/lib/triangulation/actions")]);
  team = await createEvaluationWithTeam(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

let codeNumber = 0;
async function storyAt(stage: StoryStage) {
  codeNumber += 1;
  const story = buildChangeStory({
    evaluationId: team.evaluation.id,
    authorId: team.members.evaluator!.id,
    codeNumber,
    stage,
  });
  await database.prisma.changeStory.create({ data: story });
  return story.id;
}
const stageOf = async (storyId: string) =>
  (await database.prisma.changeStory.findUniqueOrThrow({ where: { id: storyId } })).stage;
const as = (user: { id: string; email: string; name: string }) => {
  signInAs(user);
};

describe("the story page's steps", () => {
  it("let an analyst take a selected story up through the analysts' action, audited", async () => {
    const storyId = await storyAt("SELECTED");
    as(team.members.analyst!);
    const step = {
      evaluationId: team.evaluation.id,
      storyId,
      from: "SELECTED" as const,
      to: "IN_TRIANGULATION" as const,
    };
    expect(await writers.moveChangeStory(step)).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await analysts.moveStoryInTriangulation(step)).toEqual({ ok: true, data: { stage: "IN_TRIANGULATION" } });
    expect(await stageOf(storyId)).toBe("IN_TRIANGULATION");
    const [event] = await database.prisma.auditEvent.findMany({ where: { action: "story.stage", recordId: storyId } });
    expect(event).toMatchObject({
      actorId: team.members.analyst!.id,
      before: { stage: "SELECTED" },
      after: { stage: "IN_TRIANGULATION" },
    });
  });

  it("refuse a story without its evidence and sign-off the step to triangulated, naming what is missing", async () => {
    const storyId = await storyAt("IN_TRIANGULATION");
    as(team.members.analyst!);
    const result = await analysts.moveStoryInTriangulation({
      evaluationId: team.evaluation.id,
      storyId,
      from: "IN_TRIANGULATION",
      to: "TRIANGULATED",
    });
    expect(result).toMatchObject({ ok: false, error: "REJECTED", reason: "BLOCKED" });
    expect(await stageOf(storyId)).toBe("IN_TRIANGULATION");
  });

  it("keep each action to its part of the path, even for someone who holds both roles", async () => {
    const both = buildUser({ name: "Analyst and evaluator" });
    await database.prisma.user.create({ data: both });
    await database.prisma.evaluationMember.create({
      data: buildMembership({ evaluationId: team.evaluation.id, userId: both.id, roles: ["ANALYST", "EVALUATOR"] }),
    });
    as(both);
    const draft = await storyAt("DRAFT");
    const selected = await storyAt("SELECTED");
    expect(
      await analysts.moveStoryInTriangulation({
        evaluationId: team.evaluation.id,
        storyId: draft,
        from: "DRAFT",
        to: "SUBMITTED",
      }),
    ).toEqual({ ok: false, error: "REJECTED", reason: "NO_SUCH_STEP" });
    expect(
      await writers.moveChangeStory({
        evaluationId: team.evaluation.id,
        storyId: selected,
        from: "SELECTED",
        to: "IN_TRIANGULATION",
      }),
    ).toEqual({ ok: false, error: "REJECTED", reason: "NO_SUCH_STEP" });
    expect([await stageOf(draft), await stageOf(selected)]).toEqual(["DRAFT", "SELECTED"]);
  });

  it("refuse an evaluator the analysts' action, and a panel's step to anyone on the story page", async () => {
    const selected = await storyAt("SELECTED");
    as(team.members.evaluator!);
    expect(
      await analysts.moveStoryInTriangulation({
        evaluationId: team.evaluation.id,
        storyId: selected,
        from: "SELECTED",
        to: "IN_TRIANGULATION",
      }),
    ).toEqual({ ok: false, error: "FORBIDDEN" });
    as(team.members.lead);
    const screened = await storyAt("SCREENED");
    expect(
      await writers.moveChangeStory({
        evaluationId: team.evaluation.id,
        storyId: screened,
        from: "SCREENED",
        to: "IN_SELECTION",
      }),
    ).toEqual({ ok: false, error: "REJECTED", reason: "ROUND_STEP" });
    expect(await stageOf(screened)).toBe("SCREENED");
  });
});
