/**
 * A story import of a few hundred rows, written a chunk at a time with one insert per table
 * (lib/stories/creation-mutations.ts), against PostgreSQL: every child row of every story, its
 * first revision equal to the story as stored, codes that follow on from a story typed in the
 * form without a gap, one "story.create" and one "story.domain.assign" event per story with the
 * batch id on an unbroken chain, and a replayed file that adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { loadStorySnapshot } from "@/lib/stories/data";
import { emptyStoryValues } from "@/lib/stories/form-values";
import { createStory } from "@/lib/stories/mutations";
import { storyFieldsSchema } from "@/lib/stories/schema";
import { buildPlace, buildRespondent, buildSector, createEvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { importBrief } from "@/tests/support/brief-import";
import { koboSheets, koboXlsxFile, type KoboForm, type KoboSubmission } from "@/tests/support/kobo-workbook";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

const ROWS = 1_200; // more than one chunk of the scan (1,000 rows)
const STATES = ["Coahuila", "Jalisco", "Oaxaca"];

let database: TestDatabase;
let evaluationId: string;
let actorId: string;
let file: File;

const STORIES_FORM: KoboForm = {
  sheet: "stories",
  columns: [
    "title",
    "what_changed",
    "why_significant",
    "language",
    "change_type",
    "period",
    "places",
    "sectors",
    "storytellers",
    "primary_domain",
    "domain_rationale",
    "title_translation",
    "what_changed_translation",
    "why_significant_translation",
    "translation_language",
    "translated_by",
  ],
  repeats: { figuras: ["label", "value", "qualifier"], contribuciones: ["project", "how_contributed"] },
};

function* submissions(rows: number, acronyms: string[], translator: string): Generator<KoboSubmission> {
  for (let i = 1; i <= rows; i += 1) {
    yield {
      uuid: `uuid-${i}`,
      answers: [
        `Historia ${i}`,
        `Lo que cambió en la historia ${i}.`,
        `Por qué importa la historia ${i}.`,
        "es",
        i % 10 === 0 ? "sin cambio" : "positivo",
        "2021-2023",
        `${STATES[i % 3]}; ${STATES[(i + 1) % 3]}`,
        "minería",
        `R-${String((i % 20) + 1).padStart(4, "0")}`,
        (i % 3) + 1,
        `Fundamento ${i}.`,
        `Story ${i}`,
        `What changed in story ${i}.`,
        `Why story ${i} matters.`,
        "en",
        translator,
      ],
      repeats: {
        figuras: [
          ["personas", 1000 + i, "más de"],
          ["empresas", i, ""],
        ],
        contribuciones: [[acronyms[i % acronyms.length], `Apoyo ${i}.`]],
      },
    };
  }
}

async function importOnce(key: string) {
  const actor = { actorId, ipAddress: "203.0.113.9" };
  const { dry, commit } = await importBrief({ evaluationId, actor }, file, [], "es", key);
  if (!commit) throw new Error(`the dry run found ${dry.errorCount} errors`);
  if ("rejected" in commit) throw new Error(commit.rejected);
  return { dry, commit };
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const prisma = database.prisma;
  const team = await createEvaluationWithTeam(prisma, { domainCount: 3, projectCount: 2 });
  evaluationId = team.evaluation.id;
  const evaluator = team.members.evaluator!;
  actorId = evaluator.id;
  await prisma.place.createMany({ data: STATES.map((state) => buildPlace({ evaluationId, state })) });
  await prisma.sector.create({ data: buildSector({ evaluationId, nameEn: "mining", nameEs: "minería" }) });
  await prisma.respondent.createMany({
    data: Array.from({ length: 20 }, (_, index) => buildRespondent({ evaluationId, codeNumber: index + 1 })),
  });
  const acronyms = team.projects.map((project) => project.acronym);
  file = await koboXlsxFile(
    koboSheets(STORIES_FORM, () => submissions(ROWS, acronyms, evaluator.email)),
    "stories.xlsx",
  );
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("a story import written in chunks", () => {
  it("writes every child row, revision and audit event of every story, and a replay adds nothing", async () => {
    const prisma = database.prisma;
    // A story typed in the form first: the import's codes follow on from it.
    const typed = await createStory({
      actorId,
      evaluationId,
      story: storyFieldsSchema.parse({
        ...emptyStoryValues("es"),
        title: "Escrita a mano",
        whatChanged: "Algo cambió.",
        whySignificant: "Importa.",
        changeType: "POSITIVE",
      }),
    });
    expect(typed).toMatchObject({ ok: true, code: "CS-0001" });

    const { dry, commit } = await importOnce("batch-1");
    expect(dry).toMatchObject({ rowCount: ROWS, newCount: ROWS, errorCount: 0 });
    expect(commit).toMatchObject({ created: ROWS, skipped: 0 });

    const stories = await prisma.changeStory.findMany({
      where: { evaluationId, title: { startsWith: "Historia " } },
      select: { id: true, code: true, codeNumber: true, title: true, translatedAt: true, translationSources: true },
      orderBy: { codeNumber: "asc" },
    });
    expect(stories).toHaveLength(ROWS);
    // Codes in the file's order, from CS-0002, without gaps or repeats.
    expect(stories.map((story) => story.codeNumber)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    expect(stories.map((story) => story.title)).toEqual(Array.from({ length: ROWS }, (_, i) => `Historia ${i + 1}`));
    for (const story of stories) {
      expect(story.translatedAt).not.toBeNull();
      expect(story.translationSources).not.toBeNull();
    }

    // Every child row, counted per story.
    const perStory = (rows: Array<{ storyId: string }>) => {
      const counts = new Map<string, number>();
      for (const { storyId } of rows) counts.set(storyId, (counts.get(storyId) ?? 0) + 1);
      return counts;
    };
    const where = { evaluationId, storyId: { in: stories.map((story) => story.id) } };
    const select = { storyId: true } as const;
    const counts = {
      figures: perStory(await prisma.storyFigure.findMany({ where, select })),
      places: perStory(await prisma.storyPlace.findMany({ where, select })),
      sectors: perStory(await prisma.storySector.findMany({ where, select })),
      storytellers: perStory(await prisma.storyTeller.findMany({ where, select })),
      contributions: perStory(await prisma.storyContribution.findMany({ where, select })),
      revisions: perStory(await prisma.storyRevision.findMany({ where, select })),
      domains: perStory(await prisma.domainAssignment.findMany({ where, select })),
    };
    const expected = { figures: 2, places: 2, sectors: 1, storytellers: 1, contributions: 1, revisions: 1, domains: 1 };
    for (const story of stories)
      for (const [table, count] of Object.entries(expected))
        expect([story.code, table, counts[table as keyof typeof counts].get(story.id)]).toEqual([
          story.code,
          table,
          count,
        ]);

    // A sample in full: the figures' numbers and qualifiers, the primary domain, and revision 1 is the story as stored.
    for (const index of [0, 499, 999, ROWS - 1]) {
      const story = stories[index]!;
      const row = index + 1;
      const figures = await prisma.storyFigure.findMany({
        where: { evaluationId, storyId: story.id },
        orderBy: { position: "asc" },
        select: { position: true, label: true, value: true, qualifier: true },
      });
      expect(
        figures.map((figure) => [figure.position, figure.label, figure.value.toString(), figure.qualifier]),
      ).toEqual([
        [1, "personas", String(1000 + row), "MORE_THAN"],
        [2, "empresas", String(row), "EXACT"],
      ]);
      const assignment = await prisma.domainAssignment.findFirstOrThrow({
        where: { evaluationId, storyId: story.id },
        select: {
          kind: true,
          rationale: true,
          endedAt: true,
          assignedById: true,
          domain: { select: { position: true } },
        },
      });
      expect(assignment).toEqual({
        kind: "PRIMARY",
        rationale: `Fundamento ${row}.`,
        endedAt: null,
        assignedById: actorId,
        domain: { position: (row % 3) + 1 },
      });
      const revision = await prisma.storyRevision.findFirstOrThrow({
        where: { evaluationId, storyId: story.id },
        select: { version: true, snapshot: true, editedById: true },
      });
      expect(revision.version).toBe(1);
      expect(revision.editedById).toBe(actorId);
      const stored = await loadStorySnapshot(prisma, evaluationId, story.id);
      expect(revision.snapshot).toEqual(JSON.parse(JSON.stringify(stored)));
    }

    // One event per story and per assignment, each with the batch, on an unbroken chain.
    const events = await prisma.auditEvent.findMany({
      where: { evaluationId, action: { in: ["story.create", "story.domain.assign"] } },
      select: { action: true, recordId: true, actorId: true, after: true },
    });
    const imported = new Set(stories.map((story) => story.id));
    for (const action of ["story.create", "story.domain.assign"]) {
      const ofAction = events.filter((event) => event.action === action && imported.has(event.recordId!));
      expect(new Set(ofAction.map((event) => event.recordId)).size).toBe(ROWS);
      expect(ofAction).toHaveLength(ROWS);
      for (const event of ofAction) {
        expect(event.actorId).toBe(actorId);
        expect((event.after as { importBatchId?: string }).importBatchId).toBe(dry.batchId);
      }
    }
    const created = events.find((event) => event.action === "story.create" && event.recordId === stories[0]!.id);
    expect(created?.after).toMatchObject({ code: "CS-0002", stage: "DRAFT", version: 1, title: "Historia 1" });
    expect(await verifyAuditChain(prisma, evaluationId)).toMatchObject({ ok: true });

    // The same file again adds nothing.
    const again = await importOnce("batch-2");
    expect(again.dry).toMatchObject({ rowCount: ROWS, newCount: 0, skippedCount: ROWS, errorCount: 0 });
    expect(again.commit).toMatchObject({ created: 0, skipped: ROWS });
    expect(await prisma.changeStory.count({ where: { evaluationId } })).toBe(ROWS + 1);
    expect(await prisma.storyFigure.count({ where: { evaluationId } })).toBe(2 * ROWS);
  }, 300_000);
});
