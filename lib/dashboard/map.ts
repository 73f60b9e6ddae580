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

/** A subpath's points in the map's own units, and whether it closes. */
export type Outline = { points: Array<[number, number]>; closed: boolean };

/**
 * The points of an outline drawn, as the package draws them, with moves and straight lines only
 * (m, M, l, L, z). Anything else is refused rather than drawn wrong.
 */
export function outlinePoints(path: string): Outline[] {
  const tokens = path.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const outlines: Outline[] = [];
  let x = 0;
  let y = 0;
  let command = "";
  for (let index = 0; index < tokens.length;) {
    const token = tokens[index]!;
    if (/^[a-zA-Z]$/.test(token)) {
      index += 1;
      command = token;
      if (command === "z" || command === "Z") {
        const current = outlines.at(-1);
        if (!current) throw new Error("An outline closes before it starts.");
        current.closed = true;
        [x, y] = current.points[0]!; // after a close, the pen is back at the subpath's start
      } else if (command === "m" || command === "M") {
        outlines.push({ points: [], closed: false });
      } else if (command !== "l" && command !== "L") {
        throw new Error(`The map's outlines hold a "${command}" command, which is not drawn here.`);
      }
      continue;
    }
    const current = outlines.at(-1);
    if (!current || current.closed || command === "z" || command === "Z") throw new Error("A point outside a subpath.");
    const relative = command === "m" || command === "l";
    x = (relative ? x : 0) + Number(token);
    y = (relative ? y : 0) + Number(tokens[index + 1]);
    index += 2;
    current.points.push([x, y]);
  }
  return outlines;
}

/** A whole number of tenths written short: 23 → "2.3", -5 → "-.5", 20 → "2". */
function tenths(value: number): string {
  const digits = (Math.abs(value) / 10).toString();
  return `${value < 0 ? "-" : ""}${digits.startsWith("0.") ? digits.slice(1) : digits}`;
}

/**
 * The outline with every point rounded to a tenth of the map's unit, each written relative to the
 * previous rounded point, so that rounding never adds up along a border; a segment that rounds to
 * nothing is left out. The package writes its points to a millionth of a unit, and the page and
 * its flight data carried them twice on every dashboard; a tenth of a unit is under a tenth of a
 * pixel at the map's width, and the outlines take a third less to send.
 */
export function roundedOutline(path: string): string {
  let pen: [number, number] = [0, 0]; // in tenths, where the last written point left it
  const subpaths = outlinePoints(path).map(({ points, closed }) => {
    const parts: string[] = [];
    let start = pen;
    for (const [index, [x, y]] of points.entries()) {
      const point: [number, number] = [Math.round(x * 10), Math.round(y * 10)];
      if (index > 0 && point[0] === pen[0] && point[1] === pen[1]) continue;
      parts.push(`${index === 0 ? "m" : ""}${tenths(point[0] - pen[0])},${tenths(point[1] - pen[1])}`);
      if (index === 0) start = point;
      pen = point;
    }
    if (closed) pen = start;
    return `${parts.join(" ")}${closed ? "z" : ""}`;
  });
  return subpaths.join(" ");
}

/** Each state's outline, keyed by its ISO 3166-2 code ("MX-OAX"), its points rounded (roundedOutline). */
export const MAP_SHAPES: ReadonlyMap<string, string> = new Map(
  mexico.locations.map((location) => [`MX-${location.id.toUpperCase()}`, roundedOutline(location.path)]),
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
