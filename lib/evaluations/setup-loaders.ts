/**
 * What the setup pages read, for those who may change the setup (leads and administrators):
 * null for anyone else, so the page answers 404 and reveals nothing.
 */
import { cache } from "react";
import { getAuthorizedUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can, rolesOf } from "@/lib/permissions";
import { accessWith } from "./access";
import { listEvaluationsForUser } from "./data";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export const loadEvaluationSetup = cache(async (evaluationId: string) => {
  const user = await getAuthorizedUser();
  if (!(await accessWith(evaluationId, user, "evaluation.update"))) return null;
  const evaluation = await db().evaluation.findUnique({
    where: { id: evaluationId },
    select: { id: true, name: true, client: true, evaluatorOrganisation: true, periodStart: true, periodEnd: true, languages: true, description: true, version: true },
  });
  if (!evaluation) return null;
  return { ...evaluation, periodStart: isoDay(evaluation.periodStart), periodEnd: isoDay(evaluation.periodEnd) };
});

export type EvaluationSetup = NonNullable<Awaited<ReturnType<typeof loadEvaluationSetup>>>;

/** The other evaluations whose setup this person may copy: those they may set up themselves. */
export async function listSetupSources(evaluationId: string) {
  const user = await getAuthorizedUser();
  if (!user) return [];
  const evaluations = await listEvaluationsForUser(user);
  return evaluations.filter((evaluation) => evaluation.id !== evaluationId && can(rolesOf(user, evaluation.roles), "evaluation.update")).map(({ id, name }) => ({ id, name }));
}
