/**
 * `npm test`: the whole suite — type check, lint, formatting, unit and integration tests (Vitest)
 * and browser tests (Playwright) — ending with one line of totals: "N passed, N failed".
 * Any failure, including a suite that could not run at all, makes the exit code non-zero.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Entry points by path: some packages do not export them.
const bin = (file: string) => path.join(fileURLToPath(new URL("../node_modules/", import.meta.url)), file);
type Totals = { passed: number; failed: number; skipped: number };
const results: Array<{ suite: string } & Totals> = [];
let broken = false;

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [command, ...args], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } as NodeJS.ProcessEnv,
  });
  return result.status ?? 1;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

mkdirSync("test-results", { recursive: true });

console.log("\n== Type check ==");
const tsc = run(bin("typescript/bin/tsc"), ["--noEmit", "-p", "tsconfig.json"]);
results.push({ suite: "typecheck", passed: tsc === 0 ? 1 : 0, failed: tsc === 0 ? 0 : 1, skipped: 0 });

// The conventions that run (decision 0032): each counts as one check, passed or failed.
console.log("\n== Lint (ESLint) ==");
const lint = run(bin("eslint/bin/eslint.js"), ["."]);
results.push({ suite: "lint", passed: lint === 0 ? 1 : 0, failed: lint === 0 ? 0 : 1, skipped: 0 });

console.log("\n== Formatting (Prettier) ==");
const format = run(bin("prettier/bin/prettier.cjs"), ["--check", "--log-level=warn", "."]);
results.push({ suite: "format", passed: format === 0 ? 1 : 0, failed: format === 0 ? 0 : 1, skipped: 0 });

console.log("\n== Unit and integration tests (Vitest) ==");
rmSync("test-results/vitest.json", { force: true });
const vitestStatus = run(bin("vitest/vitest.mjs"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest.json",
]);
const vitest = readJson("test-results/vitest.json") as
  { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | undefined;
if (vitest) {
  results.push({
    suite: "vitest",
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests,
    skipped: vitest.numPendingTests + vitest.numTodoTests,
  });
}
if (!vitest || (vitestStatus !== 0 && vitest.numFailedTests === 0)) broken = true;

console.log("\n== Browser tests (Playwright) ==");
rmSync("test-results/playwright.json", { force: true });
const playwrightStatus = run(bin("@playwright/test/cli.js"), ["test", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/playwright.json",
});
const playwright = readJson("test-results/playwright.json") as
  { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;
if (playwright) {
  const { expected, unexpected, flaky, skipped } = playwright.stats;
  // A test that needed a retry is a failure here: a flaky test is a bug.
  results.push({ suite: "playwright", passed: expected, failed: unexpected + flaky, skipped });
}
if (!playwright || (playwrightStatus !== 0 && playwright.stats.unexpected === 0)) broken = true;

console.log("\n== Totals ==");
for (const r of results) console.log(`${r.suite}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0) + (broken ? 1 : 0);
if (broken) console.log("A suite could not run to the end; it counts as one failure.");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
