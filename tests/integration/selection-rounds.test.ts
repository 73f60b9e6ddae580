/**
 * Panels, rounds, ballots and decisions against a real PostgreSQL: rows and audit events, the
 * story's steps taken by rounds (through the one table), conflict of interest, deadlines, hidden
 * results, reminders and portfolio rounds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { addScreenedStories, createSelectionWorld, type SelectionWorld } from "./selection-world";
import { inDays, newId } from "@/tests/factories/ids";

let database: TestDatabase;
let world: SelectionWorld;
let rounds: typeof import("@/lib/selection/round-mutations");
let ballots: typeof import("@/lib/selection/ballot-mutations");
let data: typeof import("@/lib/selection/data");
let reminders: typeof import("@/lib/selection/reminder-mutations");

const events = (action: string, recordId?: string) =>
  database.prisma.auditEvent.findMany({
    where: { evaluationId: world.evaluationId, action, ...(recordId ? { recordId } : {}) },
    orderBy: { sequence: "asc" },
  });
const stageOf = async (id: string) => (await database.prisma.changeStory.findUniqueOrThrow({ where: { id } })).stage;
const versionOf = async (id: string) =>
  (await database.prisma.selectionRound.findUniqueOrThrow({ where: { id } })).version;
const lead = () => ({ actorId: world.lead.id, evaluationId: world.evaluationId });

async function panel(level: "DOMAIN" | "PORTFOLIO" = "DOMAIN") {
  const result = await rounds.createPanel({
    ...lead(),
    name: `Panel ${level}`,
    level,
    domainId: level === "DOMAIN" ? world.domainId : null,
    memberIds: world.panelists.map((p) => p.id),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.panelId;
}

async function round(panelId: string, method: "RANKING" | "SCORING" | "APPROVAL" = "RANKING", storyIds: string[] = []) {
  const result = await rounds.createRound({
    ...lead(),
    panelId,
    name: `Round ${method}`,
    method,
    scoreScaleMax: method === "SCORING" ? 5 : null,
    selectCount: 1,
    deadline: inDays(7),
    resultsHiddenUntilClosed: true,
    storyIds,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.roundId;
}

async function openedRound(method: "RANKING" | "SCORING" | "APPROVAL" = "RANKING", count = 3) {
  const storyIds = await addScreenedStories(database.prisma, world, world.domainId, count);
  const roundId = await round(await panel(), method, storyIds);
  expect(await rounds.openRound({ ...lead(), roundId, expectedVersion: 1 })).toEqual({ ok: true });
  return { roundId, storyIds };
}

const reason = "Es el cambio que más transformó la vida de las trabajadoras.";
const cast = (
  panelistId: string,
  roundId: string,
  votes: Array<{ storyId: string; rank?: number; score?: number; approved?: boolean; reason?: string }>,
  now?: Date,
) =>
  ballots.castBallots({
    actorId: panelistId,
    evaluationId: world.evaluationId,
    roundId,
    votes: votes.map((v) => ({ reason, rank: null, score: null, approved: null, ...v })),
    now,
  });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [rounds, ballots, data, reminders] = await Promise.all([
    import("@/lib/selection/round-mutations"),
    import("@/lib/selection/ballot-mutations"),
    import("@/lib/selection/data"),
    import("@/lib/selection/reminder-mutations"),
  ]);
  world = await createSelectionWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("panels", () => {
  it("seats only members with the panelist role, and audits the panel", async () => {
    const refused = await rounds.createPanel({
      ...lead(),
      name: "Mixed",
      level: "DOMAIN",
      domainId: world.domainId,
      memberIds: [world.team.members.evaluator!.id],
    });
    expect(refused).toMatchObject({ ok: false, reason: "NOT_A_PANELIST" });
    const panelId = await panel();
    expect(await database.prisma.panelMember.count({ where: { panelId } })).toBe(3);
    expect((await events("selection.panel.create", panelId)).length).toBe(1);
  });
});

describe("a domain round from creation to decision", () => {
  it("takes the screened stories of the panel's domain, moves them through the table, tallies and decides", async () => {
    const panelId = await panel();
    const roundId = await round(panelId);
    const candidates = await database.prisma.roundCandidate.findMany({ where: { roundId }, select: { storyId: true } });
    expect(candidates.map((c) => c.storyId).sort()).toEqual([...world.storyIds].sort());
    expect((await events("selection.round.create", roundId)).length).toBe(1);

    expect(await rounds.openRound({ ...lead(), roundId, expectedVersion: 1 })).toEqual({ ok: true });
    for (const id of world.storyIds) expect(await stageOf(id)).toBe("IN_SELECTION");
    const moved = await events("story.stage");
    expect(moved.filter((e) => (e.after as { roundId?: string }).roundId === roundId)).toHaveLength(3);
    // Opened already: the same version is now stale.
    await expect(rounds.openRound({ ...lead(), roundId, expectedVersion: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const [a, b, c] = world.storyIds as [string, string, string];
    const [p1, p2, p3] = world.panelists;
    expect(
      await cast(p1!.id, roundId, [
        { storyId: a, rank: 1 },
        { storyId: b, rank: 2 },
        { storyId: c, rank: 3 },
      ]),
    ).toMatchObject({ ok: true, saved: 3 });
    expect(
      await cast(p2!.id, roundId, [
        { storyId: b, rank: 1 },
        { storyId: a, rank: 2 },
        { storyId: c, rank: 3 },
      ]),
    ).toMatchObject({ ok: true });
    // Changing a vote keeps the earlier version.
    expect(
      await cast(p2!.id, roundId, [
        { storyId: a, rank: 1 },
        { storyId: b, rank: 2 },
        { storyId: c, rank: 3 },
      ]),
    ).toMatchObject({ ok: true, saved: 2, unchanged: 1 });
    const revised = await database.prisma.ballot.findFirstOrThrow({
      where: { roundId, panelistId: p2!.id, storyId: a },
      include: { revisions: true },
    });
    expect(revised).toMatchObject({ rank: 1, version: 2 });
    expect(revised.revisions).toMatchObject([{ version: 1, rank: 2 }]);
    // Duplicate ranks are refused and leave nothing behind.
    expect(
      await cast(p3!.id, roundId, [
        { storyId: a, rank: 1 },
        { storyId: b, rank: 1 },
        { storyId: c, rank: 3 },
      ]),
    ).toMatchObject({ ok: false, reason: "RANKS_NOT_DISTINCT" });
    expect(await database.prisma.ballot.count({ where: { roundId, panelistId: p3!.id } })).toBe(0);

    expect(await data.listVoterIds(world.evaluationId, roundId)).toEqual(new Set([p1!.id, p2!.id]));
    expect(
      await reminders.recordReminder({ ...lead(), roundId, text: "Por favor vota.", channel: "COPIED_BY_LEAD" }),
    ).toMatchObject({ ok: true, recipients: [{ id: p3!.id }] });
    expect((await events("selection.round.remind", roundId))[0]!.after).toMatchObject({ panelistIds: [p3!.id] });

    // A decision before the close is refused.
    const thanks = (language: string, text: string) => [a, b, c].map((storyId) => ({ storyId, language, text }));
    await expect(
      rounds.recordDecision({
        ...lead(),
        roundId,
        expectedVersion: 2,
        selected: [{ storyId: a, reason }],
        dissent: null,
        feedback: thanks("es", "Gracias."),
      }),
    ).resolves.toMatchObject({ ok: false, reason: "WRONG_STATUS" });

    expect(await rounds.closeRound({ ...lead(), roundId, expectedVersion: 2 })).toEqual({ ok: true, ballots: 6 });
    const closeEvent = (await events("selection.round.close", roundId))[0]!;
    expect(closeEvent.after).toMatchObject({
      status: "CLOSED",
      ballots: 6,
      voters: 2,
      ballotDigest: (await rounds.ballotDigest(database.prisma, world.evaluationId, roundId)).digest,
    });
    const tally = await data.loadTally(
      database.prisma,
      { id: roundId, method: "RANKING", selectCount: 1 },
      world.evaluationId,
      world.storyIds,
    );
    expect(tally.rows.map((r) => [r.storyId, r.value])).toEqual([
      [a, 4],
      [b, 2],
      [c, 0],
    ]);
    expect(
      await cast(p3!.id, roundId, [
        { storyId: a, rank: 1 },
        { storyId: b, rank: 2 },
        { storyId: c, rank: 3 },
      ]),
    ).toMatchObject({ ok: false, reason: "ROUND_NOT_OPEN" });

    // Every storyteller hears back: a candidate left without feedback, or feedback on a story off
    // the round, refuses the whole decision.
    const decide = (feedback: Array<{ storyId: string; language: string; text: string }>) =>
      rounds.recordDecision({
        ...lead(),
        roundId,
        expectedVersion: 3,
        selected: [{ storyId: a, reason, reasonTranslation: "The panel valued the change." }],
        dissent: "Una persona prefería la historia B.",
        feedback,
      });
    expect(await decide(thanks("es", "Gracias.").slice(0, 2))).toEqual({
      ok: false,
      reason: "FEEDBACK_MISSING",
      field: "feedback",
    });
    expect(await decide([...thanks("es", "Gracias."), { storyId: newId(), language: "es", text: "¿Quién?" }])).toEqual({
      ok: false,
      reason: "NOT_A_CANDIDATE",
      field: "feedback",
    });
    expect(await stageOf(a)).toBe("IN_SELECTION");
    expect(await database.prisma.selectionDecision.count({ where: { roundId } })).toBe(0);

    const feedback = [
      { storyId: a, language: "es", text: "Su historia fue seleccionada: el panel valoró el cambio en la asamblea." },
      { storyId: b, language: "nah", text: "Tlazohcamati. Amo otikpehpenkeh, ye kualli." },
      { storyId: c, language: "es", text: "Gracias; el panel eligió otra historia que mostraba un cambio más amplio." },
    ];
    const decided = await decide(feedback);
    expect(decided).toMatchObject({ ok: true });
    expect(await stageOf(a)).toBe("SELECTED");
    expect(await stageOf(b)).toBe("NOT_SELECTED");
    expect(await stageOf(c)).toBe("NOT_SELECTED");
    expect(await database.prisma.changeStory.count({ where: { id: { in: world.storyIds } } })).toBe(3); // kept
    expect((await events("selection.round.decide", roundId)).length).toBe(1);
    const decision = await database.prisma.selectionDecision.findFirstOrThrow({
      where: { roundId },
      include: { selectedStories: true, feedback: { orderBy: { text: "asc" } } },
    });
    // The reasons' translation is recorded as the lead's, who recorded the decision (decision 0038), and audited with it.
    expect(decision).toMatchObject({
      dissent: "Una persona prefería la historia B.",
      selectedStories: [
        { storyId: a, reason, reasonTranslation: "The panel valued the change.", translatedById: lead().actorId },
      ],
    });
    expect(decision.selectedStories[0]!.translatedAt).not.toBeNull();
    expect((await events("selection.round.decide", roundId))[0]!.after).toMatchObject({
      selected: [{ storyId: a, reasonTranslation: "The panel valued the change." }],
    });
    // The stories not selected are kept with their own feedback, in their storytellers' language.
    expect(
      decision.feedback
        .map(({ storyId, language, text }) => ({ storyId, language, text }))
        .sort((x, y) => x.text.localeCompare(y.text)),
    ).toEqual([...feedback].sort((x, y) => x.text.localeCompare(y.text)));
    expect((await events("selection.round.decide", roundId))[0]!.after).toMatchObject({
      feedback: expect.arrayContaining([expect.objectContaining({ storyId: b, language: "nah" })]),
    });
  });
});

describe("ballots", () => {
  it("are refused to panelists off the panel, after the deadline, off the candidates, and outside the method", async () => {
    const { roundId, storyIds } = await openedRound("SCORING");
    const outsider = world.team.members.analyst!;
    await expect(cast(outsider.id, roundId, [{ storyId: storyIds[0]!, score: 3 }])).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const p = world.panelists[0]!.id;
    expect(await cast(p, roundId, [{ storyId: storyIds[0]!, score: 3 }], inDays(30))).toMatchObject({
      ok: false,
      reason: "DEADLINE_PASSED",
    });
    expect(await cast(p, roundId, [{ storyId: world.storyIds[0]!, score: 3 }])).toMatchObject({
      ok: false,
      reason: "NOT_A_CANDIDATE",
    });
    expect(await cast(p, roundId, [{ storyId: storyIds[0]!, score: 6 }])).toMatchObject({
      ok: false,
      reason: "VOTE_DOES_NOT_FIT",
    });
    expect(await cast(p, roundId, [{ storyId: storyIds[0]!, rank: 1 }])).toMatchObject({
      ok: false,
      reason: "VOTE_DOES_NOT_FIT",
    });
    expect(await database.prisma.ballot.count({ where: { roundId } })).toBe(0);
  });

  it("are refused to a panelist who wrote the story or interviewed for it (conflict of interest)", async () => {
    const { roundId, storyIds } = await openedRound("APPROVAL");
    const [writer, interviewer] = world.panelists;
    await database.prisma.changeStory.update({ where: { id: storyIds[0]! }, data: { authorId: writer!.id } });
    await database.prisma.interviewInterviewer.create({
      data: { evaluationId: world.evaluationId, interviewId: world.interview.id, userId: interviewer!.id },
    });
    await database.prisma.storySource.create({
      data: { evaluationId: world.evaluationId, storyId: storyIds[1]!, interviewId: world.interview.id },
    });
    const conflicts = await data.loadConflicts(database.prisma, world.evaluationId, interviewer!.id, storyIds);
    expect([...conflicts]).toEqual([[storyIds[1], "COLLECTED"]]);
    expect([...(await data.loadConflicts(database.prisma, world.evaluationId, writer!.id, storyIds))]).toEqual([
      [storyIds[0], "WROTE"],
    ]);
    expect(await cast(writer!.id, roundId, [{ storyId: storyIds[0]!, approved: true }])).toMatchObject({
      ok: false,
      reason: "CONFLICT_OF_INTEREST",
    });
    expect(await cast(interviewer!.id, roundId, [{ storyId: storyIds[1]!, approved: false }])).toMatchObject({
      ok: false,
      reason: "CONFLICT_OF_INTEREST",
    });
    expect(await cast(interviewer!.id, roundId, [{ storyId: storyIds[0]!, approved: true }])).toMatchObject({
      ok: true,
    });
  });
});

describe("who sees what", () => {
  it("lists a round only to the panelists who sit on it, and to leads", async () => {
    const { roundId } = await openedRound();
    const other = world.team.members.analyst!;
    await database.prisma.evaluationMember.updateMany({
      where: { evaluationId: world.evaluationId, userId: other.id },
      data: { roles: ["ANALYST", "PANELIST"] },
    });
    const seen = async (userId: string, manages: boolean) =>
      (await data.listRounds(world.evaluationId, { userId, manages })).map((r) => r.id);
    expect(await seen(world.panelists[0]!.id, false)).toContain(roundId);
    expect(await seen(other.id, false)).not.toContain(roundId);
    expect(await seen(world.lead.id, true)).toContain(roundId);
  });
});

describe("cancelling", () => {
  it("hands an open round's stories back to screening through the table, keeping the ballots", async () => {
    const { roundId, storyIds } = await openedRound("APPROVAL", 2);
    expect(await cast(world.panelists[0]!.id, roundId, [{ storyId: storyIds[0]!, approved: true }])).toMatchObject({
      ok: true,
    });
    expect(await rounds.cancelRound({ ...lead(), roundId, expectedVersion: 2 })).toEqual({ ok: true });
    for (const id of storyIds) expect(await stageOf(id)).toBe("SCREENED");
    expect(await database.prisma.ballot.count({ where: { roundId } })).toBe(1);
    const back = (await events("story.stage")).filter(
      (e) =>
        (e.after as { roundId?: string; stage: string }).roundId === roundId &&
        (e.after as { stage: string }).stage === "SCREENED",
    );
    expect(back).toHaveLength(2);
    expect(await rounds.cancelRound({ ...lead(), roundId, expectedVersion: 3 })).toMatchObject({
      ok: false,
      reason: "WRONG_STATUS",
    });
  });

  it("refuses to open a round whose story another open round holds already, and writes nothing", async () => {
    const { storyIds } = await openedRound("APPROVAL", 1);
    const panelId = await panel();
    // The story is IN_SELECTION now, so a new round cannot take it...
    const refused = await rounds.createRound({
      ...lead(),
      panelId,
      name: "Second",
      method: "APPROVAL",
      scoreScaleMax: null,
      selectCount: null,
      deadline: inDays(7),
      resultsHiddenUntilClosed: true,
      storyIds,
    });
    expect(refused).toMatchObject({ ok: false, reason: "NOT_ELIGIBLE" });
  });
});

describe("a portfolio round", () => {
  it("takes the stories the domain rounds selected and does not move them", async () => {
    const selected = await database.prisma.selectedStory.findMany({
      where: { evaluationId: world.evaluationId },
      select: { storyId: true },
    });
    expect(selected.length).toBeGreaterThan(0);
    const roundId = await round(await panel("PORTFOLIO"), "APPROVAL");
    const candidates = await database.prisma.roundCandidate.findMany({ where: { roundId }, select: { storyId: true } });
    expect(candidates.map((c) => c.storyId).sort()).toEqual(selected.map((s) => s.storyId).sort());
    expect(await rounds.openRound({ ...lead(), roundId, expectedVersion: 1 })).toEqual({ ok: true });
    for (const { storyId } of selected) expect(await stageOf(storyId)).toBe("SELECTED");
  });
});

describe("the story's own steps", () => {
  it("refuses a round's step from the story page", async () => {
    const storyIds = await addScreenedStories(database.prisma, world, world.domainId, 1);
    const { moveStory } = await import("@/lib/stories/stage-mutations");
    const result = await moveStory({
      actorId: world.lead.id,
      roles: ["LEAD"],
      evaluationId: world.evaluationId,
      storyId: storyIds[0]!,
      from: "SCREENED",
      to: "IN_SELECTION",
    });
    expect(result).toEqual({ ok: false, reason: "ROUND_STEP" });
    expect(await stageOf(storyIds[0]!)).toBe("SCREENED");
  });

  it("takes a returned story back to revision, audited", async () => {
    const storyIds = await addScreenedStories(database.prisma, world, world.domainId, 1);
    await database.prisma.changeStory.update({ where: { id: storyIds[0]! }, data: { stage: "RETURNED" } });
    const { moveStory } = await import("@/lib/stories/stage-mutations");
    expect(
      await moveStory({
        actorId: world.team.members.evaluator!.id,
        roles: ["EVALUATOR"],
        evaluationId: world.evaluationId,
        storyId: storyIds[0]!,
        from: "RETURNED",
        to: "DRAFT",
      }),
    ).toEqual({ ok: true, stage: "DRAFT" });
    expect((await events("story.stage", storyIds[0]!)).map((e) => e.after)).toEqual([{ stage: "DRAFT" }]);
  });

  it("refuses to open a round when a candidate's storyteller withdrew, naming the story, and moves none", async () => {
    const storyIds = await addScreenedStories(database.prisma, world, world.domainId, 2);
    const roundId = await round(await panel(), "APPROVAL", storyIds);
    await database.prisma.storyTeller.updateMany({
      where: { storyId: storyIds[1]! },
      data: { respondentId: world.respondents.withdrawn.id },
    });
    const story = await database.prisma.changeStory.findUniqueOrThrow({ where: { id: storyIds[1]! } });
    const result = await rounds.openRound({ ...lead(), roundId, expectedVersion: 1 });
    expect(result).toMatchObject({
      ok: false,
      reason: "STORY_BLOCKED",
      story: story.code,
      blockers: [{ code: "CONSENT_WITHDRAWN" }],
    });
    expect(await stageOf(storyIds[0]!)).toBe("SCREENED");
    expect(await versionOf(roundId)).toBe(1);
  });
});

describe("a sheet sent in parts: new ballots go in at once, earlier ones take the change path", () => {
  const ballotsOf = (roundId: string, panelistId: string) =>
    database.prisma.ballot.findMany({
      where: { roundId, panelistId },
      include: { revisions: true },
      orderBy: { storyId: "asc" },
    });

  it("refuses a new ballot whose rank an earlier ballot holds, and saves nothing of that sheet", async () => {
    const { roundId, storyIds } = await openedRound("RANKING");
    const [a, b, c] = storyIds as [string, string, string];
    const panelist = world.panelists[0]!.id;
    const before = Date.now();
    expect(await cast(panelist, roundId, [{ storyId: a, rank: 1 }])).toEqual({ ok: true, saved: 1, unchanged: 0 });
    const [first] = await ballotsOf(roundId, panelist);
    // Written in SQL: the same instants, in UTC, as the app's other writes.
    expect(first!.createdAt.getTime()).toBe(first!.updatedAt.getTime());
    expect(first!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(first!.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(first).toMatchObject({ storyId: a, rank: 1, score: null, approved: null, version: 1, reason });

    expect(
      await cast(panelist, roundId, [
        { storyId: b, rank: 1 },
        { storyId: c, rank: 2 },
      ]),
    ).toMatchObject({ ok: false, reason: "RANKS_NOT_DISTINCT" });
    expect((await ballotsOf(roundId, panelist)).map((ballot) => [ballot.storyId, ballot.rank])).toEqual([[a, 1]]);

    // A change of the earlier ballot and two new ones in one sheet: one revision, two inserts.
    expect(
      await cast(panelist, roundId, [
        { storyId: a, rank: 3 },
        { storyId: b, rank: 1 },
        { storyId: c, rank: 2 },
      ]),
    ).toEqual({ ok: true, saved: 3, unchanged: 0 });
    const saved = await ballotsOf(roundId, panelist);
    expect(saved.map((ballot) => [ballot.storyId, ballot.rank, ballot.version, ballot.revisions.length])).toEqual(
      [
        [a, 3, 2, 1],
        [b, 1, 1, 0],
        [c, 2, 1, 0],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(saved.find((ballot) => ballot.storyId === a)!.revisions).toMatchObject([{ version: 1, rank: 1 }]);
  });

  it("refuses a sheet that names one story twice, and saves nothing of it", async () => {
    const { roundId, storyIds } = await openedRound("SCORING");
    const panelist = world.panelists[1]!.id;
    expect(
      await cast(panelist, roundId, [
        { storyId: storyIds[0]!, score: 2 },
        { storyId: storyIds[0]!, score: 3 },
      ]),
    ).toMatchObject({ ok: false, reason: "VOTE_DOES_NOT_FIT" });
    expect(await database.prisma.ballot.count({ where: { roundId, panelistId: panelist } })).toBe(0);
  });

  it("saves an approval sheet's booleans as they were sent", async () => {
    const { roundId, storyIds } = await openedRound("APPROVAL");
    const panelist = world.panelists[2]!.id;
    expect(
      await cast(panelist, roundId, [
        { storyId: storyIds[0]!, approved: true },
        { storyId: storyIds[1]!, approved: false },
      ]),
    ).toEqual({ ok: true, saved: 2, unchanged: 0 });
    const saved = await database.prisma.ballot.findMany({ where: { roundId, panelistId: panelist } });
    expect(new Map(saved.map((ballot) => [ballot.storyId, ballot.approved]))).toEqual(
      new Map([
        [storyIds[0]!, true],
        [storyIds[1]!, false],
      ]),
    );
    expect(saved.every((ballot) => ballot.rank === null && ballot.score === null)).toBe(true);
  });
});
