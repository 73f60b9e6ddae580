/**
 * The triangulation loaders on a real database, called as each kind of caller: those without
 * triangulation.view (panelists, reviewers, outsiders, administrators, another evaluation's lead)
 * get null; leads and evaluators read evidence but get no forms or form choices; analysts get them
 * only while the story is in a triangulation stage. Downloads are recorded, refusals are not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryFormValues } from "@/lib/stories/form-values";
import { evidenceFieldsSchema } from "@/lib/triangulation/schema";
import { createStoryWorld, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";
import { newStory } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let other: StoryWorld;
let loaders: typeof import("@/lib/triangulation/loaders");
let evidence: typeof import("@/lib/triangulation/mutations");
let storyId: string;
let documentId: string;
let figureId: string;

type Member = "lead" | "evaluator" | "panelist" | "analyst" | "reviewer";
const member = (role: Member, w: StoryWorld = world) => readerOf(w.team.members[role]!);
/** Everyone who must get null from a loader guarded by triangulation.view. */
const refused = () => [
  member("panelist"),
  member("reviewer"),
  readerOf(world.team.outsider),
  readerOf(world.team.outsider, true),
  member("lead", other),
  null,
];

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const attachment = {
  fileName: "informe.pdf",
  mimeType: "application/pdf" as const,
  sizeBytes: PDF.byteLength,
  sha256: "a".repeat(64),
  content: PDF,
};

/** A story with no storyteller or source, moved to `stage` by hand. */
async function storyAt(stage: "IN_TRIANGULATION" | "APPROVED", overrides: Partial<StoryFormValues> = {}) {
  const storyId = await newStory(world, {
    title: "Contrato legitimado",
    whatChanged: "Qué.",
    storytellerIds: [],
    sources: [],
    ...overrides,
  });
  await database.prisma.changeStory.update({ where: { id: storyId }, data: { stage } });
  return storyId;
}

async function addEvidence(
  toStory: string,
  sourceType: "DOCUMENT" | "ADMINISTRATIVE_RECORD",
  file: typeof attachment | null = null,
) {
  const fields = evidenceFieldsSchema.parse({
    sourceType,
    citation: `Fuente ${sourceType}`,
    whatItShows: "Lo que muestra.",
    stance: "SUPPORTS",
    strength: "STRONG",
  });
  const saved = await evidence.createEvidence({
    actorId: world.team.members.analyst!.id,
    evaluationId: world.evaluationId,
    storyId: toStory,
    evidence: fields,
    file,
  });
  if (!saved.ok) throw new Error(saved.reason);
  return saved.evidenceId;
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [loaders, evidence] = await Promise.all([
    import("@/lib/triangulation/loaders"),
    import("@/lib/triangulation/mutations"),
  ]);
  world = await createStoryWorld(database.prisma);
  other = await createStoryWorld(database.prisma);
  const { evaluationId, team } = world;
  storyId = await storyAt("IN_TRIANGULATION");
  await database.prisma.domainAssignment.create({
    data: {
      evaluationId,
      storyId,
      domainId: team.domains[0]!.id,
      kind: "PRIMARY",
      rationale: "Trata de eso.",
      assignedById: team.members.lead.id,
    },
  });
  figureId = (
    await database.prisma.storyFigure.create({
      data: { evaluationId, storyId, position: 1, label: "Contratos", value: "24", qualifier: "EXACT" },
    })
  ).id;
  documentId = await addEvidence(storyId, "DOCUMENT", attachment);
  await addEvidence(storyId, "ADMINISTRATIVE_RECORD");
});

afterAll(async () => {
  await database?.close();
});

describe("a story's triangulation page", () => {
  it("is null for those who may not see triangulation, and for a story outside the evaluation", async () => {
    for (const caller of refused())
      expect(await loaders.loadStoryTriangulation(world.evaluationId, storyId, caller)).toBeNull();
    expect(await loaders.loadStoryTriangulation(other.evaluationId, storyId, member("lead", other))).toBeNull();
  });

  it("shows leads and evaluators the evidence and readiness, without forms or their choices", async () => {
    for (const role of ["lead", "evaluator"] as const) {
      const view = await loaders.loadStoryTriangulation(world.evaluationId, storyId, member(role));
      expect(view?.evidence.map((item) => item.sourceType).sort(), role).toEqual(["ADMINISTRATIVE_RECORD", "DOCUMENT"]);
      expect(view, role).toMatchObject({ open: true, canEdit: false, canSignOff: false, figures: null });
      expect(view?.blockers.map((blocker) => blocker.code)).toEqual(["NO_SIGN_OFF"]);
    }
  });

  it("gives analysts the add-evidence choices and the sign-off until a current sign-off stands", async () => {
    const before = await loaders.loadStoryTriangulation(world.evaluationId, storyId, member("analyst"));
    expect(before).toMatchObject({ canEdit: true, canSignOff: true });
    expect(before?.figures?.map((figure) => figure.id)).toEqual([figureId]);
    const signed = await evidence.signOffTriangulation({
      actorId: world.team.members.analyst!.id,
      evaluationId: world.evaluationId,
      storyId,
      storyVersion: before!.story.version,
      note: "Dos fuentes.",
    });
    expect(signed.ok).toBe(true);
    const after = await loaders.loadStoryTriangulation(world.evaluationId, storyId, member("analyst"));
    expect(after).toMatchObject({ canEdit: true, canSignOff: false, blockers: [], signOff: { note: "Dos fuentes." } });
  });

  it("gives analysts no forms once the story has left triangulation", async () => {
    const closed = await storyAt("APPROVED");
    const view = await loaders.loadStoryTriangulation(world.evaluationId, closed, member("analyst"));
    expect(view).toMatchObject({ open: false, canEdit: false, canSignOff: false, figures: null });
  });
});

describe("the contribution page", () => {
  it("gives analysts the current projects and the retired ones the story already names", async () => {
    const [current, retired] = world.team.projects;
    const naming = await storyAt("IN_TRIANGULATION", {
      contributions: [{ projectId: retired!.id, howContributed: "Capacitó." }],
    });
    await database.prisma.project.update({ where: { id: retired!.id }, data: { retiredAt: new Date() } });
    const named = await loaders.loadContribution(world.evaluationId, naming, member("analyst"));
    expect(named?.projects?.map((project) => project.id).sort()).toEqual([current!.id, retired!.id].sort());
    const plain = await loaders.loadContribution(world.evaluationId, storyId, member("analyst"));
    expect(plain?.projects?.map((project) => project.id)).toEqual([current!.id]);
    await database.prisma.project.update({ where: { id: retired!.id }, data: { retiredAt: null } });
  });

  it("lets leads read it with no form, and refuses those who may not see triangulation", async () => {
    const view = await loaders.loadContribution(world.evaluationId, storyId, member("lead"));
    expect(view?.story.id).toBe(storyId);
    expect(view?.projects).toBeNull();
    expect(
      (await loaders.loadContribution(world.evaluationId, await storyAt("APPROVED"), member("analyst")))?.projects,
    ).toBeNull();
    for (const caller of refused())
      expect(await loaders.loadContribution(world.evaluationId, storyId, caller)).toBeNull();
  });
});

describe("an evidence item's edit page", () => {
  it("gives analysts the item and the story's figures", async () => {
    const view = await loaders.loadEvidenceEdit(world.evaluationId, storyId, documentId, member("analyst"));
    expect(view).toMatchObject({ story: { id: storyId }, item: { id: documentId, fileName: "informe.pdf" } });
    expect(view?.figures.map((figure) => figure.id)).toEqual([figureId]);
  });

  it("is null for readers who may not edit evidence, for an item under another story, and once triangulation is over", async () => {
    for (const caller of [member("lead"), member("evaluator"), ...refused()])
      expect(await loaders.loadEvidenceEdit(world.evaluationId, storyId, documentId, caller)).toBeNull();
    const otherStory = await storyAt("IN_TRIANGULATION");
    expect(await loaders.loadEvidenceEdit(world.evaluationId, otherStory, documentId, member("analyst"))).toBeNull();
    const closed = await storyAt("IN_TRIANGULATION");
    const closedItem = await addEvidence(closed, "DOCUMENT");
    await database.prisma.changeStory.update({ where: { id: closed }, data: { stage: "APPROVED" } });
    expect(await loaders.loadEvidenceEdit(world.evaluationId, closed, closedItem, member("analyst"))).toBeNull();
  });
});

describe("the matrix", () => {
  it("shows the first domain by default, another when asked, and retired domains as choices", async () => {
    const [first, second] = world.team.domains;
    await database.prisma.domain.update({ where: { id: second!.id }, data: { retiredAt: new Date() } });
    const view = await loaders.loadTriangulationMatrix(world.evaluationId, member("evaluator"), "", 1);
    expect(view?.domain?.id).toBe(first!.id);
    expect(view?.domains.map((domain) => domain.id)).toContain(second!.id);
    expect(view?.matrix?.rows.map((row) => row.id)).toEqual([storyId]);
    expect(view?.matrix?.rows[0]?.cells).toEqual({ DOCUMENT: { SUPPORTS: 1 }, ADMINISTRATIVE_RECORD: { SUPPORTS: 1 } });
    const asked = await loaders.loadTriangulationMatrix(world.evaluationId, member("evaluator"), second!.id, 1);
    expect(asked?.domain?.id).toBe(second!.id);
    expect(asked?.matrix?.rows).toEqual([]);
  });

  it("is null for those who may not see triangulation", async () => {
    for (const caller of refused())
      expect(await loaders.loadTriangulationMatrix(world.evaluationId, caller, "", 1)).toBeNull();
  });
});

describe("an attachment's download", () => {
  const reads = () =>
    database.prisma.auditEvent.count({
      where: { evaluationId: world.evaluationId, action: "evidence.file.read", recordId: documentId },
    });

  it("hands the bytes to those who see evidence and records each read with who and from where", async () => {
    const before = await reads();
    const file = await loaders.openEvidenceFile(world.evaluationId, documentId, member("evaluator"), "203.0.113.7");
    expect(file && Buffer.from(file.content).equals(Buffer.from(PDF))).toBe(true);
    expect(file).toMatchObject({ fileName: "informe.pdf", mimeType: "application/pdf" });
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "evidence.file.read", recordId: documentId },
      orderBy: { sequence: "desc" },
    });
    expect(event).toMatchObject({
      actorId: world.team.members.evaluator!.id,
      ipAddress: "203.0.113.7",
      after: { storyId, fileName: "informe.pdf" },
    });
    expect(await reads()).toBe(before + 1);
  });

  it("is null, and records nothing, for everyone else, an item without a file, and another evaluation", async () => {
    const before = await reads();
    for (const caller of refused())
      expect(await loaders.openEvidenceFile(world.evaluationId, documentId, caller, null)).toBeNull();
    expect(await loaders.openEvidenceFile(other.evaluationId, documentId, member("lead", other), null)).toBeNull();
    const withoutFile = (await database.prisma.evidenceItem.findFirstOrThrow({ where: { storyId, fileName: null } }))
      .id;
    expect(await loaders.openEvidenceFile(world.evaluationId, withoutFile, member("lead"), null)).toBeNull();
    expect(await reads()).toBe(before);
    expect(
      await database.prisma.auditEvent.count({ where: { action: "evidence.file.read", recordId: withoutFile } }),
    ).toBe(0);
  });
});
