/** The embedded database's address beside its data: readable by its owner only, gone at stop. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databaseUrlFile, publishDatabaseUrl } from "@/lib/launch/data-folder";

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe("the running embedded database's address", () => {
  it("is written for the owner alone while the app runs, and removed at stop", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "msc-data-"));
    folders.push(dataDir);
    const url = "postgresql://postgres:postgres@127.0.0.1:41234/postgres?sslmode=disable";
    const stop = publishDatabaseUrl(dataDir, url);
    const file = databaseUrlFile(dataDir);
    expect(readFileSync(file, "utf8")).toBe(url);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    stop();
    expect(existsSync(file)).toBe(false);
  });
});
