/**
 * A round's sample: drawn by the app (stratified, seeded: lib/validation/sampling.ts) and adjusted
 * by hand by the lead. Respondents are named by code only, here and in every audit event.
 */
import "server-only";
import { randomInt } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { refusals, type Refused } from "@/lib/core/refusal";
import { loadSamplingPool } from "./facts";
import type { Actor } from "./mutations";
import { drawByRule, regionOf, stratumOf, type RuleReach } from "./sampling";
import type { EligibilityBlocker } from "./policy";
import type { SampleRule } from "./types";

type Tx = Prisma.TransactionClient;

/** Why the sample refuses a change; a respondent who may not validate says which rule stops them. */
export const SAMPLE_REFUSALS = [
  "ROUND_NOT_PLANNED",
  "NO_TARGET",
  "ROUND_CLOSED",
  "RESPONDENT_NOT_FOUND",
  "NOT_ELIGIBLE_EXCLUDED",
  "NOT_ELIGIBLE_CONSENT_WITHDRAWN",
  "NOT_ELIGIBLE_NO_VALIDATION_CONSENT",
  "NOT_ELIGIBLE_TOLD_EVERY_STORY",
  "NOT_ELIGIBLE_NO_STORIES",
  "NOT_ELIGIBLE_UNKNOWN",
  "ALREADY_IN_SAMPLE",
  "HAS_RESPONSES",
] as const satisfies ReadonlyArray<string>;
export type SampleRefusal = (typeof SAMPLE_REFUSALS)[number];
const { refuse, asResults } = refusals<SampleRefusal>();

/** The reason for a respondent the eligibility rules stop (one of the closed list above). */
const notEligible = (blocker: EligibilityBlocker | undefined): SampleRefusal => `NOT_ELIGIBLE_${blocker ?? "UNKNOWN"}`;

/** The round, locked for this transaction (two draws at once: one after the other). */
async function lockRound(tx: Tx, evaluationId: string, roundId: string) {
  const round = await tx.validationRound.findFirst({
    where: { id: roundId, evaluationId },
    select: { id: true, status: true, targetSize: true, sampleRule: true },
  });
  if (!round) throw new AppError("NOT_FOUND");
  await tx.$executeRaw`SELECT 1 FROM validation_round WHERE id = ${roundId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
  return round;
}

/**
 * The regions (country + state) of the round's stories' places and the types of their
 * storytellers: what the rule compares respondents with. Three queries, whatever the round's size.
 */
async function loadRuleReach(tx: Tx, evaluationId: string, roundId: string): Promise<RuleReach> {
  const storyIds = (
    await tx.validationRoundStory.findMany({
      where: { evaluationId, validationRoundId: roundId },
      select: { storyId: true },
    })
  ).map((row) => row.storyId);
  const places = await tx.storyPlace.findMany({
    where: { evaluationId, storyId: { in: storyIds } },
    select: { place: { select: { countryCode: true, state: true } } },
  });
  const tellers = await tx.storyTeller.findMany({
    where: { evaluationId, storyId: { in: storyIds } },
    select: { respondent: { select: { type: true } } },
  });
  return {
    regions: new Set(places.map(({ place }) => regionOf({ country: place.countryCode, state: place.state }))),
    types: new Set(tellers.map(({ respondent }) => respondent.type)),
  };
}

export type DrawResult =
  | { ok: true; seed: number; drawn: number; manual: number; eligible: number; matching: number; beyondRule: number }
  | Refused<SampleRefusal>;

/**
 * Draws the sample while the round is PLANNED: the members drawn earlier are replaced, those
 * added by hand are kept and count towards the target. The rule, the seed, the allocation and the
 * codes drawn go to the audit event, so the draw can be reproduced from the same eligible set; the
 * rule and the eligible respondents per stratum are kept on the round for its page.
 */
export async function drawSample(
  actor: Actor,
  input: { evaluationId: string; roundId: string; rule?: SampleRule; seed?: number },
): Promise<DrawResult> {
  const { evaluationId, roundId } = input;
  const rule = input.rule ?? "SHARED_STATE_OR_TYPE";
  const seed = input.seed ?? randomInt(0, 2 ** 32);
  return asResults(() =>
    db().$transaction(async (tx) => {
      const round = await lockRound(tx, evaluationId, roundId);
      if (round.status !== "PLANNED") throw refuse("ROUND_NOT_PLANNED");
      if (!round.targetSize) throw refuse("NO_TARGET", "targetSize");
      const manual = await tx.validationSampleMember.findMany({
        where: { evaluationId, validationRoundId: roundId, addedManually: true },
        select: { respondentId: true },
      });
      const manualIds = new Set(manual.map((row) => row.respondentId));
      const pool = (await loadSamplingPool(tx, evaluationId, roundId)).filter(
        (member) => member.blockers.length === 0 && !manualIds.has(member.id),
      );
      const reach = await loadRuleReach(tx, evaluationId, roundId);
      const draw = drawByRule(pool, rule, reach, Math.max(0, round.targetSize - manualIds.size), seed);
      const beyond = new Set(draw.beyondRule);
      await tx.validationSampleMember.deleteMany({
        where: { evaluationId, validationRoundId: roundId, addedManually: false },
      });
      await tx.validationSampleMember.createMany({
        data: draw.members.map((member) => ({
          evaluationId,
          validationRoundId: roundId,
          respondentId: member.id,
          stratum: member.stratum,
          beyondRule: beyond.has(member.code),
        })),
      });
      await tx.validationRound.update({
        where: { id: roundId, evaluationId },
        data: { sampleRule: rule, sampleStrata: draw.strata },
        select: { id: true },
      });
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: "validation.sample.draw",
        recordType: "ValidationRound",
        recordId: roundId,
        before: { rule: round.sampleRule },
        after: {
          rule,
          seed: draw.seed,
          target: draw.target,
          eligible: draw.eligible,
          matching: draw.matching,
          manual: manualIds.size,
          allocation: draw.allocation,
          drawn: draw.members.map((m) => m.code),
          beyondRule: draw.beyondRule,
        },
        ipAddress: actor.ipAddress,
      });
      return {
        ok: true as const,
        seed: draw.seed,
        drawn: draw.members.length,
        manual: manualIds.size,
        eligible: draw.eligible,
        matching: draw.matching,
        beyondRule: draw.beyondRule.length,
      };
    }, TRANSACTION_OPTIONS),
  );
}

/** Adds an eligible respondent by code while the round is not closed (marked addedManually). */
export async function addSampleMember(
  actor: Actor,
  input: { evaluationId: string; roundId: string; respondentCode: string },
): Promise<{ ok: true; respondentId: string } | Refused<SampleRefusal>> {
  const { evaluationId, roundId } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const round = await lockRound(tx, evaluationId, roundId);
      if (round.status === "CLOSED") throw refuse("ROUND_CLOSED");
      const respondent = await tx.respondent.findFirst({
        where: { evaluationId, code: input.respondentCode },
        select: { id: true, code: true },
      });
      if (!respondent) throw refuse("RESPONDENT_NOT_FOUND", "respondentCode");
      const [facts] = await loadSamplingPool(tx, evaluationId, roundId, [respondent.id]);
      if (!facts || facts.blockers.length > 0) throw refuse(notEligible(facts?.blockers[0]), "respondentCode");
      const existing = await tx.validationSampleMember.findFirst({
        where: { evaluationId, validationRoundId: roundId, respondentId: respondent.id },
        select: { id: true },
      });
      if (existing) throw refuse("ALREADY_IN_SAMPLE", "respondentCode");
      await tx.validationSampleMember.create({
        data: {
          evaluationId,
          validationRoundId: roundId,
          respondentId: respondent.id,
          stratum: stratumOf(facts),
          addedManually: true,
        },
      });
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: "validation.sample.add",
        recordType: "ValidationRound",
        recordId: roundId,
        after: { respondent: respondent.code, stratum: stratumOf(facts) },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, respondentId: respondent.id };
    }, TRANSACTION_OPTIONS),
  );
}

/** Takes a respondent out of the sample while the round is not closed and none of their responses is recorded. */
export async function removeSampleMember(
  actor: Actor,
  input: { evaluationId: string; roundId: string; respondentId: string },
): Promise<{ ok: true } | Refused<SampleRefusal>> {
  const { evaluationId, roundId, respondentId } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const round = await lockRound(tx, evaluationId, roundId);
      if (round.status === "CLOSED") throw refuse("ROUND_CLOSED");
      const member = await tx.validationSampleMember.findFirst({
        where: { evaluationId, validationRoundId: roundId, respondentId },
        select: {
          id: true,
          addedManually: true,
          respondent: { select: { code: true } },
          _count: { select: { responses: true } },
        },
      });
      if (!member) throw new AppError("NOT_FOUND");
      if (member._count.responses > 0) throw refuse("HAS_RESPONSES");
      await tx.validationSampleMember.deleteMany({ where: { id: member.id, evaluationId } });
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: "validation.sample.remove",
        recordType: "ValidationRound",
        recordId: roundId,
        before: { respondent: member.respondent.code, addedManually: member.addedManually },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const };
    }, TRANSACTION_OPTIONS),
  );
}
