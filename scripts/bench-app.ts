/** What the benchmarks that start the app share. */

/** Resolves once the app at `base` answers its health check; throws after `deadlineMs`. */
export async function waitHealthy(base: string, deadlineMs: number): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < deadlineMs) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The app did not become healthy within ${Math.round(deadlineMs / 1000)} s.`);
}
