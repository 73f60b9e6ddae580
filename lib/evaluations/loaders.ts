/**
 * What the evaluation pages read: the list of one's evaluations, an evaluation's home, and the
 * heading any section page shows. Each asks the one evaluation access first (lib/evaluations/access.ts).
 */
import { cache } from "react";
import type { Permission } from "@/lib/permissions";
import { accessWith, evaluationAccess, type EvaluationAccess, type Reader } from "./access";
import { findEvaluationHeading, getEvaluationOverview, listEvaluationsForUser } from "./data";

/** The evaluations the reader belongs to (every evaluation, for an administrator). */
export function loadEvaluationList(reader: Reader) {
  return listEvaluationsForUser(reader);
}

/** The evaluation's home: its description, setup and team, for any member. */
export const loadEvaluationOverview = cache(async (evaluationId: string, reader: Reader | null) => {
  const access = await evaluationAccess(evaluationId, reader);
  return access ? getEvaluationOverview(evaluationId, access.user) : null;
});

export type EvaluationHeading = NonNullable<Awaited<ReturnType<typeof findEvaluationHeading>>>;

/**
 * A section page's heading (the evaluation's name and languages) with the caller's access, when
 * they hold one of `permissions`; null otherwise, which the page answers with 404.
 */
export const loadEvaluationHeading = cache(
  async <U extends Reader>(evaluationId: string, reader: U | null, ...permissions: [Permission, ...Permission[]]): Promise<{ access: EvaluationAccess<U>; evaluation: EvaluationHeading } | null> => {
    const access = await accessWith(evaluationId, reader, ...permissions);
    const evaluation = access ? await findEvaluationHeading(evaluationId) : null;
    return access && evaluation ? { access, evaluation } : null;
  },
);
