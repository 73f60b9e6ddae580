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
  for (const [, , clause = "", target = ""] of source.matchAll(
    /^\s*(import|export)\s+([^;]*?)\s+from\s+["']([^"']+)["']/gms,
  )) {
    if (clause.trim().startsWith("type ")) continue;
    const names = clause.trim().match(/^\{([^}]*)\}$/)?.[1];
    if (names !== undefined && names.split(",").every((name) => name.trim() === "" || name.trim().startsWith("type ")))
      continue;
    found.push(target);
  }
  for (const [, target = ""] of source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) found.push(target);
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
    const offenders = files.flatMap((file) => violations(file).map((target) => `${file} imports ${target}`));
    expect(offenders).toEqual([]);
  });

  it("tells a runtime import from a type-only one", () => {
    expect(runtimeImports(`import { db } from "@/lib/db";`)).toEqual(["@/lib/db"]);
    expect(runtimeImports(`import type { Story } from "@/lib/stories/data";`)).toEqual([]);
    expect(runtimeImports(`import { type Story, type Row } from "@/lib/stories/data";`)).toEqual([]);
    expect(runtimeImports(`import {\n  type Story,\n  getStory,\n} from "@/lib/stories/data";`)).toEqual([
      "@/lib/stories/data",
    ]);
    expect(runtimeImports(`const m = await import("@/lib/db");`)).toEqual(["@/lib/db"]);
  });
});

/**
 * Inside lib, the database client belongs to data, loaders and mutations, named so
 * (`data.ts`, `story-data.ts`, `loaders.ts`, `mutations.ts`, `stage-mutations.ts`). The files
 * below hold writes or reads under another name, each for the reason given.
 */
const CLIENT_ELSEWHERE: Record<string, string> = {
  "lib/db/health.ts": "the health check's one statement, with its deadline",
  "lib/brief/download.ts": "records the download's audit event in its own transaction",
  "lib/exports/door.ts": "records the export's audit event when the stream completes",
  "lib/mail/delivery.ts": "records a delivery attempt beside the message it sent",
  "lib/evaluations/copy-setup.ts": "a mutation: one transaction copies the whole setup",
  "lib/respondents/identity-export.ts": "decrypts identities for an identified export, audited by the door",
  "lib/stories/list.ts": "the story list's query (a data file by another name)",
  "lib/respondents/list.ts": "the respondent list's query (a data file by another name)",
};

describe("the database client inside lib", () => {
  const files = sourceFiles("lib").map((file) => file.split(path.sep).join("/"));
  const isDataLayer = (file: string) =>
    /(^|\/|-)(data|loaders|mutations)\.ts$/.test(file) || file.startsWith("lib/generated/");
  const importsClient = (file: string) =>
    runtimeImports(readFileSync(path.join(ROOT, file), "utf8")).some(
      (target) => target === "@/lib/db" || target === "../db" || target === "./db",
    );

  it("is imported only by data, loaders and mutations, or a file that says why", () => {
    const offenders = files.filter(
      (file) => file !== "lib/db.ts" && !isDataLayer(file) && !(file in CLIENT_ELSEWHERE) && importsClient(file),
    );
    expect(offenders).toEqual([]);
  });

  it("gives no reason for a file that no longer needs one", () => {
    expect(Object.keys(CLIENT_ELSEWHERE).filter((file) => !files.includes(file) || !importsClient(file))).toEqual([]);
  });
});
