/**
 * The history of a validation response: one validation_response_revision row per version, written
 * inside the transaction that saved that version (decision 0014, as story revisions in 0007).
 * Respondents' words live here and in the response row, never in the audit trail.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DisputeOutcome, ValidationResponseChange } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

/**
 * Locks a stored response for a change to it, in the order recording takes (its round shared, then
 * its story, then the response): the round cannot close nor the story move meanwhile, and two
 * changes of one story queue, so the second sees the first. NOT_FOUND outside the evaluation.
 */
export async function lockStoredResponse(tx: Tx, evaluationId: string, responseId: string) {
  const found = await tx.validationResponse.findFirst({
    where: { id: responseId, evaluationId },
    select: { validationRoundId: true, storyId: true },
  });
  if (!found) throw new AppError("NOT_FOUND");
  const { validationRoundId: roundId, storyId } = found;
  await tx.$executeRaw`SELECT 1 FROM validation_round WHERE id = ${roundId} AND evaluation_id = ${evaluationId} FOR SHARE`;
  await tx.$executeRaw`SELECT 1 FROM change_story WHERE id = ${storyId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
  await tx.$executeRaw`SELECT 1 FROM validation_response WHERE id = ${responseId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
  return { roundId, storyId };
}

/** The response's columns a revision keeps. */
export type ResponseState = {
  id: string;
  evaluationId: string;
  version: number;
  verdict: Prisma.ValidationResponseRevisionCreateManyInput["verdict"];
  comments: string | null;
  proposedChanges: string | null;
  disputeResolution: string | null;
  disputeOutcome: DisputeOutcome | null;
  resolvedById: string | null;
  resolvedAt: Date | null;
  recordedById: string;
  updatedAt: Date;
};

export const RESPONSE_STATE_SELECT = {
  id: true,
  evaluationId: true,
  version: true,
  verdict: true,
  comments: true,
  proposedChanges: true,
  disputeResolution: true,
  disputeOutcome: true,
  resolvedById: true,
  resolvedAt: true,
  recordedById: true,
  updatedAt: true,
} as const satisfies Prisma.ValidationResponseSelect;

function revisionRow(
  state: ResponseState,
  change: ValidationResponseChange,
  savedById: string,
  createdAt?: Date,
): Prisma.ValidationResponseRevisionCreateManyInput {
  return {
    evaluationId: state.evaluationId,
    responseId: state.id,
    version: state.version,
    change,
    verdict: state.verdict,
    comments: state.comments,
    proposedChanges: state.proposedChanges,
    disputeResolution: state.disputeResolution,
    disputeOutcome: state.disputeOutcome,
    resolvedById: state.resolvedById,
    resolvedAt: state.resolvedAt,
    savedById,
    ...(createdAt ? { createdAt } : {}),
  };
}

/** Writes the revision of the version just saved. */
export async function writeResponseRevision(
  tx: Tx,
  state: ResponseState,
  change: ValidationResponseChange,
  savedById: string,
): Promise<void> {
  await tx.validationResponseRevision.create({ data: revisionRow(state, change, savedById) });
}

/**
 * Before a version is replaced, makes sure it has its row: a response written before revisions
 * were kept (or by a script) gets one now, attributed to whoever saved it last as far as the row
 * tells (the resolver, else the recorder). A version that already has its row is left alone.
 */
export async function keepReplacedVersion(tx: Tx, state: ResponseState): Promise<void> {
  const change: ValidationResponseChange = state.resolvedAt ? "DISPUTE_RESOLVED" : "RECORDED";
  await tx.validationResponseRevision.createMany({
    data: [revisionRow(state, change, state.resolvedById ?? state.recordedById, state.updatedAt)],
    skipDuplicates: true,
  });
}
