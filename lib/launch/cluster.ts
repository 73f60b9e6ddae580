/**
 * Runs `next start` in several worker processes that share one port, with Node's `cluster`: each
 * worker is Next's own command-line program, and its `listen()` is handed to this primary process,
 * which owns the port and deals connections to the workers in turn. No custom server: Next runs
 * exactly as `next start` does alone (docs/decisions/0023-one-worker-per-core.md).
 *
 * This process restarts a worker that dies unexpectedly, ends a crash loop with one clear error,
 * and on SIGTERM or SIGINT asks every worker to finish its requests and waits for them, so that
 * whatever the caller stops next (the embedded database) is no longer in use.
 */
import cluster, { type Worker } from "node:cluster";
import { DEFAULT_RESTART_POLICY, RestartBudget, type RestartPolicy } from "./workers";

export type WorkerPoolOptions = {
  /** The program each worker runs (Next's bin) and its arguments. */
  exec: string;
  args: string[];
  workers: number;
  /** Node options for each worker, e.g. `--require` of a preload (default none). */
  execArgv?: string[];
  /** Added to this process's environment for the workers. */
  env: NodeJS.ProcessEnv;
  restartPolicy?: RestartPolicy;
  /** How long workers may take to finish their requests after SIGTERM before they are killed. */
  stopTimeoutMs?: number;
  log?: (line: string) => void;
  /** Called once, when every first worker is listening. */
  onListening?: (pids: number[]) => void;
};

/** Resolves with the exit code for this process once every worker has stopped. */
export function runWorkerPool(options: WorkerPoolOptions): Promise<number> {
  const { workers, stopTimeoutMs = 25_000, log = (line) => console.error(line) } = options;
  const budget = new RestartBudget(options.restartPolicy ?? DEFAULT_RESTART_POLICY);
  const live = new Set<Worker>();
  const listening = new Set<number>();
  let stopping: { code: number } | null = null;
  let announced = false;

  // The workers are plain Node running Next, without this launcher's TypeScript loader.
  cluster.setupPrimary({ exec: options.exec, args: options.args, execArgv: options.execArgv ?? [] });

  const fork = () => {
    const worker = cluster.fork(options.env);
    live.add(worker);
  };

  return new Promise<number>((resolve) => {
    const finishIfDone = () => {
      if (stopping && live.size === 0) {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        cluster.removeAllListeners("exit");
        cluster.removeAllListeners("listening");
        resolve(stopping.code);
      }
    };

    const stop = (code: number) => {
      if (stopping) return;
      stopping = { code };
      // Next closes its server on SIGTERM, finishes the requests in flight, then exits.
      for (const worker of live) worker.process.kill("SIGTERM");
      const deadline = setTimeout(() => {
        for (const worker of live) {
          log(`Worker ${worker.process.pid} did not finish within ${stopTimeoutMs / 1000} s; stopping it.`);
          worker.process.kill("SIGKILL");
        }
      }, stopTimeoutMs);
      deadline.unref();
      finishIfDone();
    };

    function onSignal() {
      stop(0);
    }
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);

    cluster.on("listening", (worker) => {
      listening.add(worker.id);
      if (!announced && listening.size >= workers) {
        announced = true;
        options.onListening?.([...live].map((w) => w.process.pid!));
      }
    });

    cluster.on("exit", (worker, code, signal) => {
      live.delete(worker);
      listening.delete(worker.id);
      if (stopping) return finishIfDone();
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (budget.allowRestart(Date.now())) {
        log(`Worker ${worker.process.pid} stopped unexpectedly (${how}); starting another.`);
        fork();
        return;
      }
      const policy = options.restartPolicy ?? DEFAULT_RESTART_POLICY;
      log(
        `The app's workers keep stopping (${policy.crashes} times within ${policy.withinMs / 1000} s, the last with ${how}); ` +
          "stopping the app. See the messages above for the cause.",
      );
      stop(1);
    });

    for (let i = 0; i < workers; i += 1) fork();
  });
}
