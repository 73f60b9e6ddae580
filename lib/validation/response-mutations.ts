/**
 * Respondents' verdicts on the stories of a round, and the written resolution of a dispute.
 * A response is for the exact revision the respondent was shown; one for an outdated revision is
 * refused (decision 0014). Two people recording the same response at once: the unique key keeps
 * one row and the other is told ALREADY_RECORDED.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ValidationVerdict } from "@/lib/generated/prisma/enums";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { Refusal, refusalsAsResults, type Refused } from "@/lib/core/refusal";
import { DISPUTE_RETURN_COMMENT, loadSamplingPool, loadStoryHead } from "./facts";
import type { Actor } from "./mutations";
import { reopensStory, responseBlockers } from "./policy";
import { keepReplacedVersion, RESPONSE_STATE_SELECT, writeResponseRevision } from "./response-revisions";
import { moveStoryStage } from "./stage";

export type RecordResponseInput = {
  evaluationId: string;
  roundId: string;
  respondentId: string;
  storyId: string;
  storyRevisionId: string;
  verdict: ValidationVerdict;
  comments: string | null;
  proposedChanges: string | null;
};

export type RecordResult = { ok: true; responseId: string; reopened: boolean } | Refused;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function recordResponse(actor: Actor, input: RecordResponseInput): Promise<RecordResult> {
  const { evaluationId, roundId, respondentId, storyId } = input;
  try {
    return await refusalsAsResults(() =>
      db().$transaction(async (tx) => {
        // The round may not close, nor the story change, between the checks and the write.
        await tx.$executeRaw`SELECT 1 FROM validation_round WHERE id = ${roundId} AND evaluation_id = ${evaluationId} FOR SHARE`;
        await tx.$executeRaw`SELECT 1 FROM change_story WHERE id = ${storyId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
        const roundStory = await tx.validationRoundStory.findFirst({
          where: { evaluationId, validationRoundId: roundId, storyId },
          select: { storyRevisionId: true, validationRound: { select: { status: true } } },
        });
        const member = await tx.validationSampleMember.findFirst({
          where: { evaluationId, validationRoundId: roundId, respondentId },
          select: { respondent: { select: { code: true } } },
        });
        const head = await loadStoryHead(tx, evaluationId, storyId);
        if (!roundStory || !member || !head) throw new AppError("NOT_FOUND");
        const existing = await tx.validationResponse.findFirst({
          where: { evaluationId, validationRoundId: roundId, respondentId, storyId },
          select: { id: true },
        });
        if (existing) throw new Refusal("ALREADY_RECORDED");
        const [pool] = await loadSamplingPool(tx, evaluationId, roundId, [respondentId]);
        const told =
          pool?.blockers.includes("TOLD_EVERY_STORY") ||
          (await tx.storyTeller.count({ where: { evaluationId, storyId, respondentId } })) > 0;
        const blockers = responseBlockers({
          roundStatus: roundStory.validationRound.status,
          roundRevisionId: roundStory.storyRevisionId,
          currentRevisionId: head.currentRevisionId,
          shownRevisionId: input.storyRevisionId,
          respondentToldStory: told,
          respondentEligible: Boolean(pool) && pool!.blockers.every((blocker) => blocker === "TOLD_EVERY_STORY"),
        });
        if (blockers.length > 0)
          throw new Refusal(blockers[0]!, blockers[0] === "OUTDATED_REVISION" ? "verdict" : undefined);

        const response = await tx.validationResponse.create({
          data: {
            evaluationId,
            validationRoundId: roundId,
            respondentId,
            storyId,
            storyRevisionId: roundStory.storyRevisionId,
            verdict: input.verdict,
            comments: input.comments,
            proposedChanges: input.proposedChanges,
            recordedById: actor.actorId,
          },
          select: RESPONSE_STATE_SELECT,
        });
        await writeResponseRevision(tx, response, "RECORDED", actor.actorId);
        const reopened = reopensStory(input.verdict, head.stage);
        if (reopened) {
          await moveStoryStage(tx, {
            evaluationId,
            storyId,
            from: "IN_VALIDATION",
            to: "RETURNED",
            actorId: actor.actorId,
            comment: DISPUTE_RETURN_COMMENT,
            ipAddress: actor.ipAddress,
          });
        }
        await recordAudit(tx, {
          evaluationId,
          actorId: actor.actorId,
          action: "validation.response.record",
          recordType: "ValidationResponse",
          recordId: response.id,
          // Codes and the verdict only: respondents' own words stay in the row, not in the trail.
          after: {
            round: roundId,
            respondent: member.respondent.code,
            story: head.code,
            revision: head.version,
            verdict: input.verdict,
            reopened,
          },
          ipAddress: actor.ipAddress,
        });
        return { ok: true as const, responseId: response.id, reopened };
      }, TRANSACTION_OPTIONS),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "ALREADY_RECORDED" };
    throw error;
  }
}

/**
 * The lead settles a dispute in writing; a dispute is resolved once, never re-opened. The row is
 * locked first, so a correction saved meanwhile is either seen here or waits for this.
 */
export async function resolveDispute(
  actor: Actor,
  input: { evaluationId: string; responseId: string; resolution: string },
): Promise<{ ok: true } | Refused> {
  const { evaluationId, responseId } = input;
  return refusalsAsResults(() =>
    db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM validation_response WHERE id = ${responseId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
      const response = await tx.validationResponse.findFirst({
        where: { id: responseId, evaluationId },
        select: {
          ...RESPONSE_STATE_SELECT,
          story: { select: { code: true } },
          respondent: { select: { code: true } },
          validationRound: { select: { status: true } },
        },
      });
      if (!response) throw new AppError("NOT_FOUND");
      if (response.verdict !== "DISPUTES") throw new Refusal("NOT_A_DISPUTE");
      if (response.validationRound.status === "CLOSED") throw new Refusal("ROUND_CLOSED");
      if (response.resolvedAt) throw new Refusal("ALREADY_RESOLVED");
      await keepReplacedVersion(tx, response);
      const resolved = await tx.validationResponse.updateMany({
        where: { id: responseId, evaluationId, verdict: "DISPUTES", resolvedAt: null },
        data: {
          disputeResolution: input.resolution,
          resolvedById: actor.actorId,
          resolvedAt: new Date(),
          version: { increment: 1 },
        },
      });
      if (resolved.count !== 1) throw new Refusal("ALREADY_RESOLVED");
      const saved = await tx.validationResponse.findFirstOrThrow({
        where: { id: responseId, evaluationId },
        select: RESPONSE_STATE_SELECT,
      });
      await writeResponseRevision(tx, saved, "DISPUTE_RESOLVED", actor.actorId);
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: "validation.dispute.resolve",
        recordType: "ValidationResponse",
        recordId: responseId,
        after: {
          story: response.story.code,
          respondent: response.respondent.code,
          resolution: input.resolution,
          version: saved.version,
        },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const };
    }, TRANSACTION_OPTIONS),
  );
}
