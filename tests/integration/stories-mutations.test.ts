/**
 * Creating and saving change stories against a real database: every field lands in its row or
 * child rows, every save keeps a revision and one audit event, the code is assigned safely, ids of
 * another evaluation are refused with nothing written, and hostile text is stored as typed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryFormValues } from "@/lib/stories/form-values";
import type { StoryFields } from "@/lib/stories/schema";
import { createStoryWorld, figureValues, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { storyFields } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let other: StoryWorld;
let mutations: typeof import("@/lib/stories/mutations");
let data: typeof import("@/lib/stories/data");

/** This file's story, in the world `w`. */
const fields = (w: StoryWorld, overrides: Partial<StoryFormValues> = {}): StoryFields =>
  storyFields(w, {
    title: "Las trabajadoras votaron en secreto",
    whatChanged: "En 2022, en Monclova, la plantilla votó su contrato colectivo.",
    whySignificant: "«Por primera vez decidimos nosotras.»",
    ...overrides,
  });

const evaluator = () => world.team.members.evaluator!.id;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [mutations, data] = await Promise.all([import("@/lib/stories/mutations"), import("@/lib/stories/data")]);
  world = await createStoryWorld(database.prisma);
  other = await createStoryWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

async function auditFor(storyId: string) {
  return database.prisma.auditEvent.findMany({
    where: { evaluationId: world.evaluationId, recordId: storyId },
    orderBy: { sequence: "asc" },
  });
}

describe("creating a story", () => {
  it("writes every field, the child rows, revision 1 and one audit event", async () => {
    const story = fields(world, {
      titleTranslation: "Women workers voted in secret",
      translationLanguage: "en",
      translatedById: world.team.members.lead.id,
      collectedById: world.team.members.lead.id,
      periodPrecision: "MONTH",
      periodFrom: "2022-03",
      periodTo: "2023-05",
      placeIds: [world.places[0]!.id, world.places[1]!.id],
      sectorIds: [world.sectors[0]!.id],
      priorityTagIds: [world.priorityTags[1]!.id],
      atRiskGroups: [{ groupId: world.team.atRiskGroups[0]!.id, note: "Mujeres de la planta" }],
      figures: [
        {
          key: "a",
          id: "",
          label: "comunidades",
          labelTranslation: "communities",
          qualifier: "EXACT",
          value: "24",
          valueMax: "",
          unit: "",
        },
        {
          key: "b",
          id: "",
          label: "meses",
          labelTranslation: "",
          qualifier: "RANGE",
          value: "1",
          valueMax: "9",
          unit: "meses",
        },
      ],
      contributionNarrative: "El proyecto capacitó a la plantilla.",
      contributions: [{ projectId: world.team.projects[0]!.id, howContributed: "Capacitación sobre el voto." }],
      sustainabilityAssessment: "Probable.",
      sustainabilityConditions: "Que siga el sindicato.",
      sustainabilityRisks: "Represalias.",
      storytellerIds: [world.respondents.consenting.id, world.respondents.alsoConsenting.id],
      sources: [
        { kind: "INTERVIEW", id: world.interview.id },
        { kind: "FOCUS_GROUP", id: world.focusGroup.id },
        { kind: "EXCERPT", id: world.excerpt.id },
      ],
    });
    const result = await mutations.createStory({
      actorId: evaluator(),
      evaluationId: world.evaluationId,
      story,
      ipAddress: "203.0.113.9",
    });
    expect(result).toMatchObject({ ok: true, code: "CS-0001", version: 1 });
    if (!result.ok) return;

    const row = await database.prisma.changeStory.findUniqueOrThrow({
      where: { id: result.storyId },
      include: {
        places: true,
        sectors: true,
        priorityTags: true,
        atRiskGroups: true,
        figures: { orderBy: { position: "asc" } },
        contributions: true,
        storytellers: true,
        sources: true,
        revisions: true,
      },
    });
    expect(row).toMatchObject({
      evaluationId: world.evaluationId,
      authorId: evaluator(),
      stage: "DRAFT",
      version: 1,
      translationLanguage: "en",
      periodPrecision: "MONTH",
      periodFrom: new Date("2022-03-01T00:00:00Z"),
      periodTo: new Date("2023-05-31T00:00:00Z"),
      sustainabilityRisks: "Represalias.",
    });
    expect(row.translatedAt).not.toBeNull();
    expect([
      row.places.length,
      row.sectors.length,
      row.priorityTags.length,
      row.atRiskGroups.length,
      row.contributions.length,
      row.storytellers.length,
      row.sources.length,
    ]).toEqual([2, 1, 1, 1, 1, 2, 3]);
    expect(
      row.figures.map((figure) => [
        figure.position,
        figure.label,
        figure.qualifier,
        figure.value.toString(),
        figure.valueMax?.toString() ?? null,
      ]),
    ).toEqual([
      [1, "comunidades", "EXACT", "24", null],
      [2, "meses", "RANGE", "1", "9"],
    ]);
    expect(row.revisions).toHaveLength(1);
    expect(row.revisions[0]).toMatchObject({ version: 1, editedById: evaluator() });
    expect(row.revisions[0]!.snapshot).toEqual(
      await data.loadStorySnapshot(database.prisma, world.evaluationId, result.storyId),
    );
    expect(row.revisions[0]!.snapshot).toMatchObject({
      schemaVersion: 1,
      code: "CS-0001",
      storytellers: [{ code: "R-0001" }, { code: "R-0005" }],
    });

    const events = await auditFor(result.storyId);
    expect(events.map((event) => event.action)).toEqual(["story.create"]);
    expect(events[0]).toMatchObject({ actorId: evaluator(), recordType: "ChangeStory", ipAddress: "203.0.113.9" });
    expect(events[0]!.after).toMatchObject({ code: "CS-0001", stage: "DRAFT", version: 1 });
  });

  it("gives concurrent creators distinct, consecutive codes", async () => {
    const before = await database.prisma.changeStory.count({ where: { evaluationId: world.evaluationId } });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        mutations.createStory({
          actorId: evaluator(),
          evaluationId: world.evaluationId,
          story: fields(world, { title: `Historia ${i}` }),
        }),
      ),
    );
    const codes = results.map((result) => (result.ok ? result.code : "refused")).sort();
    expect(codes).toEqual(Array.from({ length: 8 }, (_, i) => `CS-${String(before + i + 1).padStart(4, "0")}`));
  });

  it("stores hostile text exactly as typed", async () => {
    const hostile =
      '<script>alert(\'x\')</script> \'; DROP TABLE change_story; -- =HYPERLINK("http://evil.example","clic") \u202Eabc\u200F';
    const result = await mutations.createStory({
      actorId: evaluator(),
      evaluationId: world.evaluationId,
      story: fields(world, { title: "=1+2 <b>", whatChanged: hostile, whySignificant: hostile }),
    });
    if (!result.ok) throw new Error(result.reason);
    const row = await database.prisma.changeStory.findUniqueOrThrow({ where: { id: result.storyId } });
    expect([row.title, row.whatChanged, row.whySignificant]).toEqual(["=1+2 <b>", hostile, hostile]);
    expect(await database.prisma.changeStory.count()).toBeGreaterThan(0);
  });

  it.each([
    ["placeIds.0", (w: StoryWorld) => ({ placeIds: [w.places[0]!.id] })],
    ["sectorIds.0", (w: StoryWorld) => ({ sectorIds: [w.sectors[0]!.id] })],
    ["priorityTagIds.0", (w: StoryWorld) => ({ priorityTagIds: [w.priorityTags[0]!.id] })],
    ["storytellerIds.0", (w: StoryWorld) => ({ storytellerIds: [w.respondents.consenting.id] })],
    [
      "contributions.0.projectId",
      (w: StoryWorld) => ({ contributions: [{ projectId: w.team.projects[0]!.id, howContributed: "x" }] }),
    ],
    ["sources.0.id", (w: StoryWorld) => ({ sources: [{ kind: "EXCERPT" as const, id: w.excerpt.id }] })],
    [
      "translatedById",
      (w: StoryWorld) => ({ titleTranslation: "T", translationLanguage: "en", translatedById: w.team.members.lead.id }),
    ],
  ])("refuses %s of another evaluation and writes nothing", async (field, foreign) => {
    const stories = await database.prisma.changeStory.count();
    const events = await database.prisma.auditEvent.count();
    const result = await mutations.createStory({
      actorId: evaluator(),
      evaluationId: world.evaluationId,
      story: fields(world, foreign(other)),
    });
    expect(result).toEqual({ ok: false, reason: "NOT_IN_EVALUATION", field });
    expect(await database.prisma.changeStory.count()).toBe(stories);
    expect(await database.prisma.auditEvent.count()).toBe(events);
  });
});

describe("saving a story", () => {
  async function freshStory(overrides: Partial<StoryFormValues> = {}) {
    const result = await mutations.createStory({
      actorId: evaluator(),
      evaluationId: world.evaluationId,
      story: fields(world, overrides),
    });
    if (!result.ok) throw new Error(result.reason);
    return result.storyId;
  }

  it("bumps the version, keeps revision 2 and audits only the changed fields", async () => {
    const storyId = await freshStory();
    const lead = world.team.members.lead.id;
    const result = await mutations.updateStory({
      actorId: lead,
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 1,
      note: "Corregí el título",
      story: fields(world, { title: "Las trabajadoras votaron en secreto por primera vez", changeType: "NO_CHANGE" }),
    });
    expect(result).toMatchObject({ ok: true, version: 2 });
    const revisions = await database.prisma.storyRevision.findMany({ where: { storyId }, orderBy: { version: "asc" } });
    expect(revisions.map((revision) => [revision.version, revision.editedById, revision.note])).toEqual([
      [1, evaluator(), null],
      [2, lead, "Corregí el título"],
    ]);
    expect(revisions[1]!.snapshot).toMatchObject({
      title: "Las trabajadoras votaron en secreto por primera vez",
      changeType: "NO_CHANGE",
    });
    const events = await auditFor(storyId);
    expect(events.map((event) => event.action)).toEqual(["story.create", "story.update"]);
    expect(events[1]!.before).toEqual({
      title: "Las trabajadoras votaron en secreto",
      changeType: "POSITIVE",
      version: 1,
    });
    expect(events[1]!.after).toEqual({
      title: "Las trabajadoras votaron en secreto por primera vez",
      changeType: "NO_CHANGE",
      version: 2,
    });
  });

  it("edits figures in place, keeping their ids, and renumbers them", async () => {
    const storyId = await freshStory({ figures: [figureValues("a"), figureValues("b"), figureValues("c")] });
    const stored = await database.prisma.storyFigure.findMany({ where: { storyId }, orderBy: { position: "asc" } });
    const [a, b] = stored;
    const result = await mutations.updateStory({
      actorId: evaluator(),
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 1,
      story: fields(world, {
        figures: [{ ...figureValues("b, renamed"), id: b!.id }, { ...figureValues("a"), id: a!.id }, figureValues("d")],
      }),
    });
    expect(result.ok).toBe(true);
    const after = await database.prisma.storyFigure.findMany({ where: { storyId }, orderBy: { position: "asc" } });
    expect(after.map((row) => [row.position, row.label])).toEqual([
      [1, "b, renamed"],
      [2, "a"],
      [3, "d"],
    ]);
    expect(after[0]!.id).toBe(b!.id);
    expect(after[1]!.id).toBe(a!.id);
  });

  it("refuses a figure id of another story", async () => {
    const first = await freshStory({
      figures: [
        { key: "x", id: "", label: "x", labelTranslation: "", qualifier: "EXACT", value: "1", valueMax: "", unit: "" },
      ],
    });
    const foreignFigure = await database.prisma.storyFigure.findFirstOrThrow({ where: { storyId: first } });
    const second = await freshStory();
    const result = await mutations.updateStory({
      actorId: evaluator(),
      evaluationId: world.evaluationId,
      storyId: second,
      expectedVersion: 1,
      story: fields(world, {
        figures: [
          {
            key: "y",
            id: foreignFigure.id,
            label: "stolen",
            labelTranslation: "",
            qualifier: "EXACT",
            value: "2",
            valueMax: "",
            unit: "",
          },
        ],
      }),
    });
    expect(result).toEqual({ ok: false, reason: "NOT_IN_EVALUATION", field: "figures.0.id" });
    expect((await database.prisma.storyFigure.findUniqueOrThrow({ where: { id: foreignFigure.id } })).label).toBe("x");
    expect((await database.prisma.changeStory.findUniqueOrThrow({ where: { id: second } })).version).toBe(1);
  });

  it("refuses a stale version with CONFLICT and writes nothing", async () => {
    const storyId = await freshStory();
    await mutations.updateStory({
      actorId: evaluator(),
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 1,
      story: fields(world, { title: "v2" }),
    });
    await expect(
      mutations.updateStory({
        actorId: evaluator(),
        evaluationId: world.evaluationId,
        storyId,
        expectedVersion: 1,
        story: fields(world, { title: "stale" }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const row = await database.prisma.changeStory.findUniqueOrThrow({
      where: { id: storyId },
      include: { revisions: true },
    });
    expect([row.title, row.version, row.revisions.length]).toEqual(["v2", 2, 2]);
  });

  it("answers NOT_FOUND for a story of another evaluation, and leaves it alone", async () => {
    const theirs = await mutations.createStory({
      actorId: other.team.members.evaluator!.id,
      evaluationId: other.evaluationId,
      story: fields(other),
    });
    if (!theirs.ok) throw new Error(theirs.reason);
    await expect(
      mutations.updateStory({
        actorId: evaluator(),
        evaluationId: world.evaluationId,
        storyId: theirs.storyId,
        expectedVersion: 1,
        story: fields(world, { title: "hijacked" }),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await database.prisma.changeStory.findUniqueOrThrow({ where: { id: theirs.storyId } })).title).toBe(
      "Las trabajadoras votaron en secreto",
    );
    expect(await data.loadStorySnapshot(database.prisma, world.evaluationId, theirs.storyId)).toBeNull();
  });
});
