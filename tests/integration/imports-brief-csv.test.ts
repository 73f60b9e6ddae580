/**
 * The brief's 9 sample outcomes from CSV files, one per table as KoboToolbox and ODK export repeat
 * groups (historias.csv, figuras.csv, contribuciones.csv), figures written as Mexico writes them
 * ("10,000", "más de" in words or "over" in its column), imported end to end against PostgreSQL:
 * every field of every story.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport } from "@/lib/imports/mutations";
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

describe("the brief's outcomes from CSV files", () => {
  it("imports every story with its figures, contributions, translation, places, sources and domains", async () => {
    const related = [
      { name: "figuras.csv", file: await fixtureFile("figuras.csv") },
      { name: "contribuciones.csv", file: await fixtureFile("contribuciones.csv") },
    ];
    const { dry, commit } = await importBrief(
      evaluation,
      await fixtureFile("historias.csv"),
      related,
      "es",
      "brief-csv-1",
    );
    await expectBriefImported(database.prisma, evaluation, { dry, commit });
  });

  it("refuses a commit whose repeat-group file is not the one the dry run read", async () => {
    const stories = await fixtureFile("historias.csv");
    const figures = { name: "figuras.csv", file: await fixtureFile("figuras.csv") };
    const contributions = { name: "contribuciones.csv", file: await fixtureFile("contribuciones.csv") };
    const { dry } = await importBrief(evaluation, stories, [figures, contributions], "es", "brief-csv-2", {
      commit: false,
    });
    const changed = {
      name: "figuras.csv",
      file: new File([`${await figures.file.text()}extra,1,,,99,1,stories,uuid-brief-01\r\n`], "figuras.csv"),
    };
    const commit = await commitImport(evaluation.actor, {
      evaluationId: evaluation.evaluationId,
      batchId: dry.batchId,
      file: stories,
      related: [changed, contributions],
    });
    expect(commit).toEqual({ rejected: "FILE_CHANGED", field: "file" });
  });
});
