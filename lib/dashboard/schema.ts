/**
 * The dashboard's filters, as they live in the URL. A value that does not parse refuses the whole
 * view (like the lists): dropping it would silently show figures for more than was asked.
 */
import { z } from "zod";
import { ChangeType } from "@/lib/generated/prisma/enums";
import {
  dayFilter,
  idFilter,
  orderedRange,
  parseFilters,
  placeFilter,
  type SearchParams,
} from "@/lib/tables/url-state";

export const dashboardFilterSchema = z
  .object({
    domain: idFilter.optional(),
    state: placeFilter.optional(),
    project: idFilter.optional(),
    /** The period: stories whose own period overlaps it, fieldwork dated within it. */
    from: dayFilter.optional(),
    to: dayFilter.optional(),
    changeType: z.enum(ChangeType).optional(),
  })
  .strict()
  .superRefine(orderedRange("from", "to"));

export type DashboardFilters = z.infer<typeof dashboardFilterSchema>;

export const DASHBOARD_FILTER_KEYS = ["domain", "state", "project", "from", "to", "changeType"] as const;

export function parseDashboardFilters(params: SearchParams) {
  return parseFilters(DASHBOARD_FILTER_KEYS, dashboardFilterSchema, params);
}

/** The filters as URL parameters (for links that keep them). */
export function dashboardQuery(filters: DashboardFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of DASHBOARD_FILTER_KEYS) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  return query;
}
