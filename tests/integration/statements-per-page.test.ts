/**
 * How many SQL statements the busiest pages' loaders send, counted with Prisma's query events on a
 * real database (decision 0046). A page's budget is 8 statements; the session takes one of them
 * (lib/auth/current-user.ts), so the loaders get the rest. The session's read also brings the
 * signed-in member's roles in each evaluation, so their access check sends none: the loaders are
 * called with the user as the session hands them over. A story with everything
 * (storytellers, a transcript passage as source, places, sectors, a step on its path) used to
 * cost 20 statements for the story alone, one per relation: with relation joins it is two (the
 * figures apart). A round page (a panelist's ballot of every candidate, or the lead's tally,
 * reasons and decision form) is held to the same budget.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createStoryWorld, inDays, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { addScreenedStories, createSelectionWorld, type SelectionWorld } from "./selection-world";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { newStory, STORY_LIST_FIRST_PAGE } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let counting: PrismaClient;
let statements = 0;
let storyId: string;
let stories: typeof import("@/lib/stories/loaders");
let frames: typeof import("@/lib/fieldwork/list-loaders");

async function countStatements(call: () => Promise<unknown>): Promise<{ count: number; result: unknown }> {
  statements = 0;
  const result = await call();
  return { count: statements, result };
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  // The app's own client (lib/db.ts takes the one already there), with an event per statement.
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", () => {
    statements += 1;
  });
  counting = client;
  (globalThis as unknown as { prisma?: PrismaClient }).prisma = counting;
  [stories, frames] = await Promise.all([import("@/lib/stories/loaders"), import("@/lib/fieldwork/list-loaders")]);
  const moves = await import("@/lib/stories/stage-mutations");
  world = await createStoryWorld(database.prisma);
  const evaluator = world.team.members.evaluator!;
  storyId = await newStory(world, {
    title: "Votamos en secreto",
    storytellerIds: [world.respondents.consenting.id, world.respondents.alsoConsenting.id],
    sources: [
      { kind: "EXCERPT", id: world.excerpt.id },
      { kind: "FOCUS_GROUP", id: world.focusGroup.id },
    ],
    placeIds: world.places.map((place) => place.id),
    sectorIds: world.sectors.map((sector) => sector.id),
  });
  const moved = await moves.moveStory({
    actorId: evaluator.id,
    roles: ["EVALUATOR"],
    evaluationId: world.evaluationId,
    storyId,
    from: "DRAFT",
    to: "SUBMITTED",
  });
  if (!moved.ok) throw new Error(moved.reason);
});

afterAll(async () => {
  delete (globalThis as unknown as { prisma?: PrismaClient }).prisma;
  await counting?.$disconnect();
  await database?.close();
});

/** The user as the session's read hands them to a page: their memberships come with them. */
async function signedIn(userId: string): Promise<CurrentUser> {
  const { resolveCurrentUser } = await import("@/lib/auth/current-user");
  const session = await database.prisma.userSession.create({
    data: { userId, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  const user = await resolveCurrentUser({ sessionId: session.id, userId });
  if (!user?.memberships) throw new Error("not signed in");
  return user;
}

let signedInLead: CurrentUser;
const lead = (): CurrentUser => signedInLead;

describe("statements per page", () => {
  beforeAll(async () => {
    signedInLead = await signedIn(world.team.members.lead.id);
  });

  it("checks a signed-in member's access with no statement, an administrator's with one", async () => {
    const { evaluationAccess } = await import("@/lib/evaluations/access");
    const member = await countStatements(() => evaluationAccess(world.evaluationId, lead()));
    expect((member.result as { roles: string[] } | null)?.roles).toContain("LEAD");
    expect(member.count).toBe(0);
    // The same user built by a script (no memberships carried) is looked up.
    const { id, isAdmin } = lead();
    const looked = await countStatements(() => evaluationAccess(world.evaluationId, { id, isAdmin }));
    expect((looked.result as { roles: string[] } | null)?.roles).toContain("LEAD");
    expect(looked.count).toBe(1);
    // An administrator may see any evaluation: whether this one exists is still asked.
    const admin = await database.prisma.user.create({
      data: { email: `admin-${Date.now()}@test.example`, name: "Admin", isAdmin: true },
    });
    const asAdmin = await countStatements(async () => evaluationAccess(world.evaluationId, await signedIn(admin.id)));
    expect((asAdmin.result as { roles: string[] } | null)?.roles).toEqual(["ADMIN"]);
    expect(asAdmin.count).toBe(2); // the session, then the evaluation
  });

  it("asks who is signed in, and whether two-factor set-up is owed, in one statement", async () => {
    const { resolveCurrentUser } = await import("@/lib/auth/current-user");
    const lead = world.team.members.lead;
    const session = await database.prisma.userSession.create({
      data: { userId: lead.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await database.prisma.installationSettings.upsert({
      where: { id: 1 },
      create: { id: 1, requireTwoFactorForIdentityRoles: true },
      update: { requireTwoFactorForIdentityRoles: true },
    });
    try {
      const { count, result } = await countStatements(() =>
        resolveCurrentUser({ sessionId: session.id, userId: lead.id }),
      );
      // A lead without two-factor sign-in, where the installation requires it: set-up is owed.
      expect(result).toMatchObject({ id: lead.id, needsTwoFactorEnrolment: true });
      expect(count).toBe(1);
    } finally {
      await database.prisma.installationSettings.update({
        where: { id: 1 },
        data: { requireTwoFactorForIdentityRoles: false },
      });
    }
  });

  it("reads the story page, story and all, in at most 6 statements beside the session's", async () => {
    const { count, result } = await countStatements(() => stories.loadStoryPage(world.evaluationId, storyId, lead()));
    const view = result as Awaited<ReturnType<typeof stories.loadStoryPage>>;
    // The view is whole: storytellers, both sources with the passage's words, the places, the step taken.
    expect(view?.story.snapshot.storytellers).toHaveLength(2);
    expect(view?.story.snapshot.sources).toHaveLength(2);
    expect(view?.story.snapshot.places).toHaveLength(2);
    expect(view?.excerptQuotes?.get(world.excerpt.id)).toBe("Votamos en secreto por primera vez.");
    expect(view?.history).toEqual([
      expect.objectContaining({ from: "DRAFT", to: "SUBMITTED", actorName: "Test evaluator" }),
    ]);
    // At once the story (with the passages it quotes) and its figures (read apart: their Decimal
    // values lose digits as JSON), then at once its assignments, the domains to assign from (a
    // lead at this stage), its path's facts and its history with the actors' names.
    expect(count).toBeLessThanOrEqual(6);
  });

  it("reads a list page's frame and rows in at most 3 statements beside the session's", async () => {
    const { count, result } = await countStatements(async () => {
      const frame = await frames.loadListFrame(world.evaluationId, lead(), "story.view", "story.edit");
      const page = await stories.loadStoryList(world.evaluationId, lead(), STORY_LIST_FIRST_PAGE);
      return { frame, page };
    });
    const { frame, page } = result as {
      frame: Awaited<ReturnType<typeof frames.loadListFrame>>;
      page: Awaited<ReturnType<typeof stories.loadStoryList>>;
    };
    expect(frame?.evaluation.domains).toHaveLength(3);
    expect(frame?.evaluation.states.map((place) => place.state).sort()).toEqual(["Coahuila", "Oaxaca"]);
    expect(page?.rows.map((row) => row.id)).toEqual([storyId]);
    // The frame, the count and the rows; the access (asked twice) sends none.
    expect(count).toBeLessThanOrEqual(3);
  });
});

describe("statements per round page", () => {
  let selection: SelectionWorld;
  let rounds: typeof import("@/lib/selection/loaders");
  let openRoundId: string;
  let closedRoundId: string;

  beforeAll(async () => {
    const [mutations, ballots] = await Promise.all([
      import("@/lib/selection/round-mutations"),
      import("@/lib/selection/ballot-mutations"),
    ]);
    rounds = await import("@/lib/selection/loaders");
    selection = await createSelectionWorld(database.prisma, { stories: 4, panelists: 3 });
    const { evaluationId, panelists } = selection;
    // A story is a candidate of one round at a time: each round gets its own four.
    const candidates = [
      selection.storyIds,
      await addScreenedStories(database.prisma, selection, selection.domainId, 4),
    ];
    const storyIds = candidates.flat();
    const actor = { actorId: selection.lead.id, evaluationId };
    // Each candidate carries figures (read apart, decision 0046) and a place, as on the ballot.
    await database.prisma.storyFigure.createMany({
      data: storyIds.flatMap((storyId, i) =>
        [1, 2].map((position) => ({ evaluationId, storyId, position, label: `Cifra ${i}.${position}`, value: "12.5" })),
      ),
    });
    await database.prisma.storyPlace.createMany({
      data: storyIds.map((storyId) => ({ evaluationId, storyId, placeId: selection.places[0]!.id })),
    });
    const panel = await mutations.createPanel({
      ...actor,
      name: "Panel",
      level: "DOMAIN",
      domainId: selection.domainId,
      memberIds: panelists.map((p) => p.id),
    });
    if (!panel.ok) throw new Error(JSON.stringify(panel));
    const round = async (name: string, storyIds: string[]) => {
      const created = await mutations.createRound({
        ...actor,
        panelId: panel.panelId,
        name,
        method: "RANKING",
        scoreScaleMax: null,
        selectCount: 1,
        deadline: inDays(7),
        resultsHiddenUntilClosed: true,
        storyIds,
      });
      if (!created.ok) throw new Error(JSON.stringify(created));
      expect(await mutations.openRound({ ...actor, roundId: created.roundId, expectedVersion: 1 })).toEqual({
        ok: true,
      });
      for (const panelist of panelists) {
        const cast = await ballots.castBallots({
          actorId: panelist.id,
          evaluationId,
          roundId: created.roundId,
          votes: storyIds.map((storyId, i) => ({
            storyId,
            rank: i + 1,
            score: null,
            approved: null,
            reason: "Razón.",
          })),
        });
        expect(cast).toMatchObject({ ok: true });
      }
      return created.roundId;
    };
    openRoundId = await round("Abierta", candidates[0]!);
    closedRoundId = await round("Cerrada", candidates[1]!);
    expect(await mutations.closeRound({ ...actor, roundId: closedRoundId, expectedVersion: 2 })).toMatchObject({
      ok: true,
    });
  });

  it("reads an open round for a panelist, ballot and every candidate's details, in at most 5 statements beside the session's", async () => {
    const panelist = await signedIn(selection.panelists[0]!.id);
    const { count, result } = await countStatements(() =>
      rounds.loadRoundPage(selection.evaluationId, openRoundId, panelist),
    );
    const view = result as Awaited<ReturnType<typeof rounds.loadRoundPage>>;
    expect(view).toMatchObject({ sits: true, canVote: true, results: null });
    // The round with who voted, then at once the reader's ballots, their conflicts, and the
    // candidates with their places beside their figures.
    expect(view?.ownBallots).toHaveLength(4);
    expect([...(view?.details.values() ?? [])].map((detail) => detail.figures.length)).toEqual([2, 2, 2, 2]);
    expect([...(view?.details.values() ?? [])].every((detail) => detail.places.length === 1)).toBe(true);
    expect(count).toBeLessThanOrEqual(5);
  });

  it("reads a closed round for the lead, tally, reasons and decision form, in at most 5 statements beside the session's", async () => {
    const lead = await signedIn(selection.lead.id);
    const { count, result } = await countStatements(() =>
      rounds.loadRoundPage(selection.evaluationId, closedRoundId, lead),
    );
    const view = result as Awaited<ReturnType<typeof rounds.loadRoundPage>>;
    // The round with who voted, then at once every ballot (tally, reasons), the storytellers'
    // languages, and the candidates with their places beside their figures.
    expect(view?.results?.tally.voters).toBe(3);
    expect(view?.results?.reasons).toHaveLength(12);
    expect(view?.voterIds.size).toBe(3);
    expect(view?.decision?.storytellerLanguages.size).toBe(4);
    expect(count).toBeLessThanOrEqual(5);
  });
});
