/**
 * A panelist reads the stories of the rounds they sit on, from the round's opening, and nothing
 * else of the fieldwork: every reader of stories (the page, its timeline and revisions, the list,
 * search, the dashboard's counts, exports) narrows by itself (lib/stories/read-scope.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SelectionRoundStatus } from "@/lib/generated/prisma/enums";
import { parseDashboardFilters } from "@/lib/dashboard/schema";
import type { StoryFormValues } from "@/lib/stories/form-values";
import { createStoryWorld, type StoryWorld } from "@/tests/factories";
import { actingUser } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";
import { putBeforeRound } from "./selection-world";
import { newStory as newStoryIn, reviseStory, STORY_LIST_FIRST_PAGE } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let stories: typeof import("@/lib/stories/loaders");
/** One story per place a story can stand, for the panelist: keyed by where it is. */
const ids = {} as Record<
  "draft" | "openRound" | "closedRound" | "plannedRound" | "otherPanel" | "cancelledRound",
  string
>;

const panelist = () => readerOf(world.team.members.panelist!);
const analyst = () => readerOf(world.team.members.analyst!);

/** This file's stories: told from the world's excerpt, each with a second version for the revisions page. */
const told = (title: string): Partial<StoryFormValues> => ({
  title,
  whatChanged: "La asamblea votó en secreto.",
  whySignificant: "Por primera vez.",
  sources: [{ kind: "EXCERPT", id: world.excerpt.id }],
});
async function newStory(title: string) {
  const storyId = await newStoryIn(world, told(title));
  await reviseStory(world, storyId, told(`${title} (revisada)`));
  return storyId;
}

const roundWith = (storyId: string, status: SelectionRoundStatus, panelistIds: string[]) =>
  putBeforeRound(database.prisma, world.evaluationId, storyId, status, panelistIds);

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  stories = await import("@/lib/stories/loaders");
  world = await createStoryWorld(database.prisma);
  const me = world.team.members.panelist!.id;
  ids.draft = await newStory("Borrador sin ronda");
  ids.openRound = await newStory("Candidata de una ronda abierta");
  ids.closedRound = await newStory("Candidata de una ronda cerrada");
  ids.plannedRound = await newStory("Candidata de una ronda en preparación");
  ids.cancelledRound = await newStory("Candidata de una ronda cancelada");
  ids.otherPanel = await newStory("Candidata de otro panel");
  await roundWith(ids.openRound, "OPEN", [me]);
  await roundWith(ids.closedRound, "CLOSED", [me]);
  await roundWith(ids.plannedRound, "DRAFT", [me]);
  await roundWith(ids.cancelledRound, "CANCELLED", [me]);
  await roundWith(ids.otherPanel, "OPEN", []);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const visible = () => [ids.openRound, ids.closedRound];
const hidden = () => [ids.draft, ids.plannedRound, ids.cancelledRound, ids.otherPanel];

describe("a panelist's stories", () => {
  it("open, with their timeline and revisions, for the rounds they sit on once opened", async () => {
    for (const storyId of visible()) {
      expect((await stories.loadStoryPage(world.evaluationId, storyId, panelist()))?.story.id, storyId).toBe(storyId);
      expect((await stories.loadStoryTimeline(world.evaluationId, storyId, panelist()))?.story.id).toBe(storyId);
      expect(await stories.loadStoryRevisions(world.evaluationId, storyId, panelist(), null, null)).toMatchObject({
        from: 1,
        to: 2,
      });
    }
  });

  it("answer 404 for a draft, a planned or cancelled round's candidate and another panel's, page, timeline and revisions alike", async () => {
    for (const storyId of hidden()) {
      expect(await stories.loadStoryPage(world.evaluationId, storyId, panelist()), storyId).toBeNull();
      expect(await stories.loadStoryTimeline(world.evaluationId, storyId, panelist()), storyId).toBeNull();
      expect(await stories.loadStoryRevisions(world.evaluationId, storyId, panelist(), 1, 2), storyId).toBeNull();
    }
  });

  it("fill the stories table and its count with their rounds' candidates only", async () => {
    const page = await stories.loadStoryList(world.evaluationId, panelist(), STORY_LIST_FIRST_PAGE);
    expect(page?.rows.map((row) => row.id).sort()).toEqual(visible().sort());
    expect(page?.total).toBe(2);
    // The domain filter's shortcut count must not bypass the scope either.
    const domainPage = await stories.loadStoryList(world.evaluationId, panelist(), {
      ...STORY_LIST_FIRST_PAGE,
      filters: { domain: world.team.domains[0]!.id },
    });
    expect(domainPage?.total).toBe(0);
    expect((await stories.loadStoryList(world.evaluationId, analyst(), STORY_LIST_FIRST_PAGE))?.total).toBe(6);
  });

  it("are all search finds for them, and no transcript is searched", async () => {
    const { loadSearchPage } = await import("@/lib/search/loaders");
    const found = await loadSearchPage(world.evaluationId, panelist(), { q: "candidata", page: 1 });
    expect(found?.results.kinds).toEqual(["stories"]);
    expect(found?.results.stories?.rows.map((row) => row.id).sort()).toEqual(visible().sort());
    const analystFound = await loadSearchPage(world.evaluationId, analyst(), { q: "candidata", page: 1 });
    expect(analystFound?.results.stories?.total).toBe(5);
  });

  it("are all the dashboard counts for them, with no respondent, interview or focus group counted", async () => {
    const { loadDashboard } = await import("@/lib/dashboard/loaders");
    const parsed = parseDashboardFilters({});
    if (!parsed.ok) throw new Error("filters refused");
    const view = await loadDashboard(world.evaluationId, panelist(), parsed.filters);
    expect(view?.funnel.total).toBe(2);
    expect(view?.funnel.totals).toEqual({ IN_SELECTION: 2 });
    // Interviews per state reach readers without exact counts only from 5 up (decision 0045).
    expect(view?.where.states.every((state) => state.interviews === "UNDER_5")).toBe(true);
    expect(view?.where.elsewhere.interviews).toBe("UNDER_5");
    expect(view?.plan).toBeNull();
    expect(
      Object.values(view?.who.cells ?? {})
        .flatMap((row) => Object.values(row))
        .every((cell) => cell === "UNDER_5"),
    ).toBe(true);
    expect((await loadDashboard(world.evaluationId, analyst(), parsed.filters))?.funnel.total).toBe(6);
  });

  it("are the only rows of their stories export", async () => {
    const { exportTable } = await import("@/lib/exports/door");
    const response = await exportTable({
      evaluationId: world.evaluationId,
      file: "stories.csv",
      params: {},
      user: actingUser(world.team.members.panelist!),
      locale: "en",
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(text).toContain("ronda abierta");
    expect(text).not.toContain("Borrador");
    expect(text).not.toContain("otro panel");
  });

  it("show no planned round on the selection page, and no planned round's page", async () => {
    const selection = await import("@/lib/selection/loaders");
    const page = await selection.loadSelectionPage(world.evaluationId, panelist());
    expect(page?.rounds.map((round) => round.status).sort()).toEqual(["CLOSED", "OPEN"]);
    const planned = await database.prisma.roundCandidate.findFirstOrThrow({
      where: { storyId: ids.plannedRound },
      select: { roundId: true },
    });
    expect(await selection.loadRoundPage(world.evaluationId, planned.roundId, panelist())).toBeNull();
    expect(
      await selection.loadRoundPage(world.evaluationId, planned.roundId, readerOf(world.team.members.lead)),
    ).not.toBeNull();
  });
});
