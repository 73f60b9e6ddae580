/**
 * `npm run bench:start`: cold start to healthy on a fresh embedded database, then the time of the
 * first render of the sign-in page and of a second one. Prints figures; asserts nothing.
 * Needs a production build (`npm run build`) so that the figure is the start, not the build.
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { scratchDemoApp } from "./bench-demo-app";

if (!existsSync(".next/BUILD_ID")) {
  console.error("Run `npm run build` first: this measures start-up, not the build.");
  process.exit(1);
}

const port = 3200;
const { dataDir, env } = scratchDemoApp(port, "msc-bench-");
const started = performance.now();
const app = spawn("npm", ["start"], {
  env,
  stdio: "ignore",
  detached: true,
});

async function waitHealthy(deadlineMs: number) {
  while (performance.now() - started < deadlineMs) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The app did not become healthy within two minutes.");
}

async function timePage(url: string) {
  const t0 = performance.now();
  const response = await fetch(url);
  await response.text();
  return performance.now() - t0;
}

try {
  const healthy = await waitHealthy(120_000);
  const first = await timePage(`http://127.0.0.1:${port}/sign-in`);
  const second = await timePage(`http://127.0.0.1:${port}/sign-in`);
  console.log(`cold start to healthy (fresh embedded database, migrate + demo seed): ${(healthy / 1000).toFixed(1)} s`);
  console.log(`first render of /sign-in: ${first.toFixed(0)} ms; second: ${second.toFixed(0)} ms`);
} finally {
  process.kill(-app.pid!, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  rmSync(dataDir, { recursive: true, force: true });
}
