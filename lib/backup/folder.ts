/**
 * A backup is one folder: manifest.json (what was saved, with every table's count and checksum),
 * the database (database.dump from pg_dump, or data.tsv.gz for the embedded database), and the
 * audit checkpoints as they were just before the database was read, so a restored copy verifies
 * against them (every event they cover is in the snapshot taken after).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Digests } from "./digests";

export class BackupError extends Error {}

export type Manifest = {
  format: "msc-backup/1";
  kind: "postgresql" | "embedded";
  createdAt: string;
  migrations: string[];
  tables: Digests;
  /** Files of the folder besides the manifest. */
  files: string[];
};

export const MANIFEST = "manifest.json";
export const CHECKPOINTS = "audit-checkpoints.jsonl";

export function newBackupFolder(parent: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const folder = path.resolve(parent, `msc-backup-${stamp}`);
  if (existsSync(folder)) throw new BackupError(`${folder} already exists; wait a second and run the backup again.`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

export function writeManifest(folder: string, manifest: Manifest): void {
  writeFileSync(path.join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

export function readManifest(folder: string): Manifest {
  const file = path.join(folder, MANIFEST);
  if (!existsSync(file)) throw new BackupError(`${folder} is not a backup of this app (no ${MANIFEST}).`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  if (manifest.format !== "msc-backup/1")
    throw new BackupError(`${file} is of an unknown format (${String(manifest.format)}).`);
  return manifest;
}

/** Copies the checkpoint file into the backup; returns whether there was one. */
export function saveCheckpoints(source: string, folder: string): boolean {
  if (!existsSync(source)) return false;
  copyFileSync(source, path.join(folder, CHECKPOINTS));
  return true;
}

/**
 * Puts a file of the backup in place, keeping what was there as `<name>.before-restore-<time>`.
 * Returns the name the old file was kept under, if any.
 */
export function putInPlace(source: string, target: string, now = new Date()): string | null {
  let kept: string | null = null;
  if (existsSync(target)) {
    kept = `${target}.before-restore-${now
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d+Z$/, "Z")}`;
    renameSync(target, kept);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, target);
  return kept;
}
