import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIsCurrent, recordBuildStamp } from "@/lib/launch/build-stamp";

describe("build stamp", () => {
  it("asks for a rebuild when there is no build, and after a source file changes", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "msc-stamp-"));
    mkdirSync(path.join(root, "app"));
    writeFileSync(path.join(root, "app", "page.tsx"), "one");
    expect(buildIsCurrent(root)).toBe(false);

    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    recordBuildStamp(root);
    expect(buildIsCurrent(root)).toBe(true);

    writeFileSync(path.join(root, "app", "page.tsx"), "two");
    utimesSync(path.join(root, "app", "page.tsx"), new Date(), new Date(Date.now() + 5000));
    expect(buildIsCurrent(root)).toBe(false);
  });
});
