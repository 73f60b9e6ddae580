/**
 * The choropleth's geometry and classes. The shapes come from @svg-maps/mexico (CC BY 4.0, credit
 * shown under the map; decision 0019); its ids are the ISO 3166-2 codes of the states without the
 * "MX-" prefix, in lower case, which is how they meet the place catalogue.
 */
import geometry from "@svg-maps/mexico";
import type { StateRow } from "./loaders";

// The package's types point at a package it does not depend on; this is the shape it exports.
type SvgMap = { viewBox: string; locations: Array<{ id: string; name: string; path: string }> };
const mexico = geometry as unknown as SvgMap;

export const MAP_VIEW_BOX: string = mexico.viewBox;

/** Each state's outline, keyed by its ISO 3166-2 code ("MX-OAX"). */
export const MAP_SHAPES: ReadonlyMap<string, string> = new Map(
  mexico.locations.map((location) => [`MX-${location.id.toUpperCase()}`, location.path]),
);

/** Fill colours of the classes, light to dark (ColorBrewer "Blues"); zero has its own hatched fill. */
export const CLASS_FILLS = ["#deebf7", "#9ecae1", "#4292c6", "#08519c"] as const;

export type MapClass = { from: number; to: number; fill: string };

/** Up to four classes of equal width from 1 to `max`; none when nothing is counted. */
export function mapClasses(max: number): MapClass[] {
  if (max <= 0) return [];
  const width = Math.ceil(max / CLASS_FILLS.length);
  const classes: MapClass[] = [];
  for (let index = 0, from = 1; from <= max; index += 1, from += width) {
    classes.push({ from, to: Math.min(from + width - 1, max), fill: CLASS_FILLS[index]! });
  }
  return classes;
}

export function classOf(count: number, classes: MapClass[]): MapClass | null {
  return count > 0 ? (classes.find((range) => count >= range.from && count <= range.to) ?? null) : null;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The map's one-sentence summary, for the page and the downloads alike: where the stories come
 * from and, when the plan names any state, how many of those carry the plan's mark (the words
 * follow the mark the reader gets, StatePlanMark in coverage-plan.ts).
 */
export function mapSummary(
  states: readonly StateRow[],
  exactCounts: boolean,
  { t, locale }: { t: Translate; locale: "es" | "en" },
): string {
  const reached = states.filter((state) => state.stories > 0);
  const topCount = Math.max(0, ...reached.map((state) => state.stories));
  // Every state with the most stories, so a tie is not reported as one state.
  const top = new Intl.ListFormat(locale).format(
    reached.filter((state) => state.stories === topCount).map((state) => state.name),
  );
  const base = { reached: reached.length, top, topCount };
  if (!states.some((state) => state.plan !== null)) return t("dashboard.where.summary", base);
  const marked = states.filter(isMarked).length;
  return exactCounts
    ? t("dashboard.where.summaryPlan", { ...base, notReached: marked })
    : t("dashboard.where.summaryPlanFew", { ...base, few: marked });
}

/** The mark's outline: dashed and darker than the states' own, so it reads without colour. */
export const PLAN_MARK_STROKE = { stroke: "#1a1a1a", width: "1.8", dash: "5 3" } as const;

/** Whether a state carries the plan's mark on the map (planned, and not reached as far as the reader may know). */
export const isMarked = (state: Pick<StateRow, "plan">) => state.plan === "NOT_REACHED" || state.plan === "FEW_HELD";
