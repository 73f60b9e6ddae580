/**
 * Only supporting evidence counts toward the two-source-type rule; mixed evidence counts once the
 * analyst has written why it still supports the story. The note is stored, audited, parsed by the
 * form's schema (kept only for mixed evidence) and refused by the database on any other stance.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evidenceFieldsSchema } from "@/lib/triangulation/schema";
import { buildChangeStory, createStoryWorld, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let world: StoryWorld;
let mutations: typeof import("@/lib/triangulation/mutations");
let data: typeof import("@/lib/triangulation/data");
let policy: typeof import("@/lib/triangulation/policy");

const analystId = () => world.team.members.analyst!.id;
const fields = (overrides: Record<string, unknown>) =>
  evidenceFieldsSchema.parse({
    sourceType: "DOCUMENT",
    citation: "Informe anual 2023, p. 12",
    whatItShows: "Menos trabajo infantil.",
    stance: "SUPPORTS",
    strength: "STRONG",
    figureId: "",
    response: "",
    supportNote: "",
    ...overrides,
  });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [mutations, data, policy] = await Promise.all([
    import("@/lib/triangulation/mutations"),
    import("@/lib/triangulation/data"),
    import("@/lib/triangulation/policy"),
  ]);
  world = await createStoryWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("mixed evidence and the two-source-type rule", () => {
  it("counts mixed evidence only with the analyst's note on why it still supports, stored and audited", async () => {
    const story = buildChangeStory({
      evaluationId: world.evaluationId,
      authorId: world.team.members.evaluator!.id,
      stage: "IN_TRIANGULATION",
    });
    await database.prisma.changeStory.create({ data: story });
    const blockers = async () =>
      policy.evidenceBlockers(
        (await database.prisma.$transaction((tx) => data.loadTriangulationFacts(tx, world.evaluationId, story.id)))!,
      );
    const add = (overrides: Record<string, unknown>) =>
      mutations.createEvidence({
        actorId: analystId(),
        evaluationId: world.evaluationId,
        storyId: story.id,
        evidence: fields(overrides),
        file: null,
      });

    expect(await add({ sourceType: "DOCUMENT" })).toMatchObject({ ok: true });
    const mixed = await add({
      sourceType: "MEDIA",
      stance: "MIXED",
      response: "La nota exagera las cifras, pero confirma el acuerdo.",
    });
    if (!mixed.ok) throw new Error(JSON.stringify(mixed));
    expect(await blockers()).toEqual([{ code: "TOO_FEW_SOURCE_TYPES", found: 1, needed: 2 }]);

    const note = "Confirma el acuerdo de no contratar menores, que es el cambio de la historia.";
    const updated = await mutations.updateEvidence({
      actorId: analystId(),
      evaluationId: world.evaluationId,
      evidenceId: mixed.evidenceId,
      expectedVersion: 1,
      evidence: fields({
        sourceType: "MEDIA",
        stance: "MIXED",
        response: "La nota exagera las cifras, pero confirma el acuerdo.",
        supportNote: note,
      }),
      file: null,
      removeFile: false,
    });
    expect(updated).toMatchObject({ ok: true });
    expect(await blockers()).toEqual([]);
    expect(
      await database.prisma.evidenceItem.findUniqueOrThrow({
        where: { id: mixed.evidenceId },
        select: { supportNote: true },
      }),
    ).toEqual({ supportNote: note });
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { evaluationId: world.evaluationId, recordId: mixed.evidenceId, action: "evidence.update" },
    });
    expect(event.before).toMatchObject({ supportNote: null });
    expect(event.after).toMatchObject({ supportNote: note });
    expect(
      (await data.listStoryEvidence(world.evaluationId, story.id)).find((item) => item.id === mixed.evidenceId),
    ).toMatchObject({ supportNote: note });
  });

  it("keeps a note only for mixed evidence, and the database refuses one on any other stance", async () => {
    expect(fields({ stance: "SUPPORTS", supportNote: "Sobra." }).supportNote).toBeNull();
    expect(fields({ stance: "CONTRADICTS", supportNote: "Sobra." }).supportNote).toBeNull();
    expect(fields({ stance: "MIXED", supportNote: "  Respalda el cambio.  " }).supportNote).toBe("Respalda el cambio.");
    expect(
      evidenceFieldsSchema.safeParse({ ...fields({}), stance: "MIXED", supportNote: "x".repeat(5_001) }).success,
    ).toBe(false);
    const item = await database.prisma.evidenceItem.findFirstOrThrow({
      where: { evaluationId: world.evaluationId, stance: "SUPPORTS" },
      select: { id: true },
    });
    await expect(
      database.prisma.evidenceItem.update({ where: { id: item.id }, data: { supportNote: "No debería." } }),
    ).rejects.toThrow(/evidence_item_support_note_check/);
  });
});
