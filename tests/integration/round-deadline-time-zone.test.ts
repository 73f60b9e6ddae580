/**
 * A round's deadline typed as clock time in the evaluation's time zone and stored as UTC: Mexico
 * City by default, and a zone with daylight saving time once the lead sets one in setup (the skipped
 * spring hour refused next to the field). The setting is checked, audited and shown by the loaders.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { savedEvaluationFields } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { signInAs } from "@/tests/support/session";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createSelectionWorld, type SelectionWorld } from "./selection-world";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let world: SelectionWorld;
let actions: typeof import("@/lib/selection/actions");
let rounds: typeof import("@/lib/selection/round-mutations");
let loaders: typeof import("@/lib/selection/loaders");
let evaluations: typeof import("@/lib/evaluations/mutations");
let panelId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [actions, rounds, loaders, evaluations] = await Promise.all([
    import("@/lib/selection/actions"),
    import("@/lib/selection/round-mutations"),
    import("@/lib/selection/loaders"),
    import("@/lib/evaluations/mutations"),
  ]);
  world = await createSelectionWorld(database.prisma, { stories: 4 });
  const panel = await rounds.createPanel({
    actorId: world.lead.id,
    evaluationId: world.evaluationId,
    name: "Panel",
    level: "DOMAIN",
    domainId: world.domainId,
    memberIds: [world.panelists[0]!.id],
  });
  if (!panel.ok) throw new Error(JSON.stringify(panel));
  panelId = panel.panelId;
});

afterAll(async () => {
  await database?.close();
});

const create = (name: string, deadline: string, storyIds: string[]) =>
  actions.createSelectionRound({
    evaluationId: world.evaluationId,
    panelId,
    name,
    method: "APPROVAL",
    deadline,
    resultsHiddenUntilClosed: true,
    storyIds,
  });
const storedDeadline = async (roundId: string) =>
  (
    await database.prisma.selectionRound.findUniqueOrThrow({ where: { id: roundId }, select: { deadline: true } })
  ).deadline.toISOString();

async function setZone(timeZone: string) {
  return evaluations.updateEvaluation(world.lead.id, {
    ...(await savedEvaluationFields(database.prisma, world.evaluationId)),
    timeZone,
  });
}

describe("a round's deadline", () => {
  it("is read in Mexico City by default, which keeps UTC-6 all year, and shown with that zone", async () => {
    signInAs(world.lead);
    const created = await create("Ronda de enero", "2030-01-15T12:00", [world.storyIds[0]!]);
    expect(created).toMatchObject({ ok: true });
    const roundId = (created as { data: { roundId: string } }).data.roundId;
    expect(await storedDeadline(roundId)).toBe("2030-01-15T18:00:00.000Z");
    expect(
      (await loaders.loadRoundPage(world.evaluationId, roundId, { id: world.lead.id, isAdmin: false }))!.timeZone,
    ).toBe("America/Mexico_City");
    expect((await loaders.loadSelectionPage(world.evaluationId, { id: world.lead.id, isAdmin: false }))!.timeZone).toBe(
      "America/Mexico_City",
    );
    const created2 = await create("Ronda de julio", "2030-07-15T12:00", [world.storyIds[1]!]);
    expect(await storedDeadline((created2 as { data: { roundId: string } }).data.roundId)).toBe(
      "2030-07-15T18:00:00.000Z",
    );
  });

  it("follows daylight saving time in a zone that keeps it, and refuses the hour the clocks skip", async () => {
    signInAs(world.lead);
    expect(await setZone("America/New_York")).toMatchObject({ version: expect.any(Number) });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({
      where: { evaluationId: world.evaluationId, action: "evaluation.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.after).toMatchObject({ timeZone: "America/New_York" });

    const skipped = await create("Ronda imposible", "2030-03-10T02:30", [world.storyIds[2]!]);
    expect(skipped).toEqual({ ok: false, error: "REJECTED", reason: "DEADLINE_NOT_IN_ZONE", field: "deadline" });
    expect(
      await database.prisma.selectionRound.count({
        where: { evaluationId: world.evaluationId, name: "Ronda imposible" },
      }),
    ).toBe(0);

    const summer = await create("Ronda de verano", "2030-07-15T12:00", [world.storyIds[2]!]);
    expect(await storedDeadline((summer as { data: { roundId: string } }).data.roundId)).toBe(
      "2030-07-15T16:00:00.000Z",
    );
    // An instant with its own offset is taken as it is, whatever the zone.
    const exact = await create("Ronda exacta", "2030-01-15T12:00:00Z", [world.storyIds[3]!]);
    expect(await storedDeadline((exact as { data: { roundId: string } }).data.roundId)).toBe(
      "2030-01-15T12:00:00.000Z",
    );
  });

  it("refuses a zone the platform does not know, and a deadline that is no time", async () => {
    signInAs(world.lead);
    const { updateEvaluationSchema } = await import("@/lib/evaluations/schema");
    const parsed = updateEvaluationSchema.safeParse({
      evaluationId: world.evaluationId,
      expectedVersion: 1,
      name: "x",
      client: "x",
      evaluatorOrganisation: "x",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      languages: ["ES"],
      timeZone: "Mars/Olympus",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["timeZone", "validation.timeZoneUnknown"],
    ]);
    for (const deadline of ["mañana", "2030-01-15", "<script>alert(1)</script>"]) {
      expect(await create("Ronda inválida", deadline, [world.storyIds[3]!]), deadline).toMatchObject({
        ok: false,
        error: "INVALID",
        fieldErrors: { deadline: ["invalid"] },
      });
    }
    await expect(
      database.prisma.$executeRaw`UPDATE evaluation SET time_zone = 'x; drop' WHERE id = ${world.evaluationId}`,
    ).rejects.toThrow(/evaluation_time_zone_check/);
  });
});
