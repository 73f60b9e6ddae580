/**
 * The brief's 9 sample outcomes from one XLSX workbook laid out as KoboToolbox exports a form with
 * repeat groups (stories, then "figuras" and "contribuciones" joined by _index/_parent_index and
 * _uuid/_submission__uuid; numbers in number cells), imported end to end against PostgreSQL:
 * every field of every story, and a second import of the same file adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectBriefImported,
  fixtureFile,
  importBrief,
  openBriefDatabase,
  type BriefEvaluation,
} from "@/tests/support/brief-import";
import type { TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let evaluation: BriefEvaluation;

beforeAll(async () => {
  ({ database, evaluation } = await openBriefDatabase());
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("the brief's outcomes from one XLSX workbook", () => {
  it("imports every story with its figures, contributions, translation, places, sources and domains", async () => {
    const file = await fixtureFile("brief-stories.xlsx");
    const { analysis, dry, commit } = await importBrief(evaluation, file, [], "en", "brief-xlsx-1");
    expect(analysis.keyColumn).toBe("_uuid");
    await expectBriefImported(database.prisma, evaluation, { dry, commit });
    const batch = await database.prisma.importBatch.findUniqueOrThrow({ where: { id: dry.batchId } });
    expect(batch.numberLocale).toBe("en");

    // Each story is audited as created by the importing member, with the batch; each domain too.
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: evaluation.evaluationId, action: { in: ["story.create", "story.domain.assign"] } },
    });
    expect(events.filter((event) => event.action === "story.create")).toHaveLength(9);
    expect(events.filter((event) => event.action === "story.domain.assign")).toHaveLength(11);
    for (const event of events) {
      expect(event.actorId).toBe(evaluation.actor.actorId);
      expect((event.after as { importBatchId?: string }).importBatchId).toBe(dry.batchId);
    }

    // The same workbook again: every row was imported before, nothing is added.
    const again = await importBrief(evaluation, file, [], "en", "brief-xlsx-2");
    expect(again.dry).toMatchObject({ rowCount: 9, newCount: 0, skippedCount: 9, errorCount: 0 });
    expect(again.commit).toMatchObject({ created: 0, skipped: 9 });
    expect(await database.prisma.changeStory.count({ where: { evaluationId: evaluation.evaluationId } })).toBe(9);
    expect(await database.prisma.storyFigure.count({ where: { evaluationId: evaluation.evaluationId } })).toBe(7);
  });
});
