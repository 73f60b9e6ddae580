/**
 * The lead settles a respondent's dispute in one step: a written resolution and an outcome
 * (correct the story, accept it as it stands, drop it), and the story's stage follows in the same
 * transaction (lib/validation/policy.ts `settlement`, decision 0042). A dispute is settled once.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DisputeOutcome, StoryStage } from "@/lib/generated/prisma/enums";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { refusals, type Refused } from "@/lib/core/refusal";
import { loadStoryHead } from "./facts";
import type { Actor } from "./mutations";
import { settlement } from "./policy";
import {
  keepReplacedVersion,
  lockStoredResponse,
  RESPONSE_STATE_SELECT,
  writeResponseRevision,
} from "./response-revisions";
import { moveStoryStage } from "./stage";

export const DISPUTE_REFUSALS = [
  "NOT_A_DISPUTE",
  "ROUND_CLOSED",
  "ALREADY_RESOLVED",
  "STORY_MOVED_ON",
  "STORY_EDITED_SINCE",
  "STAGE_CHANGED",
] as const;
export type DisputeRefusal = (typeof DISPUTE_REFUSALS)[number];

export type ResolveDisputeInput = {
  evaluationId: string;
  responseId: string;
  outcome: DisputeOutcome;
  resolution: string;
};

/** What the form says after the step: the story's stage now and how many of its disputes are still open. */
export type ResolveResult =
  { ok: true; story: string; stage: StoryStage; openLeft: number; settledWith: string[] } | Refused<DisputeRefusal>;

const { refuse, asResults } = refusals<DisputeRefusal>();

export async function resolveDispute(actor: Actor, input: ResolveDisputeInput): Promise<ResolveResult> {
  const { evaluationId, responseId, outcome } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const { roundId, storyId } = await lockStoredResponse(tx, evaluationId, responseId);
      const response = await tx.validationResponse.findFirst({
        where: { id: responseId, evaluationId },
        select: {
          ...RESPONSE_STATE_SELECT,
          storyRevisionId: true,
          respondent: { select: { code: true } },
          validationRound: { select: { status: true } },
        },
      });
      if (!response) throw new AppError("NOT_FOUND");
      if (response.verdict !== "DISPUTES") throw refuse("NOT_A_DISPUTE");
      if (response.validationRound.status === "CLOSED") throw refuse("ROUND_CLOSED");
      if (response.resolvedAt) throw refuse("ALREADY_RESOLVED");
      const head = await loadStoryHead(tx, evaluationId, storyId);
      if (!head) throw new AppError("NOT_FOUND");
      const others = await tx.validationResponse.findMany({
        where: { evaluationId, validationRoundId: roundId, storyId, verdict: "DISPUTES", id: { not: responseId } },
        orderBy: { id: "asc" },
        select: { ...RESPONSE_STATE_SELECT, respondent: { select: { code: true } } },
      });
      const plan = settlement({
        outcome,
        stage: head.stage,
        storyUnchanged: head.currentRevisionId === response.storyRevisionId,
        otherDisputes: others.map((other) => (other.resolvedAt ? (other.disputeOutcome ?? "UNKNOWN") : "OPEN")),
      });
      if (plan.blockers.length > 0) throw refuse(plan.blockers[0]!, "outcome");

      // Dropping the story settles every open dispute of it in this round, with the same words.
      const settled = [response, ...(outcome === "DROP" ? others.filter((other) => !other.resolvedAt) : [])];
      const now = new Date();
      for (const row of settled) {
        await keepReplacedVersion(tx, row);
        const saved = await tx.validationResponse.updateManyAndReturn({
          where: { id: row.id, evaluationId, verdict: "DISPUTES", resolvedAt: null },
          data: {
            disputeResolution: input.resolution,
            disputeOutcome: outcome,
            resolvedById: actor.actorId,
            resolvedAt: now,
            version: { increment: 1 },
          },
          select: RESPONSE_STATE_SELECT,
        });
        if (saved.length !== 1) throw refuse("ALREADY_RESOLVED");
        await writeResponseRevision(tx, saved[0]!, "DISPUTE_RESOLVED", actor.actorId);
      }

      let stage = head.stage;
      if (plan.move) {
        stage = plan.move === "DROP" ? "NOT_VALIDATED" : "IN_VALIDATION";
        await moveStoryStage(tx, {
          evaluationId,
          storyId,
          from: "RETURNED",
          to: stage,
          actorId: actor.actorId,
          // The lead's resolution, so the story's history says why in words, not as a key.
          comment: input.resolution,
          ipAddress: actor.ipAddress,
        });
      }
      const settledWith = settled.slice(1).map((row) => row.respondent.code);
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: "validation.dispute.resolve",
        recordType: "ValidationResponse",
        recordId: responseId,
        // The lead's own resolution is kept; the respondents' words stay in the responses.
        after: {
          story: head.code,
          respondent: response.respondent.code,
          outcome,
          resolution: input.resolution,
          version: response.version + 1,
          stage,
          ...(settledWith.length > 0 ? { settledWith } : {}),
        },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, story: head.code, stage, openLeft: plan.openLeft, settledWith };
    }, TRANSACTION_OPTIONS),
  );
}
