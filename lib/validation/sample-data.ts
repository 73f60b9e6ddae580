/**
 * The sample's rule and coverage for the round page: the rule of the newest draw, how many came
 * from beyond it, and per stratum the sample against the eligible respondents the draw saw.
 * Two queries, both on the round's own rows (index validation_sample_member(evaluation_id,
 * validation_round_id)), whatever the size of the evaluation.
 */
import "server-only";
import { db } from "@/lib/db";
import { validId } from "@/lib/core/ids";
import { parseStratum, type StrataCounts, type Stratum } from "./sampling";
import type { SampleRule } from "./types";

export type StratumCoverage = Stratum & {
  key: string;
  /** Eligible respondents the rule reached at the draw. */
  matching: number;
  /** All eligible respondents at the draw. */
  eligible: number;
  /** In the sample now (drawn, or added by hand since). */
  sample: number;
};

export type SampleRuleView = {
  rule: SampleRule;
  /** False until the round's first draw under a rule (the counts below are then empty). */
  drawn: boolean;
  matching: number;
  beyondRule: number;
  strata: StratumCoverage[];
};

function strataOf(value: unknown): StrataCounts {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return value as StrataCounts;
}

export async function getSampleRuleView(evaluationId: string, roundId: string): Promise<SampleRuleView | null> {
  if (!validId(evaluationId) || !validId(roundId)) return null;
  const round = await db().validationRound.findFirst({
    where: { id: roundId, evaluationId },
    select: { sampleRule: true, sampleStrata: true },
  });
  if (!round) return null;
  const groups = await db().validationSampleMember.groupBy({
    by: ["stratum", "beyondRule"],
    where: { evaluationId, validationRoundId: roundId },
    _count: { _all: true },
  });
  const counts = strataOf(round.sampleStrata);
  const sample = new Map<string, number>();
  let beyondRule = 0;
  for (const group of groups) {
    if (group.beyondRule) beyondRule += group._count._all;
    if (group.stratum) sample.set(group.stratum, (sample.get(group.stratum) ?? 0) + group._count._all);
  }
  // Strata the rule reached or the sample holds; the others would only be rows of zeros.
  const keys = new Set([...Object.keys(counts).filter((key) => counts[key]!.matching > 0), ...sample.keys()]);
  const strata = [...keys].sort().flatMap((key) => {
    const stratum = parseStratum(key);
    if (!stratum) return [];
    const seen = counts[key] ?? { eligible: 0, matching: 0 };
    return [{ key, ...stratum, matching: seen.matching, eligible: seen.eligible, sample: sample.get(key) ?? 0 }];
  });
  return {
    rule: round.sampleRule,
    drawn: round.sampleStrata !== null,
    matching: Object.values(counts).reduce((sum, stratum) => sum + stratum.matching, 0),
    beyondRule,
    strata,
  };
}
