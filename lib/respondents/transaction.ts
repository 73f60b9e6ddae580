/**
 * What every respondent write shares: one transaction, refusals that roll it back, and a row lock
 * on the respondent so two writes to the same person run one after the other.
 */
import { refusals } from "@/lib/core/refusal";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

/** Who acts, for the audit trail. The mutation never reads the session itself. */
export type Actor = { actorId: string; ipAddress?: string | null };

export { TRANSACTION_OPTIONS } from "@/lib/core/transaction";

/**
 * Refusals are lib/core/refusal.ts's, thrown inside the transaction so nothing written so far is
 * kept; each mutation file lists its own reasons. A save from an older form is refused the same
 * way by all of them.
 */
const { refuse } = refusals<"STALE_VERSION">();

export type LockedRespondent = { id: string; code: string; version: number; excludedAt: Date | null };

/**
 * Locks the respondent's row until the transaction ends and returns it; a respondent of another
 * evaluation (or none) is NOT_FOUND, exactly like one that does not exist.
 */
export async function lockRespondent(tx: Tx, evaluationId: string, respondentId: string): Promise<LockedRespondent> {
  const rows = await tx.$queryRaw<LockedRespondent[]>`
    SELECT id, code, version, excluded_at AS "excludedAt"
    FROM respondent
    WHERE evaluation_id = ${evaluationId} AND id = ${respondentId}
    FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "respondent not in this evaluation");
  return row;
}

/**
 * Locks the respondent for a save over the version its form loaded; a form that loaded an older
 * version is refused.
 */
export async function lockAtVersion(
  tx: Tx,
  evaluationId: string,
  respondentId: string,
  expected: number,
): Promise<LockedRespondent> {
  const locked = await lockRespondent(tx, evaluationId, respondentId);
  if (locked.version !== expected) throw refuse("STALE_VERSION");
  return locked;
}

/**
 * Writes `columns` (none: only the version moves) over the locked version and moves the version
 * on by one; returns the new version. The version is in the `where` as well as under the lock, so
 * a save never lands on a version it did not see.
 */
export async function saveOverVersion(
  tx: Tx,
  evaluationId: string,
  locked: LockedRespondent,
  columns: Prisma.RespondentUncheckedUpdateManyInput = {},
): Promise<number> {
  const saved = await tx.respondent.updateMany({
    where: { id: locked.id, evaluationId, version: locked.version },
    data: { ...columns, version: { increment: 1 } },
  });
  if (saved.count !== 1) throw refuse("STALE_VERSION");
  return locked.version + 1;
}
