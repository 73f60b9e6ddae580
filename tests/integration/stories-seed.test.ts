/**
 * The demo's stories are stored as a save through the app would store them: each revision's
 * snapshot equals the snapshot built from the rows now, and parses as the current shape.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { seedDemo } = await import("@/prisma/seed/demo");
  await seedDemo(database.prisma, { withDemoPasswords: false });
});

afterAll(async () => {
  await database?.close();
});

describe("the demo stories' revisions", () => {
  it("hold the same snapshot the app builds from the stored rows", async () => {
    const { loadStorySnapshot } = await import("@/lib/stories/data");
    const { parseStorySnapshot } = await import("@/lib/stories/snapshot");
    const revisions = await database.prisma.storyRevision.findMany({
      select: { evaluationId: true, storyId: true, snapshot: true },
    });
    expect(revisions.length).toBeGreaterThan(0);
    for (const revision of revisions) {
      expect(parseStorySnapshot(revision.snapshot), revision.storyId).not.toBeNull();
      expect(revision.snapshot).toEqual(
        await loadStorySnapshot(database.prisma, revision.evaluationId, revision.storyId),
      );
    }
  });
});
