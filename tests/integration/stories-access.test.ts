/**
 * Who may do what with stories, through the server actions and the pages as a caller would reach
 * them: evaluators and leads write; panelists (and analysts) read but never write; reviewers,
 * outsiders and administrators get nothing (404 on pages), and the row stays unchanged. The edit
 * action reads no stage, version, author or evaluation from the payload.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createStoryWorld, type StoryWorld } from "@/tests/factories";
import { actingUser, signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { storyFields } from "./story-world";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let world: StoryWorld;
let other: StoryWorld;
let actions: typeof import("@/lib/stories/actions");
let domainActions: typeof import("@/lib/domains/actions");
let loaders: typeof import("@/lib/stories/loaders");
let storyPage: typeof import("@/app/(app)/evaluations/[evaluationId]/stories/[storyId]/page");
let editPage: typeof import("@/app/(app)/evaluations/[evaluationId]/stories/[storyId]/edit/page");
let revisionsPage: typeof import("@/app/(app)/evaluations/[evaluationId]/stories/[storyId]/revisions/page");
let storyId: string;

const as = (user: { id: string; name: string; email: string; isAdmin?: boolean }): CurrentUser => actingUser(user);

const story = () => storyFields(world, { title: "Historia original" });

async function row() {
  return database.prisma.changeStory.findUniqueOrThrow({ where: { id: storyId }, include: { revisions: true } });
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [actions, domainActions, loaders, storyPage, editPage, revisionsPage] = await Promise.all([
    import("@/lib/stories/actions"),
    import("@/lib/domains/actions"),
    import("@/lib/stories/loaders"),
    import("@/app/(app)/evaluations/[evaluationId]/stories/[storyId]/page"),
    import("@/app/(app)/evaluations/[evaluationId]/stories/[storyId]/edit/page"),
    import("@/app/(app)/evaluations/[evaluationId]/stories/[storyId]/revisions/page"),
  ]);
  world = await createStoryWorld(database.prisma);
  other = await createStoryWorld(database.prisma);
  const admin = await database.prisma.user.create({
    data: { email: `admin-${Date.now()}@test.example`, name: "Admin", isAdmin: true },
  });
  adminUser = as({ ...admin, isAdmin: true });
  signInAs(as(world.team.members.evaluator!));
  const created = await actions.createChangeStory({ evaluationId: world.evaluationId, story: story() });
  if (!created.ok) throw new Error(JSON.stringify(created));
  storyId = created.data.storyId;
});

let adminUser: CurrentUser;

afterAll(async () => {
  await database?.close();
});

describe("writing", () => {
  it("evaluators and leads save through the action", async () => {
    signInAs(as(world.team.members.lead));
    const saved = await actions.updateChangeStory({
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 1,
      story: { ...story(), title: "Por la líder" },
    });
    expect(saved).toEqual({ ok: true, data: { storyId, code: "CS-0001", version: 2 } });
  });

  it("ignores stage, version, author and evaluation sent inside the payload", async () => {
    signInAs(as(world.team.members.evaluator!));
    const before = await row();
    const saved = await actions.updateChangeStory({
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: before.version,
      stage: "APPROVED",
      version: 99,
      authorId: world.team.members.lead.id,
      story: {
        ...story(),
        title: "Carga hostil",
        stage: "APPROVED",
        version: 99,
        authorId: world.team.members.lead.id,
        evaluationId: other.evaluationId,
        code: "CS-9999",
        contributionRating: "HIGH",
      },
    });
    expect(saved.ok).toBe(true);
    const after = await row();
    expect([
      after.title,
      after.stage,
      after.version,
      after.authorId,
      after.evaluationId,
      after.code,
      after.contributionRating,
    ]).toEqual([
      "Carga hostil",
      "DRAFT",
      before.version + 1,
      world.team.members.evaluator!.id,
      world.evaluationId,
      "CS-0001",
      null,
    ]);
  });

  it("refuses a storyteller of another evaluation next to the field", async () => {
    signInAs(as(world.team.members.evaluator!));
    const before = await row();
    const result = await actions.updateChangeStory({
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: before.version,
      story: { ...story(), storytellerIds: [other.respondents.consenting.id] },
    });
    expect(result).toEqual({ ok: false, error: "REJECTED", reason: "NOT_IN_EVALUATION", field: "storytellerIds.0" });
    expect((await row()).version).toBe(before.version);
  });

  it("answers INVALID with message keys for malformed input, and CONFLICT for a stale version", async () => {
    signInAs(as(world.team.members.evaluator!));
    const malformed = await actions.updateChangeStory({
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 1,
      story: { ...story(), title: "", placeIds: [{ contains: "" }] },
    });
    expect(malformed).toMatchObject({
      ok: false,
      error: "INVALID",
      fieldErrors: { "story.title": ["required"], "story.placeIds.0": ["invalid"] },
    });
    expect(
      await actions.updateChangeStory({
        evaluationId: world.evaluationId,
        storyId,
        expectedVersion: 1,
        story: story(),
      }),
    ).toEqual({ ok: false, error: "CONFLICT" });
  });

  it.each([
    ["panelist", "FORBIDDEN"],
    ["analyst", "FORBIDDEN"],
    ["reviewer", "FORBIDDEN"],
    ["outsider", "NOT_FOUND"],
    ["admin", "FORBIDDEN"],
  ] as const)("a %s cannot create, edit, move or assign (%s), and the row is unchanged", async (who, error) => {
    const before = await row();
    signInAs(who === "outsider" ? as(world.team.outsider) : who === "admin" ? adminUser : as(world.team.members[who]!));
    expect(await actions.createChangeStory({ evaluationId: world.evaluationId, story: story() })).toEqual({
      ok: false,
      error,
    });
    expect(
      await actions.updateChangeStory({
        evaluationId: world.evaluationId,
        storyId,
        expectedVersion: before.version,
        story: { ...story(), title: "Nope" },
      }),
    ).toEqual({ ok: false, error });
    const moved = await actions.moveChangeStory({
      evaluationId: world.evaluationId,
      storyId,
      from: "DRAFT",
      to: "SUBMITTED",
    });
    expect(moved.ok).toBe(false);
    expect(
      await domainActions.assignStoryDomain({
        evaluationId: world.evaluationId,
        storyId,
        domainId: world.team.domains[0]!.id,
        kind: "PRIMARY",
        rationale: "x",
        expectedPrimaryId: null,
      }),
    ).toEqual({ ok: false, error });
    const after = await row();
    expect([after.title, after.version, after.stage, after.revisions.length]).toEqual([
      before.title,
      before.version,
      before.stage,
      before.revisions.length,
    ]);
    expect(await database.prisma.domainAssignment.count({ where: { storyId } })).toBe(0);
  });

  it("an evaluator of another evaluation gets NOT_FOUND for this story", async () => {
    signInAs(as(other.team.members.evaluator!));
    expect(
      await actions.updateChangeStory({
        evaluationId: other.evaluationId,
        storyId,
        expectedVersion: 1,
        story: story(),
      }),
    ).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(
      await actions.moveChangeStory({ evaluationId: other.evaluationId, storyId, from: "DRAFT", to: "SUBMITTED" }),
    ).toEqual({ ok: false, error: "NOT_FOUND" });
  });
});

describe("reading", () => {
  const params = (evaluationId = world.evaluationId) => ({ params: Promise.resolve({ evaluationId, storyId }) });
  const notFound = expect.objectContaining({ digest: expect.stringContaining("404") });

  it("analysts may view stories; panelists outside their rounds, reviewers, outsiders and administrators may not", async () => {
    const view = (user: CurrentUser) => loaders.loadStoryPage(world.evaluationId, storyId, user);
    // A panelist reads only their opened rounds' candidates: stories-panel-scope.test.ts.
    expect(await view(as(world.team.members.panelist!))).toBeNull();
    expect((await view(as(world.team.members.analyst!)))?.story.id).toBe(storyId);
    expect(await loaders.loadStoryEdit(world.evaluationId, storyId, as(world.team.members.panelist!))).toBeNull();
    expect(await view(as(world.team.members.reviewer!))).toBeNull();
    expect(await view(as(world.team.outsider))).toBeNull();
    expect(await view(adminUser)).toBeNull();
  });

  it.each(["reviewer", "outsider"] as const)("the story, edit and revisions pages answer 404 to a %s", async (who) => {
    signInAs(who === "outsider" ? as(world.team.outsider) : as(world.team.members.reviewer!));
    await expect(storyPage.default(params())).rejects.toEqual(notFound);
    await expect(editPage.default(params())).rejects.toEqual(notFound);
    await expect(revisionsPage.default({ ...params(), searchParams: Promise.resolve({}) })).rejects.toEqual(notFound);
  });

  it("a panelist cannot open the edit page (404), and a story is never found through another evaluation", async () => {
    signInAs(as(world.team.members.panelist!));
    await expect(editPage.default(params())).rejects.toEqual(notFound);
    signInAs(as(other.team.members.lead));
    await expect(storyPage.default(params(other.evaluationId))).rejects.toEqual(notFound);
  });
});
