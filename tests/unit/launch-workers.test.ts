import { describe, expect, it } from "vitest";
import { EnvError, launchEnvSchema, parseEnv, serverEnvSchema } from "@/lib/env";
import { CONNECTIONS_PER_MACHINE, poolSizePerWorker, resolveWorkerCount, RestartBudget } from "@/lib/launch/workers";

const workersFrom = (value: string | undefined, cores: number) =>
  resolveWorkerCount(parseEnv(launchEnvSchema, { WEB_CONCURRENCY: value }).WEB_CONCURRENCY, cores);

describe("how many workers serve the port", () => {
  it("runs one per core when WEB_CONCURRENCY is not set (or empty)", () => {
    expect(workersFrom(undefined, 2)).toBe(2);
    expect(workersFrom("", 8)).toBe(8);
    expect(workersFrom(undefined, 1)).toBe(1);
  });

  it("caps one per core at 16 on a large machine", () => {
    expect(workersFrom(undefined, 64)).toBe(16);
  });

  it("never runs none, even when the core count is reported as 0", () => {
    expect(resolveWorkerCount(undefined, 0)).toBe(1);
  });

  it("takes WEB_CONCURRENCY as given, more or fewer than the cores", () => {
    expect(workersFrom("1", 8)).toBe(1);
    expect(workersFrom("4", 2)).toBe(4);
    expect(workersFrom("16", 2)).toBe(16);
  });

  it.each(["0", "17", "-1", "2.5", "1e1", "0x2", " 2", "two", "02"])(
    "refuses WEB_CONCURRENCY=%j with one line naming it",
    (value) => {
      expect(() => parseEnv(launchEnvSchema, { WEB_CONCURRENCY: value })).toThrow(EnvError);
      expect(() => parseEnv(launchEnvSchema, { WEB_CONCURRENCY: value })).toThrow(
        `Environment variable WEB_CONCURRENCY must be a whole number from 1 to 16 (how many app processes serve the port; unset: one per core); got "${value}".`,
      );
    },
  );

  it("reaches the running server as a number", () => {
    const env = parseEnv(serverEnvSchema, {
      DATABASE_URL: "postgresql://u@h/db",
      AUTH_SECRET: "s".repeat(40),
      IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      APP_BASE_URL: "http://localhost:3000",
      WEB_CONCURRENCY: "3",
    });
    expect(env.WEB_CONCURRENCY).toBe(3);
  });
});

describe("each worker's share of database connections", () => {
  it("keeps ten per process while the machine's budget allows it", () => {
    expect([1, 2, 3, 4].map(poolSizePerWorker)).toEqual([10, 10, 10, 10]);
  });

  it("splits the machine's budget beyond that, never below two", () => {
    expect([5, 8, 16].map(poolSizePerWorker)).toEqual([8, 5, 2]);
  });

  it("never lets the workers of one machine hold more than the budget together", () => {
    for (let workers = 1; workers <= 16; workers += 1)
      expect(workers * poolSizePerWorker(workers)).toBeLessThanOrEqual(CONNECTIONS_PER_MACHINE);
  });
});

describe("restarting a worker that died", () => {
  it("restarts until the fifth death within a minute, then gives up", () => {
    const budget = new RestartBudget({ crashes: 5, withinMs: 60_000 });
    expect([0, 1_000, 2_000, 3_000].map((at) => budget.allowRestart(at))).toEqual([true, true, true, true]);
    expect(budget.allowRestart(4_000)).toBe(false);
  });

  it("forgives deaths older than the window: occasional crashes never stop the app", () => {
    const budget = new RestartBudget({ crashes: 3, withinMs: 10_000 });
    for (let at = 0; at < 100_000; at += 6_000) expect(budget.allowRestart(at)).toBe(true);
  });
});
