import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
// The specs write their records through the mutations, which are marked `server-only`.
import "./scripts/server-side.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Each run starts the app on a fresh embedded database, as a new user would. Workers load this
// file again: the folder goes into the environment they inherit, so they find the same database
// (tests/e2e/support/world.ts writes each spec's own records there).
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "msc-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

// Debian's chromium when present (Playwright's own browser download does not work offline).
const systemChromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  // Specs do not depend on each other (docs/decisions/0035), so more workers would be safe; on the
  // shared two-core machine two were no faster and pushed tests past their time budgets.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // npm start rebuilds whenever the sources changed since the last build.
    command: "npm start",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
