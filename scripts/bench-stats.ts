/**
 * How the benchmarks summarise their samples: one rule, so that the p50 and p95 of one benchmark
 * compare with another's.
 */

/** The sample at the p-th percentile's rank (0 when there is none). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
