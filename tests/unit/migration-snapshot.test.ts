/**
 * One schema snapshot, in the newest migration's folder, equal to prisma/schema.prisma: the next
 * `npm run db:migration:new` diffs from it, so a schema change committed without its migration (or
 * two branches' migrations merged without refreshing it) fails here rather than in the next diff.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationsDir, schemaPath, SNAPSHOT_FILE } from "@/lib/db/migrations";

const folders = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("the migrations' schema snapshot", () => {
  it("is kept by the newest migration only", () => {
    expect(folders.filter((name) => existsSync(path.join(migrationsDir, name, SNAPSHOT_FILE)))).toEqual([
      folders.at(-1),
    ]);
  });

  it("matches prisma/schema.prisma, so every schema change has its migration", () => {
    const snapshot = readFileSync(path.join(migrationsDir, folders.at(-1)!, SNAPSHOT_FILE), "utf8");
    expect(snapshot).toBe(readFileSync(schemaPath, "utf8"));
  });
});
