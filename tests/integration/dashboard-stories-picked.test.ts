/**
 * The dashboard picks a statement's stories from the tally or from change_story, whichever costs
 * less for the filters (storiesPickedBy); both must pick the same stories. For every filter (each
 * alone and together), every reader's stages and both story scopes (every story; a panelist's
 * rounds' candidates), `tallyConditions` and `storyConditions` give the same story ids, on the meta
 * world (dashboard-meta-world.ts): stories in two domains, two states, two projects, with and
 * without a period, at every step from draft to approved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoryStage } from "@/lib/generated/prisma/enums";
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

const STAGE_SETS: Array<readonly StoryStage[]> = [
  Object.values(StoryStage),
  ["APPROVED"],
  SELECTED_STAGES,
  SELECTED_ONWARD_STAGES,
];

function filterCases(): DashboardFilters[] {
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

describe("dashboard: stories picked from the tally or from change_story", () => {
  it("are the same stories for every filter, reader's stages and scope", async () => {
    const panelist: StoryReadScope = { kind: "PANEL_ROUNDS", userId: world.team.members.panelist!.id };
    let picked = 0;
    for (const filters of filterCases())
      for (const stages of STAGE_SETS)
        for (const scope of [ALL_STORIES, panelist]) {
          const { fromTally, fromStories } = await storyIds(world.evaluationId, filters, stages, scope);
          expect(fromTally, JSON.stringify({ filters, stages, scope })).toEqual(fromStories);
          picked += fromTally.length;
        }
    // Not vacuous: most cases pick some stories.
    expect(picked).toBeGreaterThan(100);
  });
});
