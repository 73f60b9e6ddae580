/**
 * Applies `prisma/migrations` with the WebAssembly schema engine, writing the same
 * `_prisma_migrations` bookkeeping (names, checksums) as `prisma migrate deploy`, so a connected
 * install can switch to the Prisma CLI at any time.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { lastSchemaEnginePanic, openSchemaEngine } from "./schema-engine";

export const prismaDir = fileURLToPath(new URL("../../prisma", import.meta.url));
export const migrationsDir = path.join(prismaDir, "migrations");
export const schemaPath = path.join(prismaDir, "schema.prisma");
/** The newest migration folder keeps the datamodel it brings the database to: the next diff starts there. */
export const SNAPSHOT_FILE = "schema.snapshot.prisma";
export const NO_FILTER = { externalTables: [], externalEnums: [] };

/** Reads the migrations folder exactly as the Prisma CLI does (every subfolder is one migration). */
export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const lockPath = "migration_lock.toml";
  const lockContent = await readFile(path.join(dir, lockPath), "utf8").catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (name) => {
      const content = await readFile(path.join(dir, name, "migration.sql"), "utf8")
        .then((value) => ({ tag: "ok" as const, value }))
        .catch((error: Error) => ({ tag: "error" as const, value: error.message }));
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * Brings the database at `url` up to date; returns the names of the migrations it applied.
 * `only`: just these migrations (a restore re-creates the schema its backup was taken with).
 */
export async function applyMigrations(url: string, only?: string[]): Promise<string[]> {
  const datamodel = await readFile(schemaPath, "utf8");
  const migrationsList = await readMigrations();
  if (only) {
    const unknown = only.filter((name) => !migrationsList.migrationDirectories.some((dir) => dir.path === name));
    if (unknown.length > 0)
      throw new Error(
        `Migration failed: this version of the app lacks ${unknown.join(", ")} (the data is newer than the code).`,
      );
    migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((dir) => only.includes(dir.path));
  }
  const { engine, close } = await openSchemaEngine(datamodel, url);
  try {
    const output = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return output.appliedMigrationNames;
  } catch (error) {
    throw new Error(`Migration failed: ${describeEngineError(error)}`, { cause: error });
  } finally {
    await close();
  }
}

export function describeEngineError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const panic = lastSchemaEnginePanic();
  return panic ? `${message.trim()} (${panic.split("\n")[0]})` : message.trim();
}
