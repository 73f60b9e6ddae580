/** Reads of the fieldwork plan, always by the evaluation's id (its one index). */
import "server-only";
import { db } from "@/lib/db";

export type PlannedRegion = {
  region: string;
  countryCode: string | null;
  state: string;
  plannedInterviews: number;
  plannedFocusGroups: number;
};

export async function listFieldworkPlan(evaluationId: string): Promise<PlannedRegion[]> {
  return db().fieldworkPlanRegion.findMany({
    where: { evaluationId },
    orderBy: { region: "asc" },
    select: { region: true, countryCode: true, state: true, plannedInterviews: true, plannedFocusGroups: true },
  });
}

/** What the setup page's form edits: the plan, and the regions abroad it may plan for. */
export async function fieldworkPlanForSetup(evaluationId: string) {
  const [plan, regionsAbroad] = await Promise.all([
    listFieldworkPlan(evaluationId),
    db().place.findMany({
      where: { evaluationId, countryCode: { not: null }, municipality: null },
      orderBy: [{ countryCode: "asc" }, { state: "asc" }],
      select: { countryCode: true, state: true },
    }),
  ]);
  return { plan, regionsAbroad: regionsAbroad.map((row) => ({ countryCode: row.countryCode!, state: row.state })) };
}
