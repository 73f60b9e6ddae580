/**
 * Saving the fieldwork plan: the whole plan at once, against the plan the lead saw (a change
 * made meanwhile is refused, never overwritten), in one transaction with its audit event.
 * Regions with nothing planned keep no row.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { refusals } from "@/lib/core/refusal";
import { placeKey } from "@/lib/places/catalogue";
import { parseRegionToken } from "@/lib/places/regions";
import type { PlanRegionInput, UpdateFieldworkPlanInput } from "./schema";

export const PLAN_REFUSALS = ["PLAN_CHANGED", "REGION_UNKNOWN"] as const;
export type PlanRefusal = (typeof PLAN_REFUSALS)[number];
const { refuse, asResults } = refusals<PlanRefusal>();

type Actor = { actorId: string; ipAddress?: string | null };
type Counts = Record<string, { interviews: number; focusGroups: number }>;

/** Regions with something planned, by region value: the shape compared and audited. */
function countsOf(
  rows: PlanRegionInput[] | Array<{ region: string; plannedInterviews: number; plannedFocusGroups: number }>,
): Counts {
  const counts: Counts = {};
  for (const row of [...rows].sort((a, b) => a.region.localeCompare(b.region))) {
    if (row.plannedInterviews === 0 && row.plannedFocusGroups === 0) continue;
    counts[row.region] = { interviews: row.plannedInterviews, focusGroups: row.plannedFocusGroups };
  }
  return counts;
}

const sameCounts = (a: Counts, b: Counts) => JSON.stringify(a) === JSON.stringify(b);

export async function updateFieldworkPlan(input: UpdateFieldworkPlanInput & Actor) {
  const { evaluationId } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      // One writer at a time, so "the plan you saw" is still the plan when this one writes.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`fieldwork-plan:${evaluationId}`}, 0))`;
      const stored = await tx.fieldworkPlanRegion.findMany({
        where: { evaluationId },
        select: { region: true, plannedInterviews: true, plannedFocusGroups: true },
      });
      const before = countsOf(stored);
      if (!sameCounts(before, countsOf(input.seen))) throw refuse("PLAN_CHANGED");
      const after = countsOf(input.regions);
      if (sameCounts(before, after)) return { ok: true as const, changed: false };

      // A region abroad must be one the evaluation has (a region row of one of its countries).
      const abroad = input.regions
        .map((row, index) => ({ index, ...parseRegionToken(row.region) }))
        .filter((row) => row.countryCode !== null && after[input.regions[row.index]!.region]);
      if (abroad.length) {
        const keys = abroad.map((row) => placeKey(row.state, null, null, row.countryCode));
        const found = await tx.place.findMany({
          where: { evaluationId, key: { in: keys } },
          select: { key: true, state: true },
        });
        const byKey = new Map(found.map((place) => [place.key, place]));
        // Written as the region row writes it: the region value must name it exactly.
        const missing = abroad.find((row, i) => byKey.get(keys[i]!)?.state !== row.state);
        if (missing) throw refuse("REGION_UNKNOWN", `regions.${missing.index}.region`);
      }

      await tx.fieldworkPlanRegion.deleteMany({ where: { evaluationId, region: { notIn: Object.keys(after) } } });
      for (const [region, planned] of Object.entries(after)) {
        const { countryCode, state } = parseRegionToken(region);
        const values = { plannedInterviews: planned.interviews, plannedFocusGroups: planned.focusGroups };
        await tx.fieldworkPlanRegion.upsert({
          where: { evaluationId_region: { evaluationId, region } },
          create: { evaluationId, region, countryCode, state, ...values },
          update: values,
        });
      }
      await recordAudit(tx, {
        evaluationId,
        actorId: input.actorId,
        ipAddress: input.ipAddress,
        action: "fieldwork_plan.update",
        recordType: "Evaluation",
        recordId: evaluationId,
        before,
        after,
      });
      return { ok: true as const, changed: true };
    }),
  );
}
