/**
 * The stratified sample of a validation round (pure; no database). Strata are respondent type ×
 * state × gender. The target is shared out in proportion to each stratum's eligible respondents
 * (largest-remainder method), then each stratum's share is drawn at random with a seeded RNG, so
 * the same eligible set and seed always give the same sample (the seed is kept in the audit event
 * of the draw). See docs/decisions/0014-validation-and-review.md.
 */

export type SamplingCandidate = { id: string; code: string; type: string; state: string; gender: string };

export function stratumOf(candidate: Pick<SamplingCandidate, "type" | "state" | "gender">): string {
  return `${candidate.type}|${candidate.state}|${candidate.gender}`;
}

/**
 * How many to draw from each stratum: quotas target × size / total, rounded down, the seats left
 * going to the largest remainders (ties: the larger stratum, then the stratum's name, so the
 * allocation does not depend on input order). A target at or above the total takes everyone.
 * A tiny stratum may get no seat: proportional allocation does not promise one per stratum.
 */
export function allocate(stratumSizes: ReadonlyMap<string, number>, target: number): Map<string, number> {
  const strata = [...stratumSizes.entries()]
    .filter(([, size]) => size > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = strata.reduce((sum, [, size]) => sum + size, 0);
  const wanted = Math.max(0, Math.min(Math.floor(target), total));
  const result = new Map<string, number>(strata.map(([key]) => [key, 0]));
  if (wanted === 0) return result;
  if (wanted === total) return new Map(strata);
  const shares = strata.map(([key, size]) => {
    // Integer arithmetic: the remainder of target × size / total, exactly.
    const product = wanted * size;
    return { key, size, seats: Math.floor(product / total), remainder: product % total };
  });
  let left = wanted - shares.reduce((sum, share) => sum + share.seats, 0);
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || b.size - a.size || (a.key < b.key ? -1 : 1));
  for (const share of order) {
    if (left === 0) break;
    if (share.seats < share.size) {
      share.seats += 1;
      left -= 1;
    }
  }
  for (const share of shares) result.set(share.key, share.seats);
  return result;
}

/** mulberry32: a small, well-known 32-bit generator; enough for drawing a sample reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DrawnMember = { id: string; code: string; stratum: string };
export type Draw = {
  seed: number;
  target: number;
  eligible: number;
  allocation: Record<string, number>;
  members: DrawnMember[];
};

/**
 * Draws the sample. Candidates are sorted by code first (codes are unique and never reused) so
 * that only the eligible set and the seed decide the outcome.
 */
export function drawStratifiedSample(candidates: readonly SamplingCandidate[], target: number, seed: number): Draw {
  const byStratum = new Map<string, SamplingCandidate[]>();
  for (const candidate of [...candidates].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    const key = stratumOf(candidate);
    byStratum.set(key, [...(byStratum.get(key) ?? []), candidate]);
  }
  const allocation = allocate(new Map([...byStratum].map(([key, list]) => [key, list.length])), target);
  const random = seededRandom(seed);
  const members: DrawnMember[] = [];
  for (const [key, seats] of allocation) {
    const pool = [...byStratum.get(key)!];
    // Partial Fisher–Yates: the first `seats` places are a uniform random choice.
    for (let index = 0; index < seats; index += 1) {
      const pick = index + Math.floor(random() * (pool.length - index));
      [pool[index], pool[pick]] = [pool[pick]!, pool[index]!];
      members.push({ id: pool[index]!.id, code: pool[index]!.code, stratum: key });
    }
  }
  members.sort((a, b) => (a.code < b.code ? -1 : 1));
  return { seed: seed >>> 0, target, eligible: candidates.length, allocation: Object.fromEntries(allocation), members };
}

export type CoverageRow = { value: string; sample: number; all: number; samplePercent: number; allPercent: number };

/**
 * Sample against the whole set for one attribute (type, state or gender): counts and shares in
 * percent with one decimal. Takes counts (grouped in SQL), not rows, so it scales with the set.
 */
export function coverageRows(
  allCounts: ReadonlyMap<string, number>,
  sampleCounts: ReadonlyMap<string, number>,
): CoverageRow[] {
  const sum = (counts: ReadonlyMap<string, number>) => [...counts.values()].reduce((total, n) => total + n, 0);
  const allTotal = sum(allCounts);
  const sampleTotal = sum(sampleCounts);
  const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
  return [...new Set([...allCounts.keys(), ...sampleCounts.keys()])].sort().map((value) => ({
    value,
    sample: sampleCounts.get(value) ?? 0,
    all: allCounts.get(value) ?? 0,
    samplePercent: percent(sampleCounts.get(value) ?? 0, sampleTotal),
    allPercent: percent(allCounts.get(value) ?? 0, allTotal),
  }));
}
