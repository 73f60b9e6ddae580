/**
 * One door for reads: pages, route handlers and components read through a feature's loader,
 * which applies the read policy and returns only what the caller may see. They never import
 * the database client, a data file or a mutation themselves (type-only imports are fine: they
 * vanish at build time).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["app", "components"];

/** Modules that touch the database: the client, data files, list queries and mutations. */
const FORBIDDEN = [
  /^@\/lib\/db$/,
  /^@\/lib\/generated\/prisma\/client$/,
  /^@\/lib\/[a-z-]+\/([a-z-]+-)?data$/,
  /^@\/lib\/[a-z-]+\/list$/,
  /^@\/lib\/[a-z-]+\/([a-z-]+-)?mutations$/,
];

/**
 * Files not yet through the door, each to move to its feature's loader. The list only shrinks:
 * a file that no longer needs its entry fails the test until the entry goes.
 */
const NOT_YET: readonly string[] = [
  "app/(app)/admin/audit-chains/page.tsx",
  "app/(app)/admin/users/page.tsx",
  "app/(app)/evaluations/[evaluationId]/audit/page.tsx",
  "app/(app)/evaluations/[evaluationId]/imports/page.tsx",
  "app/(app)/evaluations/[evaluationId]/members/page.tsx",
  "app/(app)/evaluations/[evaluationId]/page.tsx",
  "app/(app)/evaluations/[evaluationId]/reviews/[storyId]/page.tsx",
  "app/(app)/evaluations/[evaluationId]/reviews/page.tsx",
  "app/(app)/evaluations/[evaluationId]/search/page.tsx",
  "app/(app)/evaluations/[evaluationId]/settings/domains/page.tsx",
  "app/(app)/evaluations/[evaluationId]/settings/lists/page.tsx",
  "app/(app)/evaluations/[evaluationId]/settings/places/page.tsx",
  "app/(app)/evaluations/[evaluationId]/settings/projects/page.tsx",
  "app/(app)/evaluations/[evaluationId]/stories/[storyId]/contribution/page.tsx",
  "app/(app)/evaluations/[evaluationId]/stories/[storyId]/edit/page.tsx",
  "app/(app)/evaluations/[evaluationId]/stories/[storyId]/page.tsx",
  "app/(app)/evaluations/[evaluationId]/stories/[storyId]/revisions/page.tsx",
  "app/(app)/evaluations/[evaluationId]/stories/[storyId]/timeline/page.tsx",
  "app/(app)/evaluations/[evaluationId]/stories/[storyId]/triangulation/evidence/[evidenceId]/page.tsx",
  "app/(app)/evaluations/[evaluationId]/stories/[storyId]/triangulation/page.tsx",
  "app/(app)/evaluations/[evaluationId]/stories/new/page.tsx",
  "app/(app)/evaluations/[evaluationId]/stories/page.tsx",
  "app/(app)/evaluations/[evaluationId]/triangulation/page.tsx",
  "app/(app)/evaluations/page.tsx",
  "app/(auth)/invitations/[token]/page.tsx",
  "app/(auth)/invitations/account/[token]/page.tsx",
  "app/api/evaluations/[evaluationId]/evidence/[evidenceId]/file/route.ts",
  "app/api/health/route.ts",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

/** The modules a file imports at run time (an `import type`, or braces holding only types, do not count). */
export function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+([^;]*?)\s+from\s+["']([^"']+)["']/gms)) {
    const clause = match[2].trim();
    if (clause.startsWith("type ")) continue;
    const braces = clause.match(/^\{([^}]*)\}$/);
    if (braces && braces[1].split(",").every((name) => name.trim() === "" || name.trim().startsWith("type "))) continue;
    found.push(match[3]);
  }
  for (const match of source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) found.push(match[1]);
  return found;
}

function violations(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  return runtimeImports(source).filter((target) => FORBIDDEN.some((rule) => rule.test(target)));
}

describe("the read door", () => {
  const files = SCANNED.flatMap(sourceFiles).map((file) => file.split(path.sep).join("/"));

  it("finds the files it guards", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("keeps pages, routes and components away from the database", () => {
    const offenders = files.filter((file) => !NOT_YET.includes(file)).flatMap((file) => violations(file).map((target) => `${file} imports ${target}`));
    expect(offenders).toEqual([]);
  });

  it("lists only files that still need an entry", () => {
    const clean = NOT_YET.filter((file) => !files.includes(file) || violations(file).length === 0);
    expect(clean).toEqual([]);
  });

  it("tells a runtime import from a type-only one", () => {
    expect(runtimeImports(`import { db } from "@/lib/db";`)).toEqual(["@/lib/db"]);
    expect(runtimeImports(`import type { Story } from "@/lib/stories/data";`)).toEqual([]);
    expect(runtimeImports(`import { type Story, type Row } from "@/lib/stories/data";`)).toEqual([]);
    expect(runtimeImports(`import {\n  type Story,\n  getStory,\n} from "@/lib/stories/data";`)).toEqual(["@/lib/stories/data"]);
    expect(runtimeImports(`const m = await import("@/lib/db");`)).toEqual(["@/lib/db"]);
  });
});
