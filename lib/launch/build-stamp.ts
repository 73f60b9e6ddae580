/**
 * Whether the production build in `.next` was made from the sources as they are now, so that
 * `npm start` after `git pull` rebuilds instead of serving old code. The stamp is a hash of the
 * paths, sizes and modification times of everything the build reads.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["node_modules", "generated", ".next"]);
const STAMP = path.join(".next", "source-stamp");

function collect(entry: string, into: string[]) {
  if (!existsSync(entry)) return;
  const info = statSync(entry);
  if (info.isDirectory()) {
    for (const child of readdirSync(entry).sort()) if (!SKIP.has(child)) collect(path.join(entry, child), into);
  } else {
    into.push(`${entry}:${info.size}:${Math.trunc(info.mtimeMs)}`);
  }
}

export function sourceStamp(root = "."): string {
  const lines: string[] = [];
  for (const source of SOURCES) collect(path.join(root, source), lines);
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

export function buildIsCurrent(root = "."): boolean {
  const stampFile = path.join(root, STAMP);
  return (
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === sourceStamp(root)
  );
}

export function recordBuildStamp(root = "."): void {
  writeFileSync(path.join(root, STAMP), sourceStamp(root));
}
