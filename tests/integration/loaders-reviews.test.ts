/**
 * The review loaders on a real database, called as each kind of caller: only reviewers and leads
 * (review.view) read the queue and the stories in it, de-identified; the decision goes only to
 * reviewers, and only while the story waits in review.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "@/lib/evaluations/access";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createStoryAt, createVerificationWorld, IDENTITY_NAMES, type VerificationWorld } from "./validation-world";

let database: TestDatabase;
let world: VerificationWorld;
let other: VerificationWorld;
let loaders: typeof import("@/lib/reviews/loaders");
let waiting: { id: string; code: string };
let approved: { id: string; code: string };

type Member = "lead" | "evaluator" | "panelist" | "analyst" | "reviewer";
const reader = (user: { id: string }, isAdmin = false): Reader => ({ id: user.id, isAdmin });
const member = (role: Member, w: VerificationWorld = world) => reader(w.team.members[role]!);
/** Everyone who must get null: members without review.view, outsiders, administrators, another evaluation's reviewer, nobody. */
const refused = () => [member("evaluator"), member("panelist"), member("analyst"), reader(world.team.outsider), reader(world.team.outsider, true), member("reviewer", other), null];

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  loaders = await import("@/lib/reviews/loaders");
  world = await createVerificationWorld(database.prisma);
  other = await createVerificationWorld(database.prisma);
  waiting = await createStoryAt(database.prisma, world, "IN_REVIEW", [world.pool[0]!.id]);
  approved = await createStoryAt(database.prisma, world, "APPROVED", [world.pool[1]!.id]);
});

afterAll(async () => {
  await database?.close();
});

describe("the review queue", () => {
  it("gives reviewers and leads the stories waiting in review, and nothing that identifies a storyteller", async () => {
    for (const role of ["reviewer", "lead"] as const) {
      const queue = await loaders.loadReviewQueue(world.evaluationId, member(role), 1);
      expect(queue?.rows.map((row) => row.code), role).toEqual([waiting.code]);
      const json = JSON.stringify(queue);
      for (const secret of [...IDENTITY_NAMES, world.pool[0]!.id]) expect(json).not.toContain(secret);
    }
  });

  it("is null for everyone else", async () => {
    for (const caller of refused()) expect(await loaders.loadReviewQueue(world.evaluationId, caller, 1)).toBeNull();
  });
});

describe("a story under review", () => {
  it("lets the reviewer decide while the story waits in review", async () => {
    const view = await loaders.loadReviewStory(world.evaluationId, waiting.id, member("reviewer"));
    expect(view).toMatchObject({ id: waiting.id, inReview: true, canDecide: true, story: { code: waiting.code, storytellers: [world.pool[0]!.code] } });
    expect(JSON.stringify(view)).not.toContain(world.pool[0]!.id);
  });

  it("shows leads the story without the decision", async () => {
    expect(await loaders.loadReviewStory(world.evaluationId, waiting.id, member("lead"))).toMatchObject({ inReview: true, canDecide: false });
  });

  it("offers no decision once the story has left review", async () => {
    expect(await loaders.loadReviewStory(world.evaluationId, approved.id, member("reviewer"))).toMatchObject({ id: approved.id, inReview: false, canDecide: false });
  });

  it("is null for everyone else, for a story never sent to review, and through another evaluation", async () => {
    for (const caller of refused()) expect(await loaders.loadReviewStory(world.evaluationId, waiting.id, caller)).toBeNull();
    const draft = await createStoryAt(database.prisma, world, "DRAFT");
    expect(await loaders.loadReviewStory(world.evaluationId, draft.id, member("reviewer"))).toBeNull();
    expect(await loaders.loadReviewStory(other.evaluationId, waiting.id, member("reviewer", other))).toBeNull();
  });
});
