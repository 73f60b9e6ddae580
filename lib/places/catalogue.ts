/**
 * The built-in catalogue of Mexico's 32 federal entities: the name the app shows (as respondents,
 * filters and sampling strata use it), the official name, the INEGI code (its "clave geoestadística")
 * and the ISO 3166-2 code the dashboard map is keyed by. No Prisma: forms, imports and the map share it.
 */
import { MEXICAN_STATES, type MexicanState } from "@/lib/respondents/constants";
import { nameKey } from "@/lib/name-key";

export type CatalogueState = { name: MexicanState; officialName: string; inegi: string; iso: string };

const CODES: Record<MexicanState, Omit<CatalogueState, "name">> = {
  Aguascalientes: { officialName: "Aguascalientes", inegi: "01", iso: "MX-AGU" },
  "Baja California": { officialName: "Baja California", inegi: "02", iso: "MX-BCN" },
  "Baja California Sur": { officialName: "Baja California Sur", inegi: "03", iso: "MX-BCS" },
  Campeche: { officialName: "Campeche", inegi: "04", iso: "MX-CAM" },
  Coahuila: { officialName: "Coahuila de Zaragoza", inegi: "05", iso: "MX-COA" },
  Colima: { officialName: "Colima", inegi: "06", iso: "MX-COL" },
  Chiapas: { officialName: "Chiapas", inegi: "07", iso: "MX-CHP" },
  Chihuahua: { officialName: "Chihuahua", inegi: "08", iso: "MX-CHH" },
  "Ciudad de México": { officialName: "Ciudad de México", inegi: "09", iso: "MX-CMX" },
  Durango: { officialName: "Durango", inegi: "10", iso: "MX-DUR" },
  Guanajuato: { officialName: "Guanajuato", inegi: "11", iso: "MX-GUA" },
  Guerrero: { officialName: "Guerrero", inegi: "12", iso: "MX-GRO" },
  Hidalgo: { officialName: "Hidalgo", inegi: "13", iso: "MX-HID" },
  Jalisco: { officialName: "Jalisco", inegi: "14", iso: "MX-JAL" },
  "Estado de México": { officialName: "México", inegi: "15", iso: "MX-MEX" },
  Michoacán: { officialName: "Michoacán de Ocampo", inegi: "16", iso: "MX-MIC" },
  Morelos: { officialName: "Morelos", inegi: "17", iso: "MX-MOR" },
  Nayarit: { officialName: "Nayarit", inegi: "18", iso: "MX-NAY" },
  "Nuevo León": { officialName: "Nuevo León", inegi: "19", iso: "MX-NLE" },
  Oaxaca: { officialName: "Oaxaca", inegi: "20", iso: "MX-OAX" },
  Puebla: { officialName: "Puebla", inegi: "21", iso: "MX-PUE" },
  Querétaro: { officialName: "Querétaro", inegi: "22", iso: "MX-QUE" },
  "Quintana Roo": { officialName: "Quintana Roo", inegi: "23", iso: "MX-ROO" },
  "San Luis Potosí": { officialName: "San Luis Potosí", inegi: "24", iso: "MX-SLP" },
  Sinaloa: { officialName: "Sinaloa", inegi: "25", iso: "MX-SIN" },
  Sonora: { officialName: "Sonora", inegi: "26", iso: "MX-SON" },
  Tabasco: { officialName: "Tabasco", inegi: "27", iso: "MX-TAB" },
  Tamaulipas: { officialName: "Tamaulipas", inegi: "28", iso: "MX-TAM" },
  Tlaxcala: { officialName: "Tlaxcala", inegi: "29", iso: "MX-TLA" },
  Veracruz: { officialName: "Veracruz de Ignacio de la Llave", inegi: "30", iso: "MX-VER" },
  Yucatán: { officialName: "Yucatán", inegi: "31", iso: "MX-YUC" },
  Zacatecas: { officialName: "Zacatecas", inegi: "32", iso: "MX-ZAC" },
};

/** In INEGI order. */
export const MEXICO_STATES: readonly CatalogueState[] = MEXICAN_STATES.map((name) => ({ name, ...CODES[name] })).sort(
  (a, b) => a.inegi.localeCompare(b.inegi),
);

/** Names people and collection tools write that are none of the above. */
const ALIASES: Record<string, MexicanState> = {
  cdmx: "Ciudad de México",
  df: "Ciudad de México",
  "d.f.": "Ciudad de México",
  "distrito federal": "Ciudad de México",
  "mexico city": "Ciudad de México",
  edomex: "Estado de México",
  "edo. mex.": "Estado de México",
  "edo. de mexico": "Estado de México",
  "edo mex": "Estado de México",
  "edo de mexico": "Estado de México",
  "state of mexico": "Estado de México",
  mexico: "Estado de México",
  "queretaro de arteaga": "Querétaro",
};

/**
 * One key for every way a state is written: accents, case, spaces and punctuation aside, so
 * "Edo. de México", "edo_de_mexico" (a Kobo or ODK choice name) and "EDO DE MEXICO" meet.
 */
const lookupKey = (text: string) =>
  nameKey(text)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

// The INEGI code as written ("24") and as a spreadsheet keeps a number ("9" for "09").
const LOOKUP = new Map<string, MexicanState>([
  ...MEXICO_STATES.flatMap((state) =>
    [state.name, state.officialName, state.iso, state.inegi, String(Number(state.inegi))].map(
      (text) => [lookupKey(text), state.name] as const,
    ),
  ),
  ...Object.entries(ALIASES).map(([alias, name]) => [lookupKey(alias), name] as const),
]);

/** The catalogue state a text names ("Edo. de México", "CDMX", "NUEVO LEON", "MX-VER", INEGI "24"), or null: never a guess. */
export function findState(text: string): CatalogueState | null {
  const name = LOOKUP.get(lookupKey(text));
  return name ? MEXICO_STATES.find((state) => state.name === name)! : null;
}

/**
 * "country|state|municipality|community" by their keys ("mx" for Mexico, whose places have no
 * country), empty parts kept: one place cannot be entered twice.
 */
export function placeKey(
  state: string,
  municipality?: string | null,
  community?: string | null,
  countryCode?: string | null,
): string {
  return [countryCode ?? "MX", state, municipality ?? "", community ?? ""].map(nameKey).join("|");
}
