/**
 * Nothing lost under load, with real concurrency against PostgreSQL (Promise.all over separate
 * connections): ballots racing a close are counted or refused, never half-saved; two leads closing
 * or deciding at once leave one change; one panelist's parallel double submits leave one ballot per
 * story, and so do 200 panelists submitting three times each at once; two people moving one story
 * leave one step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMembership, buildUser, inDays } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { addScreenedStories, createSelectionWorld, type SelectionWorld } from "./selection-world";

let database: TestDatabase;
let world: SelectionWorld;
let rounds: typeof import("@/lib/selection/round-mutations");
let ballots: typeof import("@/lib/selection/ballot-mutations");

const lead = () => ({ actorId: world.lead.id, evaluationId: world.evaluationId });
const reason = "Cambio significativo para la comunidad.";
const settle = async <T>(work: Promise<T>) =>
  work.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error as { code?: string } }),
  );

/** A panelist's ballot giving every story the same score, as the ballot page submits it. */
const castScores = (panelistId: string, roundId: string, storyIds: string[], score: number) =>
  ballots.castBallots({
    actorId: panelistId,
    evaluationId: world.evaluationId,
    roundId,
    votes: storyIds.map((storyId) => ({ storyId, score, rank: null, approved: null, reason })),
  });

async function openRoundWith(panelistIds: string[], storyCount = 3) {
  const storyIds = await addScreenedStories(database.prisma, world, world.domainId, storyCount);
  const panel = await rounds.createPanel({
    ...lead(),
    name: "Panel",
    level: "DOMAIN",
    domainId: world.domainId,
    memberIds: panelistIds,
  });
  if (!panel.ok) throw new Error(JSON.stringify(panel));
  const round = await rounds.createRound({
    ...lead(),
    panelId: panel.panelId,
    name: "Round",
    method: "SCORING",
    scoreScaleMax: 5,
    selectCount: null,
    deadline: inDays(1),
    resultsHiddenUntilClosed: true,
    storyIds,
  });
  if (!round.ok) throw new Error(JSON.stringify(round));
  expect(await rounds.openRound({ ...lead(), roundId: round.roundId, expectedVersion: 1 })).toEqual({ ok: true });
  return { roundId: round.roundId, storyIds };
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [rounds, ballots] = await Promise.all([
    import("@/lib/selection/round-mutations"),
    import("@/lib/selection/ballot-mutations"),
  ]);
  world = await createSelectionWorld(database.prisma, { panelists: 1 });
  const more = Array.from({ length: 29 }, (_, i) => buildUser({ name: `Load panelist ${i}` }));
  await database.prisma.user.createMany({ data: more });
  await database.prisma.evaluationMember.createMany({
    data: more.map((user) =>
      buildMembership({ evaluationId: world.evaluationId, userId: user.id, roles: ["PANELIST"] }),
    ),
  });
  world.panelists.push(...more);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("ballots arriving while the round closes", () => {
  it("are each either in the database and counted by the close, or refused with ROUND_NOT_OPEN", async () => {
    const ids = world.panelists.map((p) => p.id);
    const { roundId, storyIds } = await openRoundWith(ids);
    const submissions = ids.map((panelistId, i) => settle(castScores(panelistId, roundId, storyIds, (i % 5) + 1)));
    // The close lands in the middle of the submissions.
    const close = settle(
      new Promise((resolve) => setTimeout(resolve, 15)).then(() =>
        rounds.closeRound({ ...lead(), roundId, expectedVersion: 2 }),
      ),
    );
    const outcomes = await Promise.all(submissions);
    const closed = await close;
    expect(closed).toMatchObject({ value: { ok: true } });

    const accepted = outcomes.filter((o) => "value" in o && o.value.ok).length;
    const refused = outcomes.filter((o) => "value" in o && !o.value.ok);
    expect(outcomes.filter((o) => "error" in o)).toEqual([]);
    for (const o of refused) expect(o).toMatchObject({ value: { ok: false, reason: "ROUND_NOT_OPEN" } });
    expect(accepted + refused.length).toBe(ids.length);

    const stored = await database.prisma.ballot.findMany({ where: { roundId }, select: { panelistId: true } });
    expect(stored.length).toBe(accepted * storyIds.length); // all three or none per panelist
    const perPanelist = new Map<string, number>();
    for (const b of stored) perPanelist.set(b.panelistId, (perPanelist.get(b.panelistId) ?? 0) + 1);
    expect([...perPanelist.values()].every((n) => n === storyIds.length)).toBe(true);
    const closeEvent = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "selection.round.close", recordId: roundId },
    });
    expect((closeEvent.after as { ballots: number }).ballots).toBe(stored.length);
  });
});

describe("two leads at once", () => {
  it("closing the same round: one close, one refusal, one audit event", async () => {
    const { roundId } = await openRoundWith([world.panelists[0]!.id]);
    const results = await Promise.all(
      [0, 1].map(() => settle(rounds.closeRound({ ...lead(), roundId, expectedVersion: 2 }))),
    );
    expect(results.filter((r) => "value" in r && r.value.ok)).toHaveLength(1);
    expect(results.filter((r) => "error" in r)).toMatchObject([{ error: { code: "CONFLICT" } }]);
    expect(
      await database.prisma.auditEvent.count({ where: { action: "selection.round.close", recordId: roundId } }),
    ).toBe(1);
  });

  it("deciding the same round: one decision, the stories moved once", async () => {
    const { roundId, storyIds } = await openRoundWith([world.panelists[0]!.id]);
    expect(await rounds.closeRound({ ...lead(), roundId, expectedVersion: 2 })).toMatchObject({ ok: true });
    const decide = (storyId: string) =>
      settle(
        rounds.recordDecision({
          ...lead(),
          roundId,
          expectedVersion: 3,
          selected: [{ storyId, reason }],
          dissent: null,
          feedback: storyIds.map((id) => ({ storyId: id, language: "es", text: "Gracias." })),
        }),
      );
    const results = await Promise.all([decide(storyIds[0]!), decide(storyIds[1]!)]);
    expect(results.filter((r) => "value" in r && r.value.ok)).toHaveLength(1);
    expect(await database.prisma.selectionDecision.count({ where: { roundId } })).toBe(1);
    expect(await database.prisma.selectedStory.count({ where: { decision: { roundId } } })).toBe(1);
    const moves = await database.prisma.auditEvent.count({
      where: { action: "story.stage", recordId: { in: storyIds }, after: { path: ["stage"], not: "IN_SELECTION" } },
    });
    expect(moves).toBe(storyIds.length);
  });
});

describe("one panelist's double clicks and retries", () => {
  it("ten parallel submits leave exactly one ballot per story", async () => {
    const panelistId = world.panelists[1]!.id;
    const { roundId, storyIds } = await openRoundWith([panelistId]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => settle(castScores(panelistId, roundId, storyIds, (i % 5) + 1))),
    );
    expect(results.every((r) => "value" in r && r.value.ok)).toBe(true);
    expect(await database.prisma.ballot.count({ where: { roundId } })).toBe(storyIds.length);
    // Every change after the first kept the version before it.
    const saved = await database.prisma.ballot.findMany({
      where: { roundId },
      include: { _count: { select: { revisions: true } } },
    });
    for (const ballot of saved) expect(ballot._count.revisions).toBe(ballot.version - 1);
  });
});

describe("200 panelists, each submitting three times at once (a click, a double click, a retry)", () => {
  it("leave exactly one ballot per panelist and story, no errors, and a tally of 200 voters", async () => {
    const crowd = Array.from({ length: 200 }, (_, i) => buildUser({ name: `Crowd panelist ${i}` }));
    await database.prisma.user.createMany({ data: crowd });
    await database.prisma.evaluationMember.createMany({
      data: crowd.map((user) =>
        buildMembership({ evaluationId: world.evaluationId, userId: user.id, roles: ["PANELIST"] }),
      ),
    });
    const { roundId, storyIds } = await openRoundWith(crowd.map((user) => user.id));
    const sheet = (panelist: number, attempt: number) =>
      storyIds.map((storyId, j) => ({
        storyId,
        score: ((panelist + j + attempt) % 5) + 1,
        rank: null,
        approved: null,
        reason: `${reason} (${attempt})`,
      }));
    const results = await Promise.all(
      crowd.flatMap((user, i) =>
        [0, 1, 2].map((attempt) =>
          settle(
            ballots.castBallots({
              actorId: user.id,
              evaluationId: world.evaluationId,
              roundId,
              votes: sheet(i, attempt),
            }),
          ),
        ),
      ),
    );
    expect(results.filter((r) => !("value" in r) || !r.value.ok)).toEqual([]);
    const stored = await database.prisma.ballot.findMany({
      where: { roundId },
      select: { panelistId: true, storyId: true, score: true, version: true },
    });
    expect(stored).toHaveLength(crowd.length * storyIds.length);
    expect(new Set(stored.map((b) => `${b.panelistId}/${b.storyId}`)).size).toBe(stored.length);
    // Each ballot holds one of its panelist's three submissions, and its history the others it replaced.
    const scores = new Map(crowd.map((user, i) => [user.id, i]));
    for (const ballot of stored) {
      const i = scores.get(ballot.panelistId)!;
      const j = storyIds.indexOf(ballot.storyId);
      expect([0, 1, 2].map((attempt) => ((i + j + attempt) % 5) + 1)).toContain(ballot.score);
    }
    expect(await database.prisma.ballotRevision.count({ where: { ballot: { roundId } } })).toBe(
      stored.reduce((sum, b) => sum + b.version - 1, 0),
    );
    expect(await rounds.closeRound({ ...lead(), roundId, expectedVersion: 2 })).toEqual({
      ok: true,
      ballots: stored.length,
    });
    const tally = await (
      await import("@/lib/selection/data")
    ).loadTally(database.prisma, { id: roundId, method: "SCORING", selectCount: 1 }, world.evaluationId, storyIds);
    expect(tally.voters).toBe(crowd.length);
  }, 180_000);
});

describe("two people moving the same story", () => {
  it("end with one step and one audit event", async () => {
    const [storyId] = await addScreenedStories(database.prisma, world, world.domainId, 1);
    const { moveStory } = await import("@/lib/stories/stage-mutations");
    const move = () =>
      settle(
        moveStory({
          actorId: world.lead.id,
          roles: ["LEAD"],
          evaluationId: world.evaluationId,
          storyId: storyId!,
          from: "SCREENED",
          to: "DRAFT",
          comment: "Falta una fuente.",
        }),
      );
    const results = await Promise.all([move(), move()]);
    expect(results.filter((r) => "value" in r && r.value.ok)).toHaveLength(1);
    expect(results.filter((r) => "error" in r)).toMatchObject([{ error: { code: "CONFLICT" } }]);
    expect(await database.prisma.auditEvent.count({ where: { action: "story.stage", recordId: storyId! } })).toBe(1);
  });

  it("two leads opening rounds that share a story: one opens, the other moves nothing", async () => {
    const storyIds = await addScreenedStories(database.prisma, world, world.domainId, 1);
    const panel = await rounds.createPanel({
      ...lead(),
      name: "P",
      level: "DOMAIN",
      domainId: world.domainId,
      memberIds: [world.panelists[0]!.id],
    });
    if (!panel.ok) throw new Error("panel");
    const make = async () => {
      const r = await rounds.createRound({
        ...lead(),
        panelId: panel.panelId,
        name: "R",
        method: "APPROVAL",
        scoreScaleMax: null,
        selectCount: null,
        deadline: inDays(1),
        resultsHiddenUntilClosed: true,
        storyIds,
      });
      if (!r.ok) throw new Error("round");
      return r.roundId;
    };
    const [r1, r2] = [await make(), await make()];
    const results = await Promise.all(
      [r1, r2].map((roundId) => settle(rounds.openRound({ ...lead(), roundId, expectedVersion: 1 }))),
    );
    expect(results.filter((r) => "value" in r && r.value.ok)).toHaveLength(1);
    const statuses = await database.prisma.selectionRound.findMany({
      where: { id: { in: [r1, r2] } },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status).sort()).toEqual(["DRAFT", "OPEN"]);
    expect(await database.prisma.auditEvent.count({ where: { action: "story.stage", recordId: storyIds[0]! } })).toBe(
      1,
    );
  });
});
