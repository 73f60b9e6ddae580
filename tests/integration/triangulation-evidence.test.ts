/**
 * Evidence items and the analyst's sign-off against a real database: rows AND audit events,
 * stale versions and concurrent edits, another story's or evaluation's figure refused, the
 * facts loader inside a transaction, and the blockers of the step to TRIANGULATED.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvidenceFields } from "@/lib/triangulation/schema";
import { buildChangeStory, buildStoryFigure, createStoryWorld, figureValues, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { newStory } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let mutations: typeof import("@/lib/triangulation/mutations");
let data: typeof import("@/lib/triangulation/data");
let verification: typeof import("@/lib/triangulation/verification-mutations");
let policy: typeof import("@/lib/triangulation/policy");

const analystId = () => world.team.members.analyst!.id;

/** A story with one figure, moved to `stage` by hand (the step into triangulation belongs to the shared table). */
async function storyIn(stage: "IN_TRIANGULATION" | "SELECTED" | "DRAFT" | "RETURNED" = "IN_TRIANGULATION") {
  const storyId = await newStory(world, {
    title: "Historia para triangular",
    figures: [figureValues("comunidades", { key: "f0", value: "24" })],
  });
  await database.prisma.changeStory.update({ where: { id: storyId }, data: { stage } });
  const figure = await database.prisma.storyFigure.findFirstOrThrow({ where: { storyId } });
  return { storyId, figureId: figure.id };
}

function evidence(overrides: Partial<EvidenceFields> = {}): EvidenceFields {
  return {
    sourceType: "DOCUMENT",
    citation: "Informe anual 2023, p. 12",
    whatItShows: "24 comunidades sin trabajo infantil.",
    stance: "SUPPORTS",
    strength: "STRONG",
    figureId: null,
    response: null,
    supportNote: null,
    ...overrides,
  } as EvidenceFields;
}

const add = (
  storyId: string,
  overrides: Partial<EvidenceFields> = {},
  file: import("@/lib/triangulation/mutations").Attachment | null = null,
) =>
  mutations.createEvidence({
    actorId: analystId(),
    evaluationId: world.evaluationId,
    storyId,
    evidence: evidence(overrides),
    file,
  });

const events = (recordId: string) =>
  database.prisma.auditEvent.findMany({
    where: { evaluationId: world.evaluationId, recordId },
    orderBy: { sequence: "asc" },
  });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [mutations, data, verification, policy] = await Promise.all([
    import("@/lib/triangulation/mutations"),
    import("@/lib/triangulation/data"),
    import("@/lib/triangulation/verification-mutations"),
    import("@/lib/triangulation/policy"),
  ]);
  world = await createStoryWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("evidence items", () => {
  it("are created with the attachment's hash and audited without the bytes", async () => {
    const { storyId, figureId } = await storyIn();
    const content = new TextEncoder().encode("estado,casos\nOaxaca,24\n") as Uint8Array<ArrayBuffer>;
    const file = {
      fileName: "casos.csv",
      mimeType: "text/csv" as const,
      sizeBytes: content.byteLength,
      sha256: "a".repeat(64),
      content,
    };
    const result = await add(storyId, { figureId, sourceType: "QUANTITATIVE_DATASET" }, file);
    expect(result).toMatchObject({ ok: true, version: 1 });
    if (!result.ok) return;
    const row = await database.prisma.evidenceItem.findUniqueOrThrow({ where: { id: result.evidenceId } });
    expect(row).toMatchObject({
      storyId,
      figureId,
      fileName: "casos.csv",
      sizeBytes: content.byteLength,
      contentSha256: "a".repeat(64),
      addedById: analystId(),
    });
    expect(Buffer.from(row.content!).toString()).toBe("estado,casos\nOaxaca,24\n");
    const [event] = await events(result.evidenceId);
    expect(event).toMatchObject({ action: "evidence.create", actorId: analystId(), recordType: "EvidenceItem" });
    expect(event!.after).toMatchObject({
      storyId,
      fileName: "casos.csv",
      contentSha256: "a".repeat(64),
      sourceType: "QUANTITATIVE_DATASET",
    });
    expect(JSON.stringify(event!.after)).not.toContain("Oaxaca,24");
    const listed = await data.listStoryEvidence(world.evaluationId, storyId);
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty("content");
  });

  it("are refused on a story outside the triangulation stages, with nothing written", async () => {
    const { storyId } = await storyIn("DRAFT");
    expect(await add(storyId)).toEqual({ ok: false, reason: "STAGE_LOCKED" });
    expect(await database.prisma.evidenceItem.count({ where: { storyId } })).toBe(0);
  });

  it("may back only a figure of the same story: another story's or evaluation's figure is refused", async () => {
    const { storyId } = await storyIn();
    const other = await storyIn();
    expect(await add(storyId, { figureId: other.figureId })).toEqual({
      ok: false,
      reason: "FIGURE_NOT_IN_STORY",
      field: "figureId",
    });

    const elsewhere = await createStoryWorld(database.prisma);
    const foreignStory = buildChangeStory({
      evaluationId: elsewhere.evaluationId,
      authorId: elsewhere.team.members.evaluator!.id,
      stage: "IN_TRIANGULATION",
    });
    await database.prisma.changeStory.create({ data: foreignStory });
    const foreignFigure = buildStoryFigure({
      evaluationId: elsewhere.evaluationId,
      storyId: foreignStory.id,
      position: 1,
      label: "x",
      value: "1",
    });
    await database.prisma.storyFigure.create({ data: foreignFigure });
    expect(await add(storyId, { figureId: foreignFigure.id })).toEqual({
      ok: false,
      reason: "FIGURE_NOT_IN_STORY",
      field: "figureId",
    });
    // A story of another evaluation named through this one is not found.
    await expect(add(foreignStory.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.prisma.evidenceItem.count({ where: { storyId: { in: [storyId, foreignStory.id] } } })).toBe(
      0,
    );
  });

  it("are edited over the version loaded: of two concurrent edits one lands, the other is a CONFLICT", async () => {
    const { storyId } = await storyIn();
    const created = await add(storyId);
    if (!created.ok) throw new Error(created.reason);
    const edit = (citation: string) =>
      mutations.updateEvidence({
        actorId: analystId(),
        evaluationId: world.evaluationId,
        evidenceId: created.evidenceId,
        expectedVersion: 1,
        evidence: evidence({ citation }),
        file: null,
        removeFile: false,
      });
    const outcomes = await Promise.allSettled([edit("Primera"), edit("Segunda")]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    const row = await database.prisma.evidenceItem.findUniqueOrThrow({ where: { id: created.evidenceId } });
    expect(row.version).toBe(2);
    const updates = (await events(created.evidenceId)).filter((event) => event.action === "evidence.update");
    expect(updates).toHaveLength(1);
    expect(updates[0]!.before).toEqual({ citation: "Informe anual 2023, p. 12", version: 1 });
    expect(updates[0]!.after).toEqual({ citation: row.citation, version: 2 });
    // A stale version later is refused too, with nothing changed.
    await expect(edit("Tercera")).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await database.prisma.evidenceItem.findUniqueOrThrow({ where: { id: created.evidenceId } })).citation).toBe(
      row.citation,
    );
  });

  it("are deleted over the version loaded, audited with what was removed", async () => {
    const { storyId } = await storyIn();
    const created = await add(storyId, { stance: "CONTRADICTS", response: "El informe es anterior al cambio." });
    if (!created.ok) throw new Error(created.reason);
    await expect(
      mutations.deleteEvidence({
        actorId: analystId(),
        evaluationId: world.evaluationId,
        evidenceId: created.evidenceId,
        expectedVersion: 2,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await mutations.deleteEvidence({
        actorId: analystId(),
        evaluationId: world.evaluationId,
        evidenceId: created.evidenceId,
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true, storyId });
    expect(await database.prisma.evidenceItem.count({ where: { id: created.evidenceId } })).toBe(0);
    const removed = (await events(created.evidenceId)).find((event) => event.action === "evidence.delete");
    expect(removed!.before).toMatchObject({
      stance: "CONTRADICTS",
      response: "El informe es anterior al cambio.",
      version: 1,
    });
  });
});

describe("the analyst's sign-off and the guard of the step to triangulated", () => {
  it("is refused until two source types support the story and contradictions are answered; then stale after an edit", async () => {
    const { storyId } = await storyIn();
    const signOff = (storyVersion = 1) =>
      mutations.signOffTriangulation({
        actorId: analystId(),
        evaluationId: world.evaluationId,
        storyId,
        storyVersion,
        note: "Revisé las fuentes.",
      });

    await add(storyId, { sourceType: "DOCUMENT" });
    expect(await signOff()).toEqual({
      ok: false,
      reason: "BLOCKED",
      blockers: [{ code: "TOO_FEW_SOURCE_TYPES", found: 1, needed: 2 }],
    });
    await add(storyId, { sourceType: "ADMINISTRATIVE_RECORD" });
    const contradicting = await add(storyId, { sourceType: "MEDIA", stance: "CONTRADICTS" });
    if (!contradicting.ok) throw new Error(contradicting.reason);
    expect(await signOff()).toEqual({
      ok: false,
      reason: "BLOCKED",
      blockers: [{ code: "CONTRADICTION_UNANSWERED", count: 1 }],
    });
    expect(await database.prisma.triangulationSignOff.count({ where: { storyId } })).toBe(0);

    await mutations.updateEvidence({
      actorId: analystId(),
      evaluationId: world.evaluationId,
      evidenceId: contradicting.evidenceId,
      expectedVersion: 1,
      evidence: evidence({ sourceType: "MEDIA", stance: "CONTRADICTS", response: "La nota confunde dos municipios." }),
      file: null,
      removeFile: false,
    });
    await expect(signOff(7)).rejects.toMatchObject({ code: "CONFLICT" });
    const signed = await signOff();
    expect(signed).toMatchObject({ ok: true, storyVersion: 1 });
    expect(await signOff()).toEqual({ ok: false, reason: "ALREADY_SIGNED_OFF" });
    const facts = await database.prisma.$transaction((tx) =>
      data.loadTriangulationFacts(tx, world.evaluationId, storyId),
    );
    expect(policy.triangulationBlockers(facts!)).toEqual([]);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({
      where: {
        evaluationId: world.evaluationId,
        action: "triangulation.sign_off",
        recordId: signed.ok ? signed.signOffId : "",
      },
    });
    expect(audit.after).toMatchObject({ storyId, storyVersion: 1, note: "Revisé las fuentes.", evidenceCount: 3 });

    // An analyst edits the contribution (a new story version): the sign-off no longer holds.
    const saved = await verification.updateStoryVerification({
      actorId: analystId(),
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 1,
      fields: {
        contributionNarrative: "Los proyectos acompañaron los acuerdos.",
        contributions: [{ projectId: world.team.projects[0]!.id, howContributed: "Capacitó a cooperativas." }],
        contributionRating: "HIGH",
        contributionRatingReason: "Dos fuentes lo atribuyen al proyecto.",
        sustainabilityAssessment: "Probable.",
        sustainabilityConditions: null,
        sustainabilityRisks: "Cambio de autoridades.",
      },
    });
    expect(saved).toMatchObject({ ok: true, version: 2 });
    const after = await database.prisma.$transaction((tx) =>
      data.loadTriangulationFacts(tx, world.evaluationId, storyId),
    );
    expect(policy.triangulationBlockers(after!)).toEqual([
      { code: "SIGN_OFF_STALE", signedVersion: 1, currentVersion: 2 },
    ]);
    expect(await signOff(2)).toMatchObject({ ok: true, storyVersion: 2 });
  });
});

describe("a sign-off racing an evidence write", () => {
  it("either counts the new item or is stale because of it: never a current sign-off that missed it", async () => {
    for (let run = 0; run < 3; run += 1) {
      const { storyId } = await storyIn();
      await add(storyId, { sourceType: "DOCUMENT" });
      await add(storyId, { sourceType: "QUANTITATIVE_DATASET" });
      const [signed, added] = await Promise.all([
        mutations.signOffTriangulation({
          actorId: analystId(),
          evaluationId: world.evaluationId,
          storyId,
          storyVersion: 1,
          note: "Carrera.",
        }),
        add(storyId, { sourceType: "MEDIA", stance: "CONTRADICTS" }),
      ]);
      expect(added.ok).toBe(true);
      const facts = await database.prisma.$transaction((tx) =>
        data.loadTriangulationFacts(tx, world.evaluationId, storyId),
      );
      const blockers = policy.triangulationBlockers(facts!).map((blocker) => blocker.code);
      // The unanswered contradiction is always seen, by the sign-off (refused) or by the guard afterwards.
      expect(blockers).toContain("CONTRADICTION_UNANSWERED");
      if (signed.ok) {
        const signOff = await database.prisma.triangulationSignOff.findUniqueOrThrow({
          where: { id: signed.signOffId },
        });
        const audit = await database.prisma.auditEvent.findFirstOrThrow({
          where: { action: "triangulation.sign_off", recordId: signed.signOffId },
        });
        expect((audit.after as { evidenceCount: number }).evidenceCount).toBe(2);
        expect(blockers).toContain("SIGN_OFF_STALE");
        expect(signOff.storyVersion).toBe(1);
      } else {
        expect(signed).toEqual({
          ok: false,
          reason: "BLOCKED",
          blockers: [{ code: "CONTRADICTION_UNANSWERED", count: 1 }],
        });
      }
    }
  });
});

describe("contribution and sustainability", () => {
  it("save through the story's own save: a revision, the rating in the audit event, the version check", async () => {
    const { storyId } = await storyIn("SELECTED");
    const fields = {
      contributionNarrative: "Narrativa.",
      contributions: [],
      contributionRating: "MODERATE" as const,
      contributionRatingReason: "Una sola fuente lo atribuye.",
      sustainabilityAssessment: null,
      sustainabilityConditions: "Presupuesto estatal.",
      sustainabilityRisks: null,
    };
    const save = (expectedVersion: number) =>
      verification.updateStoryVerification({
        actorId: analystId(),
        evaluationId: world.evaluationId,
        storyId,
        expectedVersion,
        fields,
      });
    expect(await save(1)).toMatchObject({ ok: true, version: 2 });
    const story = await database.prisma.changeStory.findUniqueOrThrow({ where: { id: storyId } });
    expect(story).toMatchObject({
      contributionRating: "MODERATE",
      contributionRatingReason: "Una sola fuente lo atribuye.",
      sustainabilityConditions: "Presupuesto estatal.",
      title: "Historia para triangular",
      version: 2,
    });
    const revision = await database.prisma.storyRevision.findUniqueOrThrow({
      where: { storyId_version: { storyId, version: 2 } },
    });
    expect(revision).toMatchObject({ editedById: analystId(), note: "contribution-and-sustainability" });
    expect(revision.snapshot).toMatchObject({
      contributionNarrative: "Narrativa.",
      sustainabilityConditions: "Presupuesto estatal.",
      storytellers: [{ code: "R-0001" }],
    });
    const update = await database.prisma.auditEvent.findFirstOrThrow({
      where: { recordId: storyId, action: "story.update" },
    });
    expect(update.after).toMatchObject({
      contributionRating: "MODERATE",
      contributionRatingReason: "Una sola fuente lo atribuye.",
      version: 2,
    });
    expect(update.before).toMatchObject({ contributionRating: null, version: 1 });
    await expect(save(1)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("is refused outside the triangulation stages", async () => {
    const { storyId } = await storyIn("DRAFT");
    const result = await verification.updateStoryVerification({
      actorId: analystId(),
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 1,
      fields: {
        contributionNarrative: null,
        contributions: [],
        contributionRating: null,
        contributionRatingReason: null,
        sustainabilityAssessment: null,
        sustainabilityConditions: null,
        sustainabilityRisks: null,
      },
    });
    expect(result).toEqual({ ok: false, reason: "STAGE_LOCKED" });
    expect((await database.prisma.changeStory.findUniqueOrThrow({ where: { id: storyId } })).version).toBe(1);
  });
});

describe("the triangulation matrix", () => {
  it("counts each story's evidence by source type and stance, for one domain's stories", async () => {
    const domainId = world.team.domains[0]!.id;
    const { storyId } = await storyIn();
    await database.prisma.domainAssignment.create({
      data: {
        evaluationId: world.evaluationId,
        storyId,
        domainId,
        kind: "PRIMARY",
        rationale: "r",
        assignedById: world.team.members.lead.id,
      },
    });
    await add(storyId, { sourceType: "DOCUMENT" });
    await add(storyId, { sourceType: "DOCUMENT", stance: "MIXED", response: "r" });
    await add(storyId, { sourceType: "MEDIA", stance: "CONTRADICTS", response: "r" });
    const matrix = await data.getTriangulationMatrix(world.evaluationId, domainId, 1);
    expect(matrix.total).toBe(1);
    expect(matrix.rows[0]).toMatchObject({
      id: storyId,
      cells: { DOCUMENT: { SUPPORTS: 1, MIXED: 1 }, MEDIA: { CONTRADICTS: 1 } },
    });
    expect(await data.getTriangulationMatrix(world.evaluationId, world.team.domains[1]!.id, 1)).toMatchObject({
      total: 0,
      rows: [],
    });
  });

  it("pages a large domain: 50 stories a page in code order; a page past the end shows the last", async () => {
    const domainId = world.team.domains[2]!.id;
    const last = await database.prisma.changeStory.aggregate({
      where: { evaluationId: world.evaluationId },
      _max: { codeNumber: true },
    });
    const start = (last._max.codeNumber ?? 0) + 1;
    const many = Array.from({ length: 55 }, (_, index) =>
      buildChangeStory({
        evaluationId: world.evaluationId,
        authorId: world.team.members.evaluator!.id,
        codeNumber: start + index,
        stage: index % 2 ? "SELECTED" : "IN_TRIANGULATION",
      }),
    );
    const drafts = [
      buildChangeStory({
        evaluationId: world.evaluationId,
        authorId: world.team.members.evaluator!.id,
        codeNumber: start + 55,
        stage: "SCREENED",
      }),
    ];
    await database.prisma.changeStory.createMany({ data: [...many, ...drafts] });
    await database.prisma.domainAssignment.createMany({
      data: [...many, ...drafts].map((story) => ({
        evaluationId: world.evaluationId,
        storyId: story.id,
        domainId,
        kind: "PRIMARY" as const,
        rationale: "r",
        assignedById: world.team.members.lead.id,
      })),
    });
    const first = await data.getTriangulationMatrix(world.evaluationId, domainId, 1);
    expect(first).toMatchObject({ total: 55, pageCount: 2, page: 1 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.code).toBe(many[0]!.code);
    const beyond = await data.getTriangulationMatrix(world.evaluationId, domainId, 9);
    expect(beyond.page).toBe(2);
    expect(beyond.rows.map((row) => row.code)).toEqual(many.slice(50).map((story) => story.code));
  });
});
