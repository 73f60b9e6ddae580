/**
 * Where the dashboard reads its stories from must not change what it counts.
 * - The story counts (story_count, decision 0053) say what the tally says: for every filter they
 *   can answer, every kind of thing a story is counted under and every reader's stages, the rows
 *   summed from the counts equal the rows counted from the tally, with changes appended and not
 *   yet folded as well as folded. What they cannot answer (a state, a project, a period not in
 *   whole years, a reader who reads only some stories) is left to the tally.
 * - A statement's stories are picked from the tally or from change_story, whichever costs less
 *   (storiesPickedBy): for every filter, every reader's stages and both story scopes (every story;
 *   a panelist's rounds' candidates), `tallyConditions` and `storyConditions` give the same ids.
 * On the meta world (dashboard-meta-world.ts): stories in two domains, two states, two projects,
 * with periods in 2022-2024, one with no end and some with none, at every step from draft to
 * approved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { StoryCountKind, StoryStage } from "@/lib/generated/prisma/enums";
import { countConditions, countedStories, talliedStories } from "@/lib/dashboard/count-sql";
import { storyConditions, tallyConditions } from "@/lib/dashboard/filter-sql";
import { SELECTED_STAGES } from "@/lib/dashboard/meta-data";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { ALL_STORIES, type StoryReadScope } from "@/lib/stories/read-scope";
import { SELECTED_ONWARD_STAGES } from "@/lib/stories/types";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createDashboardMetaWorld, type DashboardMetaWorld } from "./dashboard-meta-world";

let database: TestDatabase;
let world: DashboardMetaWorld;

const STORY_STAGES = Object.values(StoryStage);
const KINDS = Object.values(StoryCountKind);
const STAGE_SETS: Array<readonly StoryStage[]> = [STORY_STAGES, ["APPROVED"], SELECTED_STAGES];

/** Every filter the counts answer: none, each alone, and together. */
function answerableFilters(): DashboardFilters[] {
  const { d1, d2 } = world.domains;
  return [
    {},
    { domain: d1 },
    { domain: d2 },
    { changeType: "POSITIVE" },
    { changeType: "NEGATIVE" },
    { changeType: "NO_CHANGE" },
    { from: "2023-01-01" },
    { to: "2023-12-31" },
    { from: "2024-01-01", to: "2024-12-31" },
    { from: "2025-01-01" },
    { to: "2021-12-31" },
    { domain: d1, changeType: "POSITIVE", from: "2022-01-01", to: "2023-12-31" },
  ];
}

const rows = (stories: Prisma.Sql) =>
  database.prisma.$queryRaw<
    Array<{ stage: string; domain: string | null; type: string; key: string | null; n: number }>
  >`
    SELECT x.stage::text AS stage, x.domain_id AS domain, x.change_type::text AS type, x.key, sum(x.stories)::int AS n
      FROM (${stories}) x
     GROUP BY 1, 2, 3, 4
    HAVING sum(x.stories) <> 0
     ORDER BY 1, 2, 3, 4`;

/** For every answerable filter, stage set and kind: the counts' rows equal the tally's. Returns how many rows were compared. */
async function expectCountsLikeTally(): Promise<number> {
  let compared = 0;
  for (const filters of answerableFilters()) {
    for (const stages of STAGE_SETS) {
      for (const kind of KINDS) {
        const { evaluationId } = world;
        expect(countConditions(evaluationId, filters, stages, ALL_STORIES)).not.toBeNull();
        const [fromCounts, fromTally] = await Promise.all([
          rows(countedStories(evaluationId, filters, stages, ALL_STORIES, kind)),
          rows(talliedStories(evaluationId, filters, stages, ALL_STORIES, kind)),
        ]);
        expect(fromCounts, JSON.stringify({ filters, stages, kind })).toEqual(fromTally);
        compared += fromTally.length;
      }
    }
  }
  return compared;
}

/** Every filter, each alone and together, and another evaluation's domain. */
function everyFilter(): DashboardFilters[] {
  const { d1, d2 } = world.domains;
  const { p1, p2 } = world.projects;
  return [
    {},
    { domain: d1 },
    { domain: d2 },
    { state: "Oaxaca" },
    { state: "Veracruz" },
    { project: p1 },
    { project: p2 },
    { from: "2024-01-01", to: "2024-12-31" },
    { from: "2023-06-01" },
    { to: "2022-12-31" },
    { changeType: "POSITIVE" },
    { changeType: "NEGATIVE" },
    { domain: d1, state: "Veracruz", changeType: "POSITIVE" },
    { project: p1, from: "2023-01-01", to: "2023-12-31" },
    { domain: world.other.domains[0]!.id },
  ];
}

async function storyIds(
  evaluationId: string,
  filters: DashboardFilters,
  stages: readonly StoryStage[],
  scope: StoryReadScope,
) {
  const [fromTally, fromStories] = await Promise.all([
    database.prisma.$queryRaw<Array<{ id: string }>>`
      SELECT t.story_id AS id FROM story_tally t WHERE ${tallyConditions(evaluationId, filters, stages, scope)} ORDER BY 1`,
    database.prisma.$queryRaw<Array<{ id: string }>>`
      SELECT s.id FROM change_story s WHERE ${storyConditions(evaluationId, filters, stages, scope)} ORDER BY 1`,
  ]);
  return { fromTally: fromTally.map(({ id }) => id), fromStories: fromStories.map(({ id }) => id) };
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  world = await createDashboardMetaWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("the dashboard's story counts", () => {
  it("sum to what the tally counts, under every filter they answer, folded or not", async () => {
    const { prisma } = database;
    await prisma.$queryRaw`SELECT story_count_fold(${world.evaluationId}, 0)`;
    // Not vacuous: the world's ten stories give rows under every kind.
    expect(await expectCountsLikeTally()).toBeGreaterThan(300);
    // Changed, and left appended: stages, a change type, a period, a domain.
    const stories = await prisma.changeStory.findMany({
      where: { evaluationId: world.evaluationId },
      orderBy: { codeNumber: "asc" },
    });
    await prisma.changeStory.update({ where: { id: stories[0]!.id }, data: { stage: "APPROVED" } });
    await prisma.changeStory.update({ where: { id: stories[1]!.id }, data: { changeType: "NO_CHANGE" } });
    await prisma.changeStory.update({
      where: { id: stories[3]!.id },
      data: { periodFrom: new Date("2021-06-01"), periodTo: new Date("2022-03-31") },
    });
    await prisma.domainAssignment.updateMany({
      where: { storyId: stories[2]!.id, kind: "PRIMARY", endedAt: null },
      data: { endedAt: new Date(), endedById: world.users.lead },
    });
    expect(
      await prisma.storyCount.count({ where: { evaluationId: world.evaluationId, folded: false } }),
    ).toBeGreaterThan(0);
    await expectCountsLikeTally();
    await prisma.$queryRaw`SELECT story_count_fold(${world.evaluationId}, 0)`;
    await expectCountsLikeTally();
  });

  it("leave to the tally a state, a project, a period not in whole years and a reader of some stories", () => {
    const count = (filters: DashboardFilters, scope = ALL_STORIES) =>
      countConditions(world.evaluationId, filters, STORY_STAGES, scope);
    expect(count({ state: "Oaxaca" })).toBeNull();
    expect(count({ project: world.projects.p1 })).toBeNull();
    expect(count({ from: "2023-02-01" })).toBeNull();
    expect(count({ to: "2023-06-30" })).toBeNull();
    expect(count({ from: "2023-01-01", to: "2023-12-30" })).toBeNull();
    expect(count({}, { kind: "PANEL_ROUNDS", userId: world.users.panelist })).toBeNull();
    expect(count({ from: "2023-01-01", to: "2023-12-31" })).not.toBeNull();
  });

  it("count no story of another evaluation", async () => {
    const theirs = await database.prisma.storyCount.findMany({
      where: { evaluationId: { not: world.evaluationId } },
      select: { evaluationId: true },
    });
    const found = await rows(countedStories(world.evaluationId, {}, STORY_STAGES, ALL_STORIES, "STORY"));
    const mine = found.reduce((sum, row) => sum + row.n, 0);
    expect(mine).toBe(await database.prisma.changeStory.count({ where: { evaluationId: world.evaluationId } }));
    expect(theirs.length).toBeGreaterThan(0);
  });
});

describe("dashboard: stories picked from the tally or from change_story", () => {
  it("are the same stories for every filter, reader's stages and scope", async () => {
    const panelist: StoryReadScope = { kind: "PANEL_ROUNDS", userId: world.team.members.panelist!.id };
    let picked = 0;
    for (const filters of everyFilter())
      for (const stages of [...STAGE_SETS, SELECTED_ONWARD_STAGES])
        for (const scope of [ALL_STORIES, panelist]) {
          const { fromTally, fromStories } = await storyIds(world.evaluationId, filters, stages, scope);
          expect(fromTally, JSON.stringify({ filters, stages, scope })).toEqual(fromStories);
          picked += fromTally.length;
        }
    // Not vacuous: most cases pick some stories.
    expect(picked).toBeGreaterThan(100);
  });
});

describe("an evaluation deleted", () => {
  it("takes its story counts with it, its stories' removal adding none", async () => {
    const { prisma } = database;
    const theirs = world.other.evaluation.id;
    expect(await prisma.storyCount.count({ where: { evaluationId: theirs } })).toBeGreaterThan(0);
    await prisma.evaluation.delete({ where: { id: theirs } });
    expect(await prisma.storyCount.count({ where: { evaluationId: theirs } })).toBe(0);
    expect(await prisma.storyCount.count({ where: { evaluationId: world.evaluationId } })).toBeGreaterThan(0);
  });
});
