/**
 * What the setup pages read, for those who may change the setup (leads and administrators):
 * null for anyone else, so the page answers 404 and reveals nothing.
 */
import "server-only";
import { cache } from "react";
import { getAuthorizedUser } from "@/lib/auth/session";
import { isoDay } from "@/lib/core/calendar-day";
import { db } from "@/lib/db";
import { listDomainsForSetup } from "@/lib/domains/data";
import { listCountriesForSetup, listPlacesForSetup } from "@/lib/places/data";
import { listProjectsForSetup } from "@/lib/projects/data";
import { listSetupLists } from "@/lib/setup-lists/data";
import { fieldworkPlanForSetup } from "@/lib/fieldwork-plan/data";
import { can, rolesOf } from "@/lib/permissions";
import { accessWith } from "./access";
import { evaluationTitleSelect, listEvaluationsForUser } from "./data";
import { timeZoneChoices } from "./time-zone";

export const loadEvaluationSetup = cache(async (evaluationId: string) => {
  const user = await getAuthorizedUser();
  if (!(await accessWith(evaluationId, user, "evaluation.update"))) return null;
  const evaluation = await db().evaluation.findUnique({
    where: { id: evaluationId },
    select: {
      ...evaluationTitleSelect,
      description: true,
      timeZone: true,
      version: true,
    },
  });
  if (!evaluation) return null;
  // The zones come from the server's list, the one the action checks against, so both agree.
  return {
    ...evaluation,
    periodStart: isoDay(evaluation.periodStart),
    periodEnd: isoDay(evaluation.periodEnd),
    timeZones: timeZoneChoices(),
  };
});

export type EvaluationSetup = NonNullable<Awaited<ReturnType<typeof loadEvaluationSetup>>>;

/** A setup page's own list, read only for those who pass the setup check (null for anyone else). */
async function afterSetupCheck<T>(evaluationId: string, read: (evaluationId: string) => Promise<T>): Promise<T | null> {
  return (await loadEvaluationSetup(evaluationId)) ? read(evaluationId) : null;
}

export const loadSetupDomains = (evaluationId: string) => afterSetupCheck(evaluationId, listDomainsForSetup);
export const loadSetupProjects = (evaluationId: string) => afterSetupCheck(evaluationId, listProjectsForSetup);
export const loadSetupPlaces = (evaluationId: string) => afterSetupCheck(evaluationId, listPlacesForSetup);
export const loadSetupCountries = (evaluationId: string) => afterSetupCheck(evaluationId, listCountriesForSetup);
export const loadSetupLists = (evaluationId: string) => afterSetupCheck(evaluationId, listSetupLists);
export const loadSetupFieldworkPlan = (evaluationId: string) => afterSetupCheck(evaluationId, fieldworkPlanForSetup);

/** The other evaluations whose setup this person may copy: those they may set up themselves. */
export async function listSetupSources(evaluationId: string) {
  const user = await getAuthorizedUser();
  if (!user) return [];
  const evaluations = await listEvaluationsForUser(user);
  return evaluations
    .filter((evaluation) => evaluation.id !== evaluationId && can(rolesOf(user, evaluation.roles), "evaluation.update"))
    .map(({ id, name }) => ({ id, name }));
}
