/**
 * How a file's cells name the evaluation's places. A state or region is found by its name, accents
 * and case aside, and a Mexican state also by its official name, its usual aliases ("CDMX",
 * "Edo. de México") and its INEGI ("24") or ISO ("MX-SLP") code; a region elsewhere also by its own
 * code. A municipality or community by its name, or "municipality, state". Only places the
 * evaluation has: an unknown name matches nothing and never becomes a new place. Pure.
 */
import { findState } from "@/lib/places/catalogue";
import { normalizeName } from "./mapping";

export type PlaceRow = {
  id: string;
  countryCode: string | null;
  state: string;
  regionCode: string | null;
  municipality: string | null;
  community: string | null;
  key: string;
};
export type PlaceRef = {
  id: string;
  countryCode: string | null;
  state: string;
  municipality: string | null;
  community: string | null;
};
/** A respondent's first-level region: a catalogue state (no country) or one of the evaluation's regions abroad. */
export type RegionRef = { countryCode: string | null; state: string };

function addTo<T>(map: Map<string, T[]>, key: string, value: T) {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export type PlaceIndex = {
  /** The places a name may mean; a state or region wins over a municipality of the same name ("Puebla"). */
  places(name: string): PlaceRef[];
  /** The regions a respondent's state cell may mean: Mexico's 32 first, then the evaluation's regions abroad. */
  regions(name: string): RegionRef[];
};

export function indexPlaces(rows: readonly PlaceRow[]): PlaceIndex {
  const byName = new Map<string, PlaceRef[]>();
  const regionsAbroad = new Map<string, RegionRef[]>();
  const mexicanStates = new Map<string, PlaceRef>();
  for (const row of rows) {
    const ref: PlaceRef = {
      id: row.id,
      countryCode: row.countryCode,
      state: row.state,
      municipality: row.municipality,
      community: row.community,
    };
    addTo(byName, normalizeName(row.key), ref);
    addTo(byName, normalizeName(row.community ?? row.municipality ?? row.state), ref);
    if (row.municipality) addTo(byName, normalizeName(`${row.municipality}, ${row.state}`), ref);
    if (row.municipality && row.community) addTo(byName, normalizeName(`${row.community}, ${row.municipality}`), ref);
    if (row.municipality) continue;
    if (!row.countryCode) {
      const state = findState(row.state);
      if (state) mexicanStates.set(state.name, ref);
    } else {
      const region = { countryCode: row.countryCode, state: row.state };
      addTo(regionsAbroad, normalizeName(row.state), region);
      if (row.regionCode) {
        addTo(regionsAbroad, normalizeName(row.regionCode), region);
        addTo(byName, normalizeName(row.regionCode), ref);
      }
    }
  }
  return {
    places(name) {
      const state = findState(name);
      const stateRow = state ? mexicanStates.get(state.name) : undefined;
      const found = byName.get(normalizeName(name)) ?? [];
      const firstLevel = found.filter((place) => !place.municipality);
      if (stateRow && !firstLevel.includes(stateRow)) firstLevel.push(stateRow);
      return firstLevel.length > 0 ? firstLevel : found;
    },
    regions(name) {
      const state = findState(name);
      if (state) return [{ countryCode: null, state: state.name }];
      return regionsAbroad.get(normalizeName(name)) ?? [];
    },
  };
}

/**
 * A list-of-places cell: one place per line or between `;`, else between `,`; never split on
 * spaces ("San Luis Potosí" is one place). A part that names a place whole ("Monterrey, Nuevo
 * León") is not split further at its comma. A select-multiple answer exported as space-separated
 * choice names ("oaxaca san_luis_potosi") is read as such only when the whole names no place and
 * every one of its words does.
 */
export function splitPlaceList(cell: string, isPlace: (name: string) => boolean = () => false): string[] {
  return cell
    .split(/[;\r\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) =>
      part.includes(",") && !isPlace(part)
        ? part
            .split(",")
            .map((piece) => piece.trim())
            .filter(Boolean)
        : [part],
    )
    .flatMap((part) => {
      if (isPlace(part) || !/\s/.test(part)) return [part];
      const words = part.split(/\s+/);
      return words.every(isPlace) ? words : [part];
    });
}
