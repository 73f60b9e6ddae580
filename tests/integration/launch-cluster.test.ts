/**
 * The worker pool of `npm start` (lib/launch/cluster.ts), with a stand-in worker instead of Next
 * so that it runs in seconds: the port is shared, a dead worker is replaced, a crash loop ends
 * with one clear error, and a stop waits for the requests in flight.
 * tests/e2e/launch-workers.spec.ts proves the same with Next itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/free-port";
import { processAlive } from "@/tests/support/process-alive";

const worker = path.resolve("tests/support/cluster-worker.cjs");
const primaries: ChildProcess[] = [];
afterEach(() => primaries.splice(0).forEach((child) => child.kill("SIGKILL")));

type Primary = {
  child: ChildProcess;
  output: () => string;
  listening: Promise<number[]>;
  exit: Promise<number | null>;
};

/** Runs runWorkerPool in a process of its own, as the launcher does (cluster needs a primary process). */
function startPool(port: number, workers: number, env: Record<string, string> = {}): Primary {
  const script = `
    import { runWorkerPool } from "./lib/launch/cluster.ts";
    const code = await runWorkerPool({
      exec: ${JSON.stringify(worker)}, args: ["${port}"], workers: ${workers}, env: ${JSON.stringify(env)},
      restartPolicy: { crashes: 3, withinMs: 60000 }, stopTimeoutMs: 5000,
      onListening: (pids) => process.send({ listening: pids }),
    });
    process.exit(code);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  primaries.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const listening = new Promise<number[]>((resolve) =>
    child.on("message", (message: { listening?: number[] }) => message.listening && resolve(message.listening)),
  );
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, listening, exit };
}

/** A request on a fresh connection, so that the primary deals it to the next worker in turn. */
async function servedBy(port: number, pathname = "/"): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`, { headers: { Connection: "close" } });
  return Number(await response.text());
}

describe("the worker pool", () => {
  it("shares one port between its workers, and serves from every one of them", async () => {
    const port = await freePort();
    const pool = startPool(port, 2);
    const pids = await pool.listening;
    expect(pids).toHaveLength(2);
    const served = new Set<number>();
    for (let i = 0; i < 10; i += 1) served.add(await servedBy(port));
    expect([...served].sort()).toEqual([...pids].sort());
    pool.child.kill("SIGTERM");
    expect(await pool.exit).toBe(0);
  });

  it("replaces a worker that dies, and keeps serving", async () => {
    const port = await freePort();
    const pool = startPool(port, 2);
    const [victim, survivor] = await pool.listening;
    process.kill(victim!, "SIGKILL");
    await expect
      .poll(() => pool.output(), { timeout: 10_000 })
      .toMatch(new RegExp(`Worker ${victim} stopped unexpectedly \\(signal SIGKILL\\); starting another\\.`));
    // The replacement takes the dead worker's turns once it listens.
    await expect
      .poll(
        async () => {
          const served = new Set<number>();
          for (let i = 0; i < 6; i += 1) served.add(await servedBy(port));
          return served.size === 2 && served.has(survivor!) && !served.has(victim!);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    pool.child.kill("SIGTERM");
    expect(await pool.exit).toBe(0);
  });

  it("ends a crash loop with one clear error and exit code 1", async () => {
    const port = await freePort();
    const pool = startPool(port, 2, { CLUSTER_WORKER_MODE: "die" });
    expect(await pool.exit).toBe(1);
    const lines = pool.output().trim().split("\n");
    expect(lines.filter((line) => /stopped unexpectedly \(code 3\); starting another\./.test(line))).toHaveLength(2);
    expect(lines.at(-1)).toBe(
      "The app's workers keep stopping (3 times within 60 s, the last with code 3); stopping the app. See the messages above for the cause.",
    );
  });

  it("on SIGTERM lets the requests in flight finish, then stops every worker before it exits", async () => {
    const port = await freePort();
    const pool = startPool(port, 2);
    const pids = await pool.listening;
    const slow = servedBy(port, "/slow");
    await new Promise((resolve) => setTimeout(resolve, 100)); // the request has reached a worker
    pool.child.kill("SIGTERM");
    expect(pids).toContain(await slow);
    expect(await pool.exit).toBe(0);
    expect(pids.filter(processAlive)).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
