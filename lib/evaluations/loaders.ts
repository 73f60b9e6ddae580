/**
 * What the evaluation pages read: the list of one's evaluations, an evaluation's home, and the
 * heading any section page shows. Each asks the one evaluation access first (lib/evaluations/access.ts).
 */
import { cache } from "react";
import { loadWaitingFor } from "@/lib/dashboard/waiting";
import type { Permission } from "@/lib/permissions";
import { accessWith, evaluationAccess, type EvaluationAccess, type Reader } from "./access";
import { findEvaluationHeading, getEvaluationOverview, listEvaluationsForUser } from "./data";

/** The evaluations the reader belongs to (every evaluation, for an administrator). */
export function loadEvaluationList(reader: Reader) {
  return listEvaluationsForUser(reader);
}

/** How many of the reader's evaluations the landing looks into; a panelist sits on a handful. */
const LANDING_EVALUATIONS = 20;

/**
 * Where the reader lands after signing in: straight on their ballot when one round's ballot is the
 * only thing waiting for them in all their evaluations (so a panelist votes without looking for the
 * round), otherwise null and the evaluation list. "Waiting for you" (lib/dashboard/waiting.ts)
 * decides what waits, with the reader's roles in each evaluation.
 */
export async function loadLanding(reader: Reader, now: Date = new Date()): Promise<string | null> {
  if (reader.needsTwoFactorEnrolment) return null;
  const evaluations = (await listEvaluationsForUser(reader)).filter((evaluation) => evaluation.roles.length > 0);
  if (evaluations.length === 0 || evaluations.length > LANDING_EVALUATIONS) return null;
  const waiting = (
    await Promise.all(evaluations.map((evaluation) => loadWaitingFor(evaluation.id, reader.id, evaluation.roles, now)))
  ).flat();
  return waiting.length === 1 && waiting[0]!.kind === "BALLOTS" ? waiting[0]!.path : null;
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
  async <U extends Reader>(
    evaluationId: string,
    reader: U | null,
    ...permissions: [Permission, ...Permission[]]
  ): Promise<{ access: EvaluationAccess<U>; evaluation: EvaluationHeading } | null> => {
    const access = await accessWith(evaluationId, reader, ...permissions);
    const evaluation = access ? await findEvaluationHeading(evaluationId) : null;
    return access && evaluation ? { access, evaluation } : null;
  },
);
