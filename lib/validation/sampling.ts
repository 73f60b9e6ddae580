/**
 * The stratified sample of a validation round (pure; no database). Strata are respondent type ×
 * region (country + state) × gender. The target is shared out in proportion to each stratum's
 * eligible respondents (largest-remainder method), then each stratum's share is drawn at random
 * with a seeded RNG, so the same eligible set and seed always give the same sample (the seed is
 * kept in the audit event of the draw). The round's rule first narrows the set to respondents who
 * share its stories' regions or storytellers' types (decision 0043). See also decision 0014.
 */
import { parseRegionToken, regionToken } from "@/lib/places/regions";
import type { SampleRule } from "./types";

/** `country`: null for Mexico (decision 0031). */
export type SamplingCandidate = {
  id: string;
  code: string;
  type: string;
  country: string | null;
  state: string;
  gender: string;
};

/** The region as one value: a Mexican state's name, a region abroad as "GT:Quetzaltenango". */
export function regionOf(candidate: Pick<SamplingCandidate, "country" | "state">): string {
  return regionToken({ countryCode: candidate.country, state: candidate.state });
}

/**
 * "UNION_MEMBER|Oaxaca|WOMAN", "PRODUCER|GT:La Paz|MAN": two countries' regions of the same
 * name are two strata. A Mexican key reads as keys did before countries, so older draws still match.
 */
export function stratumOf(candidate: Pick<SamplingCandidate, "type" | "country" | "state" | "gender">): string {
  return `${candidate.type}|${regionOf(candidate)}|${candidate.gender}`;
}

export type Stratum = { type: string; countryCode: string | null; state: string; gender: string };

/** A stratum key read back; a region's name may itself hold "|", so type and gender are the ends. */
export function parseStratum(key: string): Stratum | null {
  const first = key.indexOf("|");
  const last = key.lastIndexOf("|");
  if (first <= 0 || last <= first + 1 || last === key.length - 1) return null;
  const region = parseRegionToken(key.slice(first + 1, last));
  return { type: key.slice(0, first), ...region, gender: key.slice(last + 1) };
}

/** What a round's stories reach: the regions of their places and the types of their storytellers. */
export type RuleReach = { regions: ReadonlySet<string>; types: ReadonlySet<string> };

export function matchesRule(rule: SampleRule, reach: RuleReach, candidate: SamplingCandidate): boolean {
  const region = reach.regions.has(regionOf(candidate));
  const type = reach.types.has(candidate.type);
  switch (rule) {
    case "SHARED_STATE_OR_TYPE":
      return region || type;
    case "SHARED_STATE":
      return region;
    case "SHARED_TYPE":
      return type;
    case "WHOLE_EVALUATION":
      return true;
  }
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

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** One stratified draw from `candidates` with the given generator (which it advances). */
function drawWith(candidates: readonly SamplingCandidate[], target: number, random: () => number) {
  const byStratum = new Map<string, SamplingCandidate[]>();
  for (const candidate of [...candidates].sort(byCode)) {
    const key = stratumOf(candidate);
    byStratum.set(key, [...(byStratum.get(key) ?? []), candidate]);
  }
  const allocation = allocate(new Map([...byStratum].map(([key, list]) => [key, list.length])), target);
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
  return { allocation: Object.fromEntries(allocation), members };
}

/**
 * Draws the sample. Candidates are sorted by code first (codes are unique and never reused) so
 * that only the eligible set and the seed decide the outcome.
 */
export function drawStratifiedSample(candidates: readonly SamplingCandidate[], target: number, seed: number): Draw {
  const { allocation, members } = drawWith(candidates, target, seededRandom(seed));
  members.sort(byCode);
  return { seed: seed >>> 0, target, eligible: candidates.length, allocation, members };
}

/** Eligible respondents per stratum, and how many of them the rule reaches. */
export type StrataCounts = Record<string, { eligible: number; matching: number }>;

export type RuleDraw = Draw & {
  rule: SampleRule;
  /** Eligible respondents the rule reaches. */
  matching: number;
  /** Codes drawn from beyond the rule, because fewer than the target matched it. */
  beyondRule: string[];
  strata: StrataCounts;
};

/**
 * Draws from the respondents the rule reaches; when they are fewer than the target, all of them
 * are taken and the seats left are drawn, stratified as well, from the other eligible respondents
 * (so a round never comes out smaller than its target merely because of the rule, and the page
 * says how many came from beyond it). One generator serves both steps: one seed, one outcome.
 */
export function drawByRule(
  candidates: readonly SamplingCandidate[],
  rule: SampleRule,
  reach: RuleReach,
  target: number,
  seed: number,
): RuleDraw {
  const matching = candidates.filter((candidate) => matchesRule(rule, reach, candidate));
  const others = candidates.filter((candidate) => !matchesRule(rule, reach, candidate));
  const random = seededRandom(seed);
  const wanted = Math.max(0, Math.floor(target));
  const first = drawWith(matching, wanted, random);
  const rest = wanted > first.members.length ? drawWith(others, wanted - first.members.length, random) : null;
  const strata: StrataCounts = {};
  for (const candidate of candidates) {
    const counts = (strata[stratumOf(candidate)] ??= { eligible: 0, matching: 0 });
    counts.eligible += 1;
  }
  for (const candidate of matching) strata[stratumOf(candidate)]!.matching += 1;
  const allocation = { ...first.allocation };
  for (const [key, seats] of Object.entries(rest?.allocation ?? {})) allocation[key] = (allocation[key] ?? 0) + seats;
  return {
    seed: seed >>> 0,
    target,
    eligible: candidates.length,
    allocation,
    members: [...first.members, ...(rest?.members ?? [])].sort(byCode),
    rule,
    matching: matching.length,
    beyondRule: (rest?.members ?? []).map((member) => member.code).sort(),
    strata,
  };
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
