/**
 * Correcting a recorded validation response (an evaluator mistyped the verdict or the words)
 * while its round is not closed. One transaction: the version the form loaded must still be the
 * stored one, the version replaced and the new one are kept in validation_response_revision, the
 * story follows the corrected verdict (lib/validation/policy.ts correctionMove) and the audit
 * event names what changed. Decision 0014 gives the rules.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { refusals, type Refused } from "@/lib/core/refusal";
import { loadStoryHead, storyReturnedByDispute } from "./facts";
import type { Actor } from "./mutations";
import { correctionMove, type CorrectionMove } from "./policy";
import {
  keepReplacedVersion,
  lockStoredResponse,
  RESPONSE_STATE_SELECT,
  writeResponseRevision,
} from "./response-revisions";
import type { ResponseFields } from "./schema";
import { moveStoryStage, returnStoryForDispute } from "./stage";

export type CorrectResponseInput = ResponseFields & {
  evaluationId: string;
  responseId: string;
  expectedVersion: number;
};

export const CORRECTION_REFUSALS = ["ROUND_CLOSED", "EDITED_BY_SOMEONE_ELSE", "STAGE_CHANGED"] as const;
export type CorrectionRefusal = (typeof CORRECTION_REFUSALS)[number];
const { refuse, asResults } = refusals<CorrectionRefusal>();

export type CorrectResult =
  { ok: true; version: number; changed: boolean; storyMove: CorrectionMove } | Refused<CorrectionRefusal>;

const FIELDS = ["verdict", "comments", "proposedChanges"] as const;

export async function correctResponse(actor: Actor, input: CorrectResponseInput): Promise<CorrectResult> {
  const { evaluationId, responseId } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const { roundId, storyId } = await lockStoredResponse(tx, evaluationId, responseId);
      const current = await tx.validationResponse.findFirst({
        where: { id: responseId, evaluationId },
        select: {
          ...RESPONSE_STATE_SELECT,
          storyRevisionId: true,
          validationRound: { select: { status: true } },
          respondent: { select: { code: true } },
          storyRevision: { select: { version: true } },
        },
      });
      if (!current) throw new AppError("NOT_FOUND");
      if (current.validationRound.status === "CLOSED") throw refuse("ROUND_CLOSED");
      if (current.version !== input.expectedVersion) throw refuse("EDITED_BY_SOMEONE_ELSE");
      const changed = FIELDS.filter((field) => current[field] !== input[field]);
      if (changed.length === 0) return { ok: true as const, version: current.version, changed: false, storyMove: null };

      const head = await loadStoryHead(tx, evaluationId, storyId);
      if (!head) throw new AppError("NOT_FOUND");
      const disputeCorrectedAway = current.verdict === "DISPUTES" && input.verdict !== "DISPUTES";
      const move = correctionMove({
        before: current.verdict,
        after: input.verdict,
        stage: head.stage,
        returnedByDispute: disputeCorrectedAway && (await storyReturnedByDispute(tx, evaluationId, storyId)),
        storyUnchanged: head.currentRevisionId === current.storyRevisionId,
        otherDisputes: disputeCorrectedAway
          ? await tx.validationResponse.count({
              where: {
                evaluationId,
                validationRoundId: roundId,
                storyId,
                verdict: "DISPUTES",
                id: { not: responseId },
              },
            })
          : 0,
      });

      await keepReplacedVersion(tx, current);
      // A resolution answers a dispute: it goes with the dispute (the replaced version keeps it).
      const resolution = disputeCorrectedAway
        ? { disputeResolution: null, disputeOutcome: null, resolvedById: null, resolvedAt: null }
        : {};
      const updated = await tx.validationResponse.updateMany({
        where: { id: responseId, evaluationId, version: input.expectedVersion },
        data: {
          verdict: input.verdict,
          comments: input.comments,
          proposedChanges: input.proposedChanges,
          ...resolution,
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw refuse("EDITED_BY_SOMEONE_ELSE");
      const saved = await tx.validationResponse.findFirstOrThrow({
        where: { id: responseId, evaluationId },
        select: RESPONSE_STATE_SELECT,
      });
      await writeResponseRevision(tx, saved, "CORRECTED", actor.actorId);

      if (move === "REOPEN") {
        await returnStoryForDispute(tx, { evaluationId, storyId, actorId: actor.actorId, ipAddress: actor.ipAddress });
      } else if (move === "RESTORE") {
        await moveStoryStage(tx, {
          evaluationId,
          storyId,
          from: "RETURNED",
          to: "IN_VALIDATION",
          actorId: actor.actorId,
          comment: "validation.disputeCorrected",
          ipAddress: actor.ipAddress,
        });
      }
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        action: "validation.response.correct",
        recordType: "ValidationResponse",
        recordId: responseId,
        // Codes, verdicts and the names of the fields changed: the respondent's words stay in the
        // response and its revisions, not in the trail.
        before: { version: current.version, verdict: current.verdict, resolved: current.resolvedAt !== null },
        after: {
          version: saved.version,
          verdict: saved.verdict,
          resolved: saved.resolvedAt !== null,
          changed: [...changed],
          round: roundId,
          respondent: current.respondent.code,
          story: head.code,
          revision: current.storyRevision.version,
          storyMove: move,
        },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, version: saved.version, changed: true, storyMove: move };
    }, TRANSACTION_OPTIONS),
  );
}
