/**
 * "Waiting for you" beyond the dashboard world's defaults: validation responses still to record in
 * an open round (not a planned one, not a storyteller's own story), and ballots that no longer
 * wait once the deadline has passed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStoryRevision, day, inDays, newId } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createDashboardWorld, type DashboardWorld } from "./dashboard-world";

let database: TestDatabase;
let world: DashboardWorld;
let loadDashboard: typeof import("@/lib/dashboard/loaders").loadDashboard;
let openRoundId: string;

const reader = (member: "lead" | "evaluator" | "panelist" | "analyst") => ({
  id: world.team.members[member]!.id,
  isAdmin: false,
});

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ loadDashboard } = await import("@/lib/dashboard/loaders"));
  world = await createDashboardWorld(database.prisma);
  const { prisma } = database;
  const { evaluationId } = world;
  const lead = world.team.members.lead.id;
  const [s1, , s3] = world.stories;
  const revisions = [s1!, s3!].map((story) =>
    buildStoryRevision({ evaluationId, storyId: story.id, editedById: lead, snapshot: { title: story.title } }),
  );
  await prisma.storyRevision.createMany({ data: revisions });
  const respondents = await prisma.respondent.findMany({
    where: { evaluationId, codeNumber: { in: [1, 2, 10] } },
    orderBy: { codeNumber: "asc" },
    select: { id: true },
  });
  const [r1, r2, r10] = respondents.map((respondent) => respondent.id) as [string, string, string];

  const open = {
    id: newId(),
    evaluationId,
    name: "Validación en Oaxaca",
    startsOn: day("2025-01-10"),
    endsOn: day("2025-02-10"),
    method: "WORKSHOP" as const,
    status: "OPEN" as const,
  };
  const planned = { ...open, id: newId(), name: "Validación planeada", status: "PLANNED" as const };
  openRoundId = open.id;
  await prisma.validationRound.createMany({ data: [open, planned] });
  for (const round of [open, planned]) {
    await prisma.validationRoundStory.createMany({
      data: [s1!, s3!].map((story, index) => ({
        id: newId(),
        evaluationId,
        validationRoundId: round.id,
        storyId: story.id,
        storyRevisionId: revisions[index]!.id,
      })),
    });
    await prisma.validationSampleMember.createMany({
      data: [r1, r2, r10].map((respondentId) => ({
        id: newId(),
        evaluationId,
        validationRoundId: round.id,
        respondentId,
      })),
    });
  }
  // Pairs in the open round: r1 x S3, r2 x S1, r2 x S3, r10 x S1, r10 x S3 (r1 told S1): 5, one recorded.
  await prisma.validationResponse.create({
    data: {
      id: newId(),
      evaluationId,
      validationRoundId: open.id,
      respondentId: r2,
      storyId: s3!.id,
      storyRevisionId: revisions[1]!.id,
      verdict: "CONFIRMS",
      recordedById: lead,
    },
  });
});

afterAll(async () => {
  await database?.close();
});

describe("dashboard: waiting for you, validation and deadlines", () => {
  it("gives leads and evaluators the responses still to record in the open round only", async () => {
    const expected = [
      {
        kind: "RESPONSES",
        roundId: openRoundId,
        roundName: "Validación en Oaxaca",
        count: 4,
        path: `/evaluations/${world.evaluationId}/validation/${openRoundId}`,
      },
    ];
    expect((await loadDashboard(world.evaluationId, reader("lead"), {}))!.waiting).toEqual(expected);
    expect((await loadDashboard(world.evaluationId, reader("evaluator"), {}))!.waiting).toEqual(expected);
    expect((await loadDashboard(world.evaluationId, reader("analyst"), {}))!.waiting.map((item) => item.kind)).toEqual([
      "TRIANGULATION",
    ]);
  });

  it("asks no ballot of a panelist once the round's deadline has passed", async () => {
    const later = inDays(2);
    expect((await loadDashboard(world.evaluationId, reader("panelist"), {}, later))!.waiting).toEqual([]);
    expect((await loadDashboard(world.evaluationId, reader("panelist"), {}))!.waiting).toHaveLength(1);
  });
});
