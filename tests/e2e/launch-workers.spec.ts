/**
 * `npm start` with two workers, as an operator runs it: both workers serve the port, and SIGTERM
 * stops the workers, then the embedded database, and frees the data folder and the port.
 * Its own app on its own port and data folder, beside the one the other specs use; the build is
 * the one playwright.config.ts made. Reads /proc to see which process served (Linux only).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parentOf, socketOwner } from "./support/socket-owner";
import { freePort } from "@/tests/support/free-port";
import { processAlive } from "@/tests/support/process-alive";

test.skip(process.platform !== "linux", "reads /proc to see which process served a request");
test.setTimeout(240_000);

/**
 * GET /api/health on a connection of its own (no agent: the primary deals each new connection to
 * the next worker). Resolves when the answer's head arrives, while the connection is still open,
 * with its status and the client's port.
 */
function healthOnNewConnection(port: number): Promise<{ status: number; clientPort: number; close: () => void }> {
  return new Promise((resolve, reject) => {
    // keep-alive: without an agent Node asks for "Connection: close", and the server end would be
    // closing, no longer held by the worker, by the time we look.
    const request = http.get(
      {
        host: "127.0.0.1",
        port,
        path: "/api/health",
        agent: false,
        headers: { Connection: "keep-alive" },
        timeout: 20_000,
      },
      (response) => {
        resolve({
          status: response.statusCode!,
          clientPort: request.socket!.localPort!,
          close: () => request.destroy(),
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error("no answer within 20 s")));
    request.on("error", reject);
  });
}

test("npm start with WEB_CONCURRENCY=2 serves from both workers and stops everything on SIGTERM", async () => {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "msc-workers-"));
  // Not what another spec in this worker pointed at the shared app (tests/e2e/support/world.ts):
  // this app makes its own database, secrets and address.
  const { APP_BASE_URL: _address, AUTH_SECRET: _secret, IDENTITY_ENCRYPTION_KEY: _key, ...inherited } = process.env;
  const app: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-side.mjs", "scripts/start.ts"],
    {
      env: {
        ...inherited,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        WEB_CONCURRENCY: "2",
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  app.stdout!.on("data", (chunk) => (output += chunk));
  app.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => app.on("exit", (code) => resolve(code)));

  try {
    let workers: number[] = [];
    await test.step("two workers, children of the launcher, listen on one port", async () => {
      await expect
        .poll(() => output, { timeout: 180_000 })
        .toMatch(/2 workers serve http:\/\/localhost:\d+ \(processes \d+, \d+\)\./);
      workers = /\(processes (\d+), (\d+)\)/.exec(output)!.slice(1).map(Number);
      expect(workers.map(parentOf)).toEqual([app.pid, app.pid]);
    });

    await test.step("requests on new connections are served by both", async () => {
      const servedBy = new Set<number | null>();
      for (let i = 0; i < 8; i += 1) {
        const { status, clientPort, close } = await healthOnNewConnection(port);
        servedBy.add(socketOwner(port, clientPort, workers));
        close();
        expect(status).toBe(200);
      }
      expect([...servedBy].sort()).toEqual([...workers].sort());
    });

    await test.step("SIGTERM stops the workers, the embedded database, and frees the folder and the port", async () => {
      const databasePort = Number(new URL(readFileSync(path.join(dataDir, "database-url"), "utf8")).port);
      app.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(workers.filter(processAlive)).toEqual([]);
      expect(existsSync(path.join(dataDir, "app.lock"))).toBe(false);
      expect(existsSync(path.join(dataDir, "database-url"))).toBe(false);
      for (const closed of [port, databasePort]) {
        await expect(
          new Promise((resolve, reject) =>
            net.connect(closed, "127.0.0.1").once("connect", resolve).once("error", reject),
          ),
        ).rejects.toThrow(/ECONNREFUSED/);
      }
    });
  } finally {
    if (app.exitCode === null) app.kill("SIGKILL");
  }
});
