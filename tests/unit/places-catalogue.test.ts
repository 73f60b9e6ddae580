import { describe, expect, it } from "vitest";
import { findState, MEXICO_STATES, placeKey } from "@/lib/places/catalogue";

describe("the catalogue of Mexico's states", () => {
  it("holds the 32 federal entities with INEGI codes 01-32 and distinct ISO 3166-2 codes", () => {
    expect(MEXICO_STATES).toHaveLength(32);
    expect(MEXICO_STATES.map((state) => state.inegi)).toEqual(
      Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(2, "0")),
    );
    expect(new Set(MEXICO_STATES.map((state) => state.iso)).size).toBe(32);
    for (const state of MEXICO_STATES) expect(state.iso).toMatch(/^MX-[A-Z]{3}$/);
  });

  it("keeps the official names with their accents", () => {
    const official = new Map(MEXICO_STATES.map((state) => [state.iso, state.officialName]));
    expect(official.get("MX-CMX")).toBe("Ciudad de México");
    expect(official.get("MX-NLE")).toBe("Nuevo León");
    expect(official.get("MX-QUE")).toBe("Querétaro");
    expect(official.get("MX-SLP")).toBe("San Luis Potosí");
    expect(official.get("MX-MIC")).toBe("Michoacán de Ocampo");
    expect(official.get("MX-YUC")).toBe("Yucatán");
    expect(official.get("MX-VER")).toBe("Veracruz de Ignacio de la Llave");
  });

  it("matches names with and without accents and case, official names, codes and common aliases", () => {
    const cases: Array<[string, string]> = [
      ["Edo. de México", "Estado de México"],
      ["Estado de Mexico", "Estado de México"],
      ["CDMX", "Ciudad de México"],
      ["  nuevo   LEON ", "Nuevo León"],
      ["nuevo_leon", "Nuevo León"],
      ["Veracruz de Ignacio de la Llave", "Veracruz"],
      ["MX-YUC", "Yucatán"],
      ["michoacan", "Michoacán"],
      // Choice names as Kobo and ODK forms write them, official names and aliases included.
      ["distrito_federal", "Ciudad de México"],
      ["coahuila_de_zaragoza", "Coahuila"],
      ["veracruz_de_ignacio_de_la_llave", "Veracruz"],
      ["edo_mex", "Estado de México"],
    ];
    for (const [text, name] of cases) expect(findState(text)?.name, text).toBe(name);
  });

  it("never guesses: an unknown or partial name matches nothing", () => {
    for (const text of ["Veracru", "Texas", "", "Baja", "0", "33", '=HYPERLINK("x")'])
      expect(findState(text), text).toBeNull();
  });

  it("finds a state by its INEGI code, as written or as a spreadsheet number keeps it", () => {
    expect(findState("01")?.name).toBe("Aguascalientes");
    expect(findState("9")?.name).toBe("Ciudad de México");
    expect(findState("24")?.name).toBe("San Luis Potosí");
  });

  it("keys a place by its parts, accents, case and spacing aside", () => {
    expect(placeKey("Oaxaca", "Oaxaca de Juárez", null)).toBe("mx|oaxaca|oaxaca de juarez|");
    expect(placeKey("Quetzaltenango", "Almolonga", null, "GT")).toBe("gt|quetzaltenango|almolonga|");
    expect(placeKey(" OAXACA ", "oaxaca  de juarez")).toBe(placeKey("Oaxaca", "Oaxaca de Juárez"));
  });
});
