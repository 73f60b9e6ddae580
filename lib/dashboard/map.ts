/**
 * The choropleth's geometry and classes. The shapes come from @svg-maps/mexico (CC BY 4.0, credit
 * shown under the map; decision 0019); its ids are the ISO 3166-2 codes of the states without the
 * "MX-" prefix, in lower case, which is how they meet the place catalogue.
 */
import geometry from "@svg-maps/mexico";

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
