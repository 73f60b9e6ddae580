/**
 * Fieldwork against the plan, per first-level region: what was planned (the whole evaluation's
 * plan; a state filter narrows it to that state) beside what was held under the filters, the gap,
 * and whether a planned region has been reached. Pure: the loader passes the counts in.
 *
 * Held interviews and focus groups in a region come close to counting its respondents, so readers
 * without exact counts get each under 5 (zero included) as "< 5", and no gap, status or total
 * that would give a hidden one away. Planned figures are the team's intentions and stay exact.
 */
import { findState } from "@/lib/places/catalogue";
import { parseRegionToken } from "@/lib/places/regions";
import {
  respondentFigure,
  respondentTotal,
  SMALL_CELL_LIMIT,
  UNDER_5,
  type DashboardScope,
  type Figure,
} from "./policy";
import type { DashboardFilters } from "./schema";

export type PlanStatus = "NOT_REACHED" | "BEHIND" | "MET" | "UNPLANNED";

export type PlanRow = {
  /** "Oaxaca", "GT:Quetzaltenango" (lib/places/regions.ts). */
  region: string;
  name: string;
  countryCode: string | null;
  plannedInterviews: number;
  plannedFocusGroups: number;
  doneInterviews: Figure;
  doneFocusGroups: Figure;
  /** Planned minus held, never below zero; null when the held figure is hidden. */
  interviewGap: number | null;
  focusGroupGap: number | null;
  /** null when a hidden figure would decide it. */
  status: PlanStatus | null;
};

export type PlanView = {
  /** Whether the evaluation has any plan at all (else the page says how to set one). */
  hasPlan: boolean;
  rows: PlanRow[];
  plannedInterviews: number;
  /** Interviews held in the regions shown; null for readers without exact counts. */
  doneInterviews: number | null;
  /** Planned regions with nothing held; null for readers without exact counts. */
  notReached: number | null;
};

type Planned = {
  region: string;
  countryCode: string | null;
  state: string;
  plannedInterviews: number;
  plannedFocusGroups: number;
};
type Held = { state: string | null; interviews: number; focusGroups: number };

export function planCoverage(
  plan: Planned[],
  held: Held[],
  filters: Pick<DashboardFilters, "state">,
  scope: Pick<DashboardScope, "exactCounts">,
): PlanView {
  const rows = new Map<
    string,
    { name: string; countryCode: string | null; planned: [number, number]; held: [number, number] }
  >();
  for (const row of plan) {
    if (filters.state && row.region !== filters.state) continue;
    rows.set(row.region, {
      name: row.state,
      countryCode: row.countryCode,
      planned: [row.plannedInterviews, row.plannedFocusGroups],
      held: [0, 0],
    });
  }
  for (const row of held) {
    if (!row.state || (row.interviews === 0 && row.focusGroups === 0)) continue;
    const region = parseRegionToken(row.state);
    // Outside the catalogue (a free-text state) nothing could have been planned; "elsewhere" counts it.
    if (!region.countryCode && !findState(region.state)) continue;
    const entry = rows.get(row.state) ?? {
      name: region.state,
      countryCode: region.countryCode,
      planned: [0, 0],
      held: [0, 0],
    };
    entry.held = [entry.held[0] + row.interviews, entry.held[1] + row.focusGroups];
    rows.set(row.state, entry);
  }

  const shown: PlanRow[] = [];
  for (const [region, entry] of rows) {
    const [plannedInterviews, plannedFocusGroups] = entry.planned;
    const [interviews, focusGroups] = entry.held;
    const anyPlanned = plannedInterviews + plannedFocusGroups > 0;
    const doneInterviews = respondentFigure(interviews, scope);
    const doneFocusGroups = respondentFigure(focusGroups, scope);
    // A region outside the plan is shown to readers without exact counts only when what was held
    // there is shown too: the row alone would say "fewer than five, but not none".
    if (!anyPlanned && !scope.exactCounts && interviews < SMALL_CELL_LIMIT && focusGroups < SMALL_CELL_LIMIT) continue;
    const hidden = doneInterviews === UNDER_5 || doneFocusGroups === UNDER_5;
    shown.push({
      region,
      name: entry.name,
      countryCode: entry.countryCode,
      plannedInterviews,
      plannedFocusGroups,
      doneInterviews,
      doneFocusGroups,
      interviewGap: doneInterviews === UNDER_5 ? null : Math.max(plannedInterviews - interviews, 0),
      focusGroupGap: doneFocusGroups === UNDER_5 ? null : Math.max(plannedFocusGroups - focusGroups, 0),
      status: hidden
        ? null
        : !anyPlanned
          ? "UNPLANNED"
          : interviews + focusGroups === 0
            ? "NOT_REACHED"
            : interviews >= plannedInterviews && focusGroups >= plannedFocusGroups
              ? "MET"
              : "BEHIND",
    });
  }
  // Mexico's states first, then other countries, each by name.
  shown.sort((a, b) => (a.countryCode ?? "").localeCompare(b.countryCode ?? "") || a.name.localeCompare(b.name, "es"));
  const planned = shown.filter((row) => row.plannedInterviews + row.plannedFocusGroups > 0);
  const exact = (value: Figure) => (value === UNDER_5 ? 0 : value);
  return {
    hasPlan: plan.length > 0,
    rows: shown,
    plannedInterviews: planned.reduce((sum, row) => sum + row.plannedInterviews, 0),
    doneInterviews: respondentTotal(
      shown.reduce((sum, row) => sum + exact(row.doneInterviews), 0),
      scope,
    ),
    notReached: respondentTotal(planned.filter((row) => row.status === "NOT_REACHED").length, scope),
  };
}

/**
 * How the map marks a Mexican state the plan names: reached, or not. Readers with exact counts get
 * "not reached" (nothing held). Readers without them would learn "none" against "some" from that
 * mark where the plan's table shows "< 5", so they get one mark for both: fewer than 5 interviews
 * and fewer than 5 focus groups held (zero included), which their table already shows.
 */
export type StatePlanMark = "REACHED" | "NOT_REACHED" | "FEW_HELD";

/** Marks keyed by ISO code ("MX-OAX"); states outside the plan have none. */
export function statePlanMarks(plan: PlanView, scope: Pick<DashboardScope, "exactCounts">): Map<string, StatePlanMark> {
  const marks = new Map<string, StatePlanMark>();
  for (const row of plan.rows) {
    const state = row.countryCode ? null : findState(row.region);
    if (!state || row.plannedInterviews + row.plannedFocusGroups === 0) continue;
    const few = row.doneInterviews === UNDER_5 && row.doneFocusGroups === UNDER_5;
    marks.set(
      state.iso,
      scope.exactCounts ? (row.status === "NOT_REACHED" ? "NOT_REACHED" : "REACHED") : few ? "FEW_HELD" : "REACHED",
    );
  }
  return marks;
}
