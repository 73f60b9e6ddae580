/**
 * The story pages' loaders on a real database, called as each kind of caller: outsiders, members
 * without the permission, members of another evaluation and administrators get null; permitted
 * callers get the story with only what their roles may see (transcript passages, domain choices,
 * links, the edit form) and the capabilities the page shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryFormValues } from "@/lib/stories/form-values";
import { createStoryWorld, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";
import { putBeforeRound } from "./selection-world";
import { newStory as newStoryIn, reviseStory, STORY_LIST_FIRST_PAGE } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let other: StoryWorld;
let loaders: typeof import("@/lib/stories/loaders");
let storyId: string;

type Member = "lead" | "evaluator" | "panelist" | "analyst" | "reviewer";
const member = (role: Member, w: StoryWorld = world) => readerOf(w.team.members[role]!);
const outsider = () => readerOf(world.team.outsider);
const admin = () => readerOf(world.team.outsider, true);
/** Everyone who must get null from a loader guarded by story.view. */
const refusedViewers = () => [member("reviewer"), outsider(), admin(), member("lead", other), null];

/** This file's stories are told from the world's excerpt. */
const told = (title: string): Partial<StoryFormValues> => ({
  title,
  sources: [{ kind: "EXCERPT", id: world.excerpt.id }],
});
const newStory = () => newStoryIn(world, told("Votamos en secreto"));

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  loaders = await import("@/lib/stories/loaders");
  world = await createStoryWorld(database.prisma);
  other = await createStoryWorld(database.prisma);
  storyId = await newStory();
  await reviseStory(world, storyId, told("Votamos en secreto por primera vez"), "Título completo");
});

afterAll(async () => {
  await database?.close();
});

describe("the stories table", () => {
  it("gives a page to readers of stories and null to everyone else", async () => {
    expect(
      (await loaders.loadStoryList(world.evaluationId, member("analyst"), STORY_LIST_FIRST_PAGE))?.rows.map(
        (row) => row.id,
      ),
    ).toEqual([storyId]);
    // A panelist's table holds their opened rounds' candidates only (stories-panel-scope.test.ts): none here.
    expect((await loaders.loadStoryList(world.evaluationId, member("panelist"), STORY_LIST_FIRST_PAGE))?.rows).toEqual(
      [],
    );
    for (const caller of refusedViewers())
      expect(await loaders.loadStoryList(world.evaluationId, caller, STORY_LIST_FIRST_PAGE)).toBeNull();
  });
});

describe("the new-story form", () => {
  it("goes to writers with the form's choices and the evaluation's first language", async () => {
    const view = await loaders.loadNewStory(world.evaluationId, member("evaluator"));
    const languages = (await database.prisma.evaluation.findUniqueOrThrow({ where: { id: world.evaluationId } }))
      .languages;
    expect(view?.defaultLanguage).toBe(languages[0]!.toLowerCase());
    expect(view?.options.respondents.map((respondent) => respondent.id)).toContain(world.respondents.consenting.id);
  });

  it("is null for readers who may not write stories, and for outsiders", async () => {
    for (const caller of [member("panelist"), member("analyst"), ...refusedViewers()])
      expect(await loaders.loadNewStory(world.evaluationId, caller)).toBeNull();
  });
});

describe("the story page", () => {
  it("is null for reviewers, outsiders, administrators, another evaluation's members and anonymous callers", async () => {
    for (const caller of refusedViewers())
      expect(await loaders.loadStoryPage(world.evaluationId, storyId, caller)).toBeNull();
  });

  it("never finds a story through another evaluation, nor an unknown one", async () => {
    expect(await loaders.loadStoryPage(other.evaluationId, storyId, member("lead", other))).toBeNull();
    expect(await loaders.loadStoryPage(world.evaluationId, "no-such-story", member("lead"))).toBeNull();
  });

  it("gives writers the transcript passage, the domain choices, the edit link and the links to sources", async () => {
    const view = await loaders.loadStoryPage(world.evaluationId, storyId, member("evaluator"));
    expect(view?.story.snapshot.title).toBe("Votamos en secreto por primera vez");
    expect(view?.excerptQuotes?.get(world.excerpt.id)).toBe(world.excerpt.quotedText);
    expect(view?.assignableDomains?.map((domain) => domain.id)).toEqual(world.team.domains.map((domain) => domain.id));
    expect(view).toMatchObject({
      canEdit: true,
      canViewTriangulation: true,
      links: { respondents: true, fieldwork: true },
    });
    expect(view?.steps.find((step) => step.to === "SUBMITTED")?.mine).toBe(true);
  });

  it("keeps transcript passages, domain choices, editing and links from panelists", async () => {
    const candidate = await newStory();
    await putBeforeRound(database.prisma, world.evaluationId, candidate, "OPEN", [world.team.members.panelist!.id]);
    const view = await loaders.loadStoryPage(world.evaluationId, candidate, member("panelist"));
    expect(view?.story.id).toBe(candidate);
    expect(view).toMatchObject({
      excerptQuotes: null,
      assignableDomains: null,
      canEdit: false,
      canViewTriangulation: false,
      links: { respondents: false, fieldwork: false },
    });
    expect(view?.steps.every((step) => !step.mine)).toBe(true);
  });

  it("lets analysts read passages and reach triangulation, but neither edit nor assign", async () => {
    const view = await loaders.loadStoryPage(world.evaluationId, storyId, member("analyst"));
    expect(view?.excerptQuotes?.get(world.excerpt.id)).toBe(world.excerpt.quotedText);
    expect(view).toMatchObject({ assignableDomains: null, canEdit: false, canViewTriangulation: true });
  });

  it("offers no domain choices once the stage no longer allows assigning", async () => {
    const locked = await newStory();
    await database.prisma.changeStory.update({ where: { id: locked }, data: { stage: "IN_TRIANGULATION" } });
    const view = await loaders.loadStoryPage(world.evaluationId, locked, member("lead"));
    expect(view).toMatchObject({ assignableDomains: null, canEdit: false });
  });
});

describe("the edit page", () => {
  it("gives writers the form with the stored version and values", async () => {
    const view = await loaders.loadStoryEdit(world.evaluationId, storyId, member("lead"));
    expect(view?.story).toEqual({ id: storyId, code: "CS-0001", version: 2 });
    expect(view?.form?.stored).toMatchObject({ version: 2, values: { title: "Votamos en secreto por primera vez" } });
    expect(view?.form?.options.team.length).toBeGreaterThan(0);
  });

  it("gives no form (nor its choices) once the stage is locked", async () => {
    const locked = await newStory();
    await database.prisma.changeStory.update({ where: { id: locked }, data: { stage: "APPROVED" } });
    const view = await loaders.loadStoryEdit(world.evaluationId, locked, member("evaluator"));
    expect(view?.story.id).toBe(locked);
    expect(view?.form).toBeNull();
  });

  it("is null for readers who may not write stories", async () => {
    for (const caller of [member("panelist"), member("analyst"), ...refusedViewers()])
      expect(await loaders.loadStoryEdit(world.evaluationId, storyId, caller)).toBeNull();
  });
});

describe("the timeline and the revisions", () => {
  it("gives readers of stories the timeline, newest first, with its bound", async () => {
    const view = await loaders.loadStoryTimeline(world.evaluationId, storyId, member("analyst"));
    expect(view?.story).toMatchObject({ id: storyId, code: "CS-0001" });
    expect(
      view?.entries
        .filter((entry) => entry.kind === "revision")
        .map((entry) => (entry.kind === "revision" ? entry.version : 0)),
    ).toEqual([2, 1]);
    expect(view?.limitPerKind).toBeGreaterThan(0);
    for (const caller of refusedViewers())
      expect(await loaders.loadStoryTimeline(world.evaluationId, storyId, caller)).toBeNull();
    expect(await loaders.loadStoryTimeline(other.evaluationId, storyId, member("lead", other))).toBeNull();
  });

  it("compares the newest version with the one before by default, and the versions asked for when they exist", async () => {
    const latest = await loaders.loadStoryRevisions(world.evaluationId, storyId, member("analyst"), null, null);
    expect(latest).toMatchObject({ from: 1, to: 2, story: { code: "CS-0001" } });
    expect([latest?.before?.title, latest?.after?.title]).toEqual([
      "Votamos en secreto",
      "Votamos en secreto por primera vez",
    ]);
    expect(latest?.revisions.map((revision) => [revision.version, revision.note])).toEqual([
      [2, "Título completo"],
      [1, null],
    ]);
    expect(await loaders.loadStoryRevisions(world.evaluationId, storyId, member("analyst"), 2, 1)).toMatchObject({
      from: 2,
      to: 1,
    });
    expect(await loaders.loadStoryRevisions(world.evaluationId, storyId, member("analyst"), 9, 99)).toMatchObject({
      from: 1,
      to: 2,
    });
  });

  it("gives no revisions to those who may not read stories", async () => {
    for (const caller of refusedViewers())
      expect(await loaders.loadStoryRevisions(world.evaluationId, storyId, caller, null, null)).toBeNull();
  });
});
