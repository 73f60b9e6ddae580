/**
 * The demo's selection (prisma/seed/selection-rows.ts): a domain panel with both demo panelists,
 * an open round whose candidates are IN_SELECTION as the table requires, one story still screened,
 * and a round the demo panelists can vote on with the real mutation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_EVALUATION_NAME, seedDemo } from "@/prisma/seed/demo";
import { DEMO_ROUND_NAME } from "@/prisma/seed/selection-rows";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  prisma = database.prisma;
  await seedDemo(prisma, { withDemoPasswords: false });
});

afterAll(async () => {
  await database?.close();
});

describe("the demo selection", () => {
  it("has an open round on a domain panel of both demo panelists, with its stories in selection", async () => {
    const round = await prisma.selectionRound.findFirstOrThrow({
      where: { name: DEMO_ROUND_NAME, evaluation: { name: DEMO_EVALUATION_NAME } },
      include: {
        panel: { include: { members: { include: { user: true } } } },
        candidates: { include: { story: { include: { domainAssignments: true } } } },
      },
    });
    expect(round.status).toBe("OPEN");
    expect(round.deadline.getTime()).toBeGreaterThan(Date.now());
    expect(round.panel.level).toBe("DOMAIN");
    expect(round.panel.members.map((m) => m.user.email).sort()).toEqual([
      "panelist2@demo.example",
      "panelist@demo.example",
    ]);
    expect(round.candidates.length).toBeGreaterThanOrEqual(2);
    for (const { story } of round.candidates) {
      expect(story.stage).toBe("IN_SELECTION");
      expect(story.domainAssignments.find((a) => a.kind === "PRIMARY" && a.endedAt === null)?.domainId).toBe(
        round.domainId,
      );
    }
    expect(
      await prisma.changeStory.count({ where: { evaluationId: round.evaluationId, stage: "SCREENED" } }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("takes a demo panelist's ranking through the real mutation", async () => {
    const round = await prisma.selectionRound.findFirstOrThrow({
      where: { name: DEMO_ROUND_NAME },
      include: { candidates: true },
    });
    const panelist = await prisma.user.findUniqueOrThrow({ where: { email: "panelist2@demo.example" } });
    const { castBallots } = await import("@/lib/selection/ballot-mutations");
    const votes = round.candidates.map((c, i) => ({
      storyId: c.storyId,
      rank: i + 1,
      score: null,
      approved: null,
      reason: "Razón de prueba.",
    }));
    expect(
      await castBallots({ actorId: panelist.id, evaluationId: round.evaluationId, roundId: round.id, votes }),
    ).toMatchObject({ ok: true, saved: votes.length });
  });
});
