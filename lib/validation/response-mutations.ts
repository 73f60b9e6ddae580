/**
 * Respondents' verdicts on the stories of a round (the lead settles disputes in dispute-mutations.ts).
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
import { refusals, type Refused } from "@/lib/core/refusal";
import { loadSamplingPool, loadStoryHead } from "./facts";
import type { Actor } from "./mutations";
import { reopensStory, responseBlockers, type ResponseBlocker } from "./policy";
import { RESPONSE_STATE_SELECT, writeResponseRevision } from "./response-revisions";
import { returnStoryForDispute } from "./stage";

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

export const RESPONSE_REFUSALS = [
  "ALREADY_RECORDED",
  "ROUND_NOT_OPEN",
  "OUTDATED_REVISION",
  "STORYTELLER",
  "RESPONDENT_NOT_ELIGIBLE",
  "STAGE_CHANGED",
] as const satisfies ReadonlyArray<ResponseBlocker | "ALREADY_RECORDED" | "STAGE_CHANGED">;
export type ResponseRefusal = (typeof RESPONSE_REFUSALS)[number];
const { refuse, asResults } = refusals<ResponseRefusal>();

export type RecordResult = { ok: true; responseId: string; reopened: boolean } | Refused<ResponseRefusal>;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function recordResponse(actor: Actor, input: RecordResponseInput): Promise<RecordResult> {
  const { evaluationId, roundId, respondentId, storyId } = input;
  try {
    return await asResults(() =>
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
        if (existing) throw refuse("ALREADY_RECORDED");
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
          throw refuse(blockers[0]!, blockers[0] === "OUTDATED_REVISION" ? "verdict" : undefined);

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
          await returnStoryForDispute(tx, {
            evaluationId,
            storyId,
            actorId: actor.actorId,
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
