/**
 * The selection loaders against a real PostgreSQL: who gets null, and what a panelist's round
 * view holds before and after results may be seen (no tally, no other panelist's reason, no
 * addresses until then), with the ballot form closing at the deadline instant itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";
import { addScreenedStories, createSelectionWorld, type SelectionWorld } from "./selection-world";

let database: TestDatabase;
let world: SelectionWorld;
let rounds: typeof import("@/lib/selection/round-mutations");
let ballots: typeof import("@/lib/selection/ballot-mutations");
let loaders: typeof import("@/lib/selection/loaders");

const lead = () => ({ actorId: world.lead.id, evaluationId: world.evaluationId });
const REASONS = ["Razón secreta de la segunda panelista.", "Razón secreta del tercer panelista."];
const OWN_REASON = "Mi propia razón, que sí puedo ver.";
let deadline: Date;
let roundId: string;
let storyIds: string[];

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [rounds, ballots, loaders] = await Promise.all([
    import("@/lib/selection/round-mutations"),
    import("@/lib/selection/ballot-mutations"),
    import("@/lib/selection/loaders"),
  ]);
  world = await createSelectionWorld(database.prisma, { panelists: 5 });
  // The fourth panelist sits on the panel and has not voted; the fifth holds the role but sits on no panel.
  const seated = world.panelists.slice(0, 4);
  const panel = await rounds.createPanel({
    ...lead(),
    name: "Panel",
    level: "DOMAIN",
    domainId: world.domainId,
    memberIds: seated.map((p) => p.id),
  });
  if (!panel.ok) throw new Error(JSON.stringify(panel));
  storyIds = await addScreenedStories(database.prisma, world, world.domainId, 2);
  deadline = inDays(7);
  const created = await rounds.createRound({
    ...lead(),
    panelId: panel.panelId,
    name: "Ronda oculta",
    method: "APPROVAL",
    scoreScaleMax: null,
    selectCount: 1,
    deadline,
    resultsHiddenUntilClosed: true,
    storyIds,
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  roundId = created.roundId;
  expect(await rounds.openRound({ ...lead(), roundId, expectedVersion: 1 })).toEqual({ ok: true });
  for (const [index, panelist] of seated.slice(0, 3).entries()) {
    const reason = index === 0 ? OWN_REASON : REASONS[index - 1]!;
    const cast = await ballots.castBallots({
      actorId: panelist.id,
      evaluationId: world.evaluationId,
      roundId,
      votes: [{ storyId: storyIds[0]!, rank: null, score: null, approved: true, reason }],
    });
    expect(cast).toMatchObject({ ok: true });
  }
});

afterAll(async () => {
  await database?.close();
});

describe("the selection page", () => {
  it("is null for an outsider, a member without a selection permission, and no reader", async () => {
    for (const user of [
      world.team.outsider,
      world.team.members.evaluator!,
      world.team.members.reviewer!,
      world.team.members.analyst!,
    ]) {
      expect(await loaders.loadSelectionPage(world.evaluationId, readerOf(user))).toBeNull();
    }
    expect(await loaders.loadSelectionPage(world.evaluationId, null)).toBeNull();
  });

  it("gives the lead every round and the setup, a panelist only their panels' rounds", async () => {
    const asLead = (await loaders.loadSelectionPage(world.evaluationId, readerOf(world.lead)))!;
    expect(asLead.rounds.map((round) => round.id)).toContain(roundId);
    expect(asLead.setup?.panels.length).toBe(1);
    expect(asLead.setup?.panelists.map((p) => p.id).sort()).toEqual(world.panelists.map((p) => p.id).sort());
    const seated = (await loaders.loadSelectionPage(world.evaluationId, readerOf(world.panelists[0]!)))!;
    expect(seated).toMatchObject({ manages: false, setup: null });
    expect(seated.rounds.map((round) => round.id)).toEqual([roundId]);
    const unseated = (await loaders.loadSelectionPage(world.evaluationId, readerOf(world.panelists[4]!)))!;
    expect(unseated.rounds).toEqual([]);
  });
});

describe("a round", () => {
  it("is null for an outsider, a member without a selection permission, and a panelist not on its panel", async () => {
    for (const user of [
      world.team.outsider,
      world.team.members.evaluator!,
      world.team.members.reviewer!,
      world.panelists[4]!,
    ]) {
      expect(await loaders.loadRoundPage(world.evaluationId, roundId, readerOf(user))).toBeNull();
    }
    expect(await loaders.loadRoundPage(world.evaluationId, "no-such-round", readerOf(world.lead))).toBeNull();
  });

  it("holds no tally, no other panelist's reason and no address for a panelist before results are visible", async () => {
    const view = (await loaders.loadRoundPage(world.evaluationId, roundId, readerOf(world.panelists[0]!)))!;
    expect(view).toMatchObject({
      sits: true,
      manages: false,
      canVote: true,
      results: null,
      decision: null,
      reminder: null,
    });
    const held = JSON.stringify(view);
    for (const reason of REASONS) expect(held).not.toContain(reason);
    expect(held).toContain(OWN_REASON);
    for (const panelist of world.panelists) expect(held).not.toContain(panelist.email);
    expect(view.voterIds.size).toBe(3);
  });

  it("holds them from the lead too while hidden (nobody steers the vote), and gives the lead the reminder", async () => {
    const view = (await loaders.loadRoundPage(world.evaluationId, roundId, readerOf(world.lead)))!;
    expect(view).toMatchObject({ manages: true, sits: false, canVote: false, results: null, ownBallots: [] });
    for (const reason of REASONS) expect(JSON.stringify(view)).not.toContain(reason);
    const silent = world.panelists[3]!;
    expect(view.reminder?.recipients).toEqual([{ name: silent.name, email: silent.email }]);
    expect(
      (await loaders.loadRoundPage(world.evaluationId, roundId, readerOf(world.lead), deadline))!.reminder,
    ).toBeNull();
  });

  it("stops taking ballots, and reminders, at the deadline instant itself", async () => {
    const before = (await loaders.loadRoundPage(
      world.evaluationId,
      roundId,
      readerOf(world.panelists[0]!),
      new Date(deadline.getTime() - 1),
    ))!;
    const at = (await loaders.loadRoundPage(world.evaluationId, roundId, readerOf(world.panelists[0]!), deadline))!;
    expect(before.canVote).toBe(true);
    expect(at.canVote).toBe(false);
    const refused = await ballots.castBallots({
      actorId: world.panelists[0]!.id,
      evaluationId: world.evaluationId,
      roundId,
      votes: [{ storyId: storyIds[1]!, rank: null, score: null, approved: false, reason: "Tarde." }],
      now: deadline,
    });
    expect(refused).toMatchObject({ ok: false, reason: "DEADLINE_PASSED" });
  });

  it("shows the tally and every reason once closed, and the decision's languages to the lead alone", async () => {
    const version = (await database.prisma.selectionRound.findUniqueOrThrow({ where: { id: roundId } })).version;
    expect(await rounds.closeRound({ ...lead(), roundId, expectedVersion: version })).toMatchObject({ ok: true });
    const view = (await loaders.loadRoundPage(world.evaluationId, roundId, readerOf(world.panelists[0]!)))!;
    expect(view.canVote).toBe(false);
    expect(view.results?.tally.voters).toBe(3);
    expect(view.results?.reasons.map((row) => row.reason).sort()).toEqual([OWN_REASON, ...REASONS].sort());
    expect(view.decision).toBeNull();
    const asLead = (await loaders.loadRoundPage(world.evaluationId, roundId, readerOf(world.lead)))!;
    expect(asLead.decision?.storytellerLanguages.get(storyIds[0]!)).toBeDefined();
    expect(asLead.results).not.toBeNull();
  });
});
