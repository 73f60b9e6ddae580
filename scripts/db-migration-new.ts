/**
 * Writes the next migration without any download or database server:
 *   npm run db:migration:new -- add_lesson_priority
 * It diffs the datamodel of the newest migration against prisma/schema.prisma (the engine needs a
 * connection, so an in-memory embedded database stands in) and saves the SQL plus a snapshot.
 * Only the newest migration keeps a snapshot: it is all the next diff needs, and one 2,000-line
 * copy of the schema per migration would only grow the tree (the older ones live in git history).
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { openSchemaEngine } from "../lib/db/schema-engine";
import {
  describeEngineError,
  migrationsDir,
  NO_FILTER,
  readMigrations,
  schemaPath,
  SNAPSHOT_FILE,
} from "../lib/db/migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <name in lower_snake_case>");
  process.exit(1);
}

const list = await readMigrations();
const latest = list.migrationDirectories.at(-1)?.path;
const previous = latest ? await readFile(path.join(migrationsDir, latest, SNAPSHOT_FILE), "utf8") : undefined;
const current = await readFile(schemaPath, "utf8");

const database = await startEmbeddedDatabase();
const { engine, close } = await openSchemaEngine(current, database.url);
try {
  const { stdout } = await engine.diff({
    from: previous
      ? { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: previous }] }
      : { tag: "empty" },
    to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: current }] },
    script: true,
    exitCode: null,
    filters: NO_FILTER,
  });
  const sql = stdout ?? "";
  if (!/\S/.test(sql.replace(/^--.*$/gm, "")) || sql.includes("This is an empty migration")) {
    console.log("prisma/schema.prisma matches the newest migration: nothing to write.");
    // Comments and formatting change no SQL; the snapshot follows them so it stays equal to the schema.
    if (latest && previous !== current) {
      await writeFile(path.join(migrationsDir, latest, SNAPSHOT_FILE), current);
      console.log(`Refreshed ${latest}/${SNAPSHOT_FILE} (no SQL change).`);
    }
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "migration.sql"), sql);
    await writeFile(path.join(folder, SNAPSHOT_FILE), current);
    if (latest) await rm(path.join(migrationsDir, latest, SNAPSHOT_FILE), { force: true });
    console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
    console.log("Add any hand-written SQL (triggers, partial indexes) at its end, then commit both files.");
  }
} catch (error) {
  console.error(`Could not compute the migration: ${describeEngineError(error)}`);
  process.exitCode = 1;
} finally {
  await close();
  await database.stop();
}
