/**
 * What every respondent write shares: one transaction, refusals that roll it back, and a row lock
 * on the respondent so two writes to the same person run one after the other.
 */
import type { Rejection } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

/** Who acts, for the audit trail. The mutation never reads the session itself. */
export type Actor = { actorId: string; ipAddress?: string | null };

export { TRANSACTION_OPTIONS } from "@/lib/core/transaction";

/** An expected refusal; thrown inside the transaction so nothing written so far is kept. */
export class Refused extends Error {
  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason);
    this.name = "Refused";
  }
}

export function refuse(reason: string, field?: string): never {
  throw new Refused(reason, field);
}

/** Runs a write; a refusal comes back as the action's typed rejection, anything else is thrown. */
export async function refusable<T>(write: () => Promise<T>): Promise<T | Rejection> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Refused) return { rejected: error.reason, field: error.field };
    throw error;
  }
}

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

/** Refuses a save made from a form that loaded an older version of the respondent. */
export function assertVersion(locked: LockedRespondent, expected: number): void {
  if (locked.version !== expected) refuse("errors.stale");
}
