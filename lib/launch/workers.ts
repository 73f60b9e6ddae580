/**
 * How many app processes serve the port, how many database connections each may hold, and when
 * a worker that keeps dying is no longer restarted. Pure, so the rules are tested without
 * starting anything (docs/decisions/0023-one-worker-per-core.md).
 */
import { MAX_WEB_CONCURRENCY } from "@/lib/env";

/**
 * WEB_CONCURRENCY when set (already validated by lib/env.ts), otherwise one per core the process
 * may run on, capped like the setting: past that, more machines serve better than more processes.
 */
export function resolveWorkerCount(setting: number | undefined, cores: number): number {
  if (setting !== undefined) return setting;
  return Math.min(Math.max(1, Math.floor(cores)), MAX_WEB_CONCURRENCY);
}

/**
 * Connections all the workers of one machine may hold together. PostgreSQL's default
 * max_connections is 100: two machines at full load, plus scripts and an operator's psql, fit.
 */
export const CONNECTIONS_PER_MACHINE = 40;
/** One process never needs more: a request holds one connection for a few milliseconds. */
export const MAX_POOL_PER_WORKER = 10;
/** Two, so a transaction and a read outside it (the session check) never wait on each other. */
export const MIN_POOL_PER_WORKER = 2;

/** Each worker's share of the machine's connections. */
export function poolSizePerWorker(workers: number): number {
  const share = Math.floor(CONNECTIONS_PER_MACHINE / Math.max(1, workers));
  return Math.min(MAX_POOL_PER_WORKER, Math.max(MIN_POOL_PER_WORKER, share));
}

export type RestartPolicy = { crashes: number; withinMs: number };

/** Five unexpected exits within a minute is a crash loop, not bad luck. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = { crashes: 5, withinMs: 60_000 };

/**
 * Remembers when workers died unexpectedly. `allowRestart` says whether one more may be started:
 * no once `crashes` deaths fall within `withinMs` of each other.
 */
export class RestartBudget {
  readonly #policy: RestartPolicy;
  #deaths: number[] = [];

  constructor(policy: RestartPolicy = DEFAULT_RESTART_POLICY) {
    this.#policy = policy;
  }

  allowRestart(now: number): boolean {
    this.#deaths = [...this.#deaths.filter((at) => now - at < this.#policy.withinMs), now];
    return this.#deaths.length < this.#policy.crashes;
  }
}
