/**
 * The fieldwork plan as the lead edits it: for each first-level region (a Mexican state by its
 * catalogue name, a region abroad as "GT:Quetzaltenango"), the interviews and focus groups
 * planned there. The form and the action check it with this schema; the mutation checks that a
 * region abroad is one of the evaluation's. Messages are keys under `setup.errors`.
 */
import { z } from "zod";
import { idSchema } from "@/lib/core/ids";
import { MEXICAN_STATES } from "@/lib/respondents/constants";
import { parseRegionToken } from "@/lib/places/regions";
import { PLACE_NAME_MAX } from "@/lib/places/types";
import { PLAN_REGIONS_MAX, PLANNED_MAX } from "./types";
export { PLAN_REGIONS_MAX, PLANNED_MAX } from "./types";

/** A blank box means nothing planned; anything else must be a whole number from 0 to PLANNED_MAX. */
const planned = z.preprocess(
  (value) => (value === "" || value === null || value === undefined ? 0 : value),
  z.coerce
    .number({ error: "plannedInvalid" })
    .int({ error: "plannedInvalid" })
    .min(0, { error: "plannedInvalid" })
    .max(PLANNED_MAX, { error: "plannedTooMany" }),
);

const region = z
  .string({ error: "regionUnknown" })
  .min(1, { error: "regionUnknown" })
  .max(PLACE_NAME_MAX + 3, { error: "regionUnknown" })
  .refine(
    (token) => {
      const parsed = parseRegionToken(token);
      return parsed.countryCode !== null || (MEXICAN_STATES as readonly string[]).includes(parsed.state);
    },
    { error: "regionUnknown" },
  );

export const planRegionSchema = z.object({
  region,
  plannedInterviews: planned,
  plannedFocusGroups: planned,
});

const planRegions = z
  .array(planRegionSchema)
  .max(PLAN_REGIONS_MAX, { error: "planTooLong" })
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      if (seen.has(row.region)) ctx.addIssue({ code: "custom", path: [index, "region"], message: "regionTwice" });
      seen.add(row.region);
    });
  });

export const updateFieldworkPlanInput = z.object({
  evaluationId: idSchema,
  regions: planRegions,
  /** The plan as the lead saw it (regions with something planned): a change made meanwhile is refused. */
  seen: planRegions,
});

export type PlanRegionInput = z.infer<typeof planRegionSchema>;
export type UpdateFieldworkPlanInput = z.infer<typeof updateFieldworkPlanInput>;
