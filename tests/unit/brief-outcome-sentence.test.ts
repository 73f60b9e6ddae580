import { describe, expect, it } from "vitest";
import {
  figureNumber,
  joinList,
  outcomeSentence,
  periodText,
  unitNeedsTranslation,
  type OutcomeRecord,
} from "@/lib/brief/outcome-sentence";

const base: OutcomeRecord = {
  changeType: "POSITIVE",
  originalLanguage: "es",
  translationLanguage: "en",
  title: "El trabajo infantil disminuyó en los campos de caña",
  titleTranslation: "Child labor decreased in the cane fields",
  places: [],
  sectors: [],
  figures: [],
  periodPrecision: "YEAR",
  periodFrom: null,
  periodTo: null,
};
const with_ = (changes: Partial<OutcomeRecord>): OutcomeRecord => ({ ...base, ...changes });
const figure = (changes: Partial<OutcomeRecord["figures"][number]>): OutcomeRecord["figures"][number] => ({
  label: "comunidades",
  labelTranslation: "communities",
  qualifier: "EXACT",
  value: "24",
  valueMax: null,
  unit: null,
  ...changes,
});

describe("the outcome sentence", () => {
  it("states the whole outcome in English and in Spanish", () => {
    const record = with_({
      places: [
        { state: "Oaxaca", municipality: null, community: null },
        { state: "Veracruz", municipality: "Tezonapa", community: null },
        { state: "Veracruz", municipality: "Zongolica", community: "Tlaquilpa" },
      ],
      sectors: [
        { nameEn: "sugarcane", nameEs: "caña de azúcar" },
        { nameEn: "coffee", nameEs: "café" },
      ],
      periodFrom: "2022-01-01",
      periodTo: "2024-12-31",
      figures: [
        figure({}),
        figure({ label: "trabajadores", labelTranslation: "workers", qualifier: "MORE_THAN", value: "600000" }),
      ],
    });
    expect(outcomeSentence(record, "en").text).toBe(
      "Child labor decreased in the cane fields, in Oaxaca and Veracruz (Tezonapa, Tlaquilpa), in the sugarcane and coffee sectors, 2022-2024 (communities: 24; workers: over 600,000).",
    );
    expect(outcomeSentence(record, "es").text).toBe(
      "El trabajo infantil disminuyó en los campos de caña, en Oaxaca y Veracruz (Tezonapa, Tlaquilpa), en los sectores de caña de azúcar y café, 2022-2024 (comunidades: 24; trabajadores: más de 600,000).",
    );
    expect(outcomeSentence(record, "en").untranslated).toBe(false);
  });

  it("says a documented lack of change as such, and a negative change as negative", () => {
    expect(outcomeSentence(with_({ changeType: "NO_CHANGE" }), "en").text).toBe(
      "No change documented: Child labor decreased in the cane fields.",
    );
    expect(outcomeSentence(with_({ changeType: "NO_CHANGE" }), "es").text).toBe(
      "Sin cambio documentado: El trabajo infantil disminuyó en los campos de caña.",
    );
    expect(outcomeSentence(with_({ changeType: "NEGATIVE" }), "en").text).toBe(
      "Negative change: Child labor decreased in the cane fields.",
    );
    expect(outcomeSentence(with_({ changeType: "NEGATIVE" }), "es").text).toBe(
      "Cambio negativo: El trabajo infantil disminuyó en los campos de caña.",
    );
  });

  it("names one sector in the singular", () => {
    const record = with_({ sectors: [{ nameEn: "automotive", nameEs: "automotriz" }] });
    expect(outcomeSentence(record, "en").text).toBe(
      "Child labor decreased in the cane fields, in the automotive sector.",
    );
    expect(outcomeSentence(record, "es").text).toBe(
      "El trabajo infantil disminuyó en los campos de caña, en el sector de automotriz.",
    );
  });

  it("drops a final full stop of the title rather than doubling it", () => {
    expect(outcomeSentence(with_({ titleTranslation: "Child labor decreased. " }), "en").text).toBe(
      "Child labor decreased.",
    );
  });

  it("marks a title or figure label missing in the chosen language, never showing the other language", () => {
    const record = with_({ titleTranslation: null, figures: [figure({ labelTranslation: null })] });
    const english = outcomeSentence(record, "en");
    expect(english.text).toBe("[untranslated] (communities: 24).".replace("communities", "[untranslated]"));
    expect(english.untranslated).toBe(true);
    expect(english.parts.filter((part) => part.untranslated)).toHaveLength(2);
    expect(english.text).not.toContain("trabajo");
    expect(english.text).not.toContain("comunidades");
    // The original language is never "untranslated".
    expect(outcomeSentence(record, "es").untranslated).toBe(false);
    // A blank translation counts as missing; a translation into a third language does not count.
    expect(outcomeSentence(with_({ titleTranslation: "  " }), "en").untranslated).toBe(true);
    expect(outcomeSentence(with_({ translationLanguage: "nah" }), "en").untranslated).toBe(true);
  });

  it("reads an English original and a Spanish translation the other way round", () => {
    const record = with_({
      originalLanguage: "en",
      translationLanguage: "es",
      title: "Unions registered",
      titleTranslation: "Los sindicatos se registraron",
    });
    expect(outcomeSentence(record, "en").text).toBe("Unions registered.");
    expect(outcomeSentence(record, "es").text).toBe("Los sindicatos se registraron.");
  });
});

describe("figures with their qualifiers", () => {
  const sentence = (changes: Partial<OutcomeRecord["figures"][number]>, lang: "en" | "es" = "en") =>
    outcomeSentence(
      with_({
        titleTranslation: "Prices rose",
        title: "Subieron los precios",
        figures: [figure({ label: "precio", labelTranslation: "price", ...changes })],
      }),
      lang,
    ).text;

  it.each([
    [{ value: "81", unit: "%" }, "Prices rose (price: 81 percent).", "Subieron los precios (precio: 81 por ciento)."],
    [
      { qualifier: "APPROXIMATELY" as const, value: "1200" },
      "Prices rose (price: about 1,200).",
      "Subieron los precios (precio: alrededor de 1,200).",
    ],
    [
      { qualifier: "MORE_THAN" as const, value: "10000" },
      "Prices rose (price: over 10,000).",
      "Subieron los precios (precio: más de 10,000).",
    ],
    [
      { qualifier: "LESS_THAN" as const, value: "5" },
      "Prices rose (price: under 5).",
      "Subieron los precios (precio: menos de 5).",
    ],
    [
      {
        qualifier: "RANGE" as const,
        value: "1.5",
        valueMax: "2.5",
        unit: "USD por libra",
        unitTranslation: "USD per pound",
      },
      "Prices rose (price: from 1.50 to 2.50 USD per pound).",
      "Subieron los precios (precio: de 1.50 a 2.50 USD por libra).",
    ],
    [
      { qualifier: "RANGE" as const, value: "1", valueMax: "9", unit: "meses", unitTranslation: "months" },
      "Prices rose (price: from 1 to 9 months).",
      "Subieron los precios (precio: de 1 a 9 meses).",
    ],
    [{ value: "12", unit: "km" }, "Prices rose (price: 12 km).", "Subieron los precios (precio: 12 km)."],
    [{ value: "3", unit: "MXN" }, "Prices rose (price: 3.00 MXN).", "Subieron los precios (precio: 3.00 MXN)."],
    [
      { value: "81.25", unit: "%" },
      "Prices rose (price: 81.25 percent).",
      "Subieron los precios (precio: 81.25 por ciento).",
    ],
  ])("%o", (changes, english, spanish) => {
    expect(sentence(changes, "en")).toBe(english);
    expect(sentence(changes, "es")).toBe(spanish);
  });

  it("marks a unit in words that has no translation, as any other untranslated text", () => {
    const english = outcomeSentence(
      with_({
        titleTranslation: "Prices rose",
        figures: [figure({ labelTranslation: "price", unit: "USD por libra" })],
      }),
      "en",
    );
    expect(english.text).toBe("Prices rose (price: 24.00 [untranslated]).");
    expect(english.untranslated).toBe(true);
    expect(english.parts.filter((part) => part.untranslated)).toHaveLength(1);
    expect(sentence({ unit: "meses", unitTranslation: "  " }, "en")).toBe("Prices rose (price: 24 [untranslated]).");
    expect(sentence({ unit: "meses" }, "es")).toBe("Subieron los precios (precio: 24 meses).");
  });

  it("tells symbols and codes from units in words", () => {
    for (const unit of ["%", "USD", "MXN", "km", "ha", "m²", "$"]) expect(unitNeedsTranslation(unit)).toBe(false);
    for (const unit of ["communities", "USD per pound", "jornaleros", "días"])
      expect(unitNeedsTranslation(unit)).toBe(true);
  });

  it("keeps every digit of a large stored decimal and leaves text that is not a number alone", () => {
    expect(figureNumber("1234567890123456.1234", "en", null)).toBe("1,234,567,890,123,456.1234");
    expect(figureNumber("1-9", "en", null)).toBe("1-9");
    expect(figureNumber("-0.5", "es", null)).toBe("-0.5");
    expect(figureNumber("3", "en", "MXN")).toBe("3.00");
  });
});

describe("the period", () => {
  const period = (
    periodPrecision: OutcomeRecord["periodPrecision"],
    periodFrom: string | null,
    periodTo: string | null,
    lang: "en" | "es",
  ) => periodText({ periodPrecision, periodFrom, periodTo }, lang);

  it.each([
    ["YEAR", "2022-01-01", "2024-12-31", "2022-2024", "2022-2024"],
    ["YEAR", "2023-01-01", "2023-12-31", "2023", "2023"],
    ["YEAR", "2022-01-01", null, "since 2022", "desde 2022"],
    ["MONTH", "2023-03-01", "2024-05-31", "March 2023 - May 2024", "marzo de 2023 - mayo de 2024"],
    ["MONTH", "2023-03-01", "2023-03-31", "March 2023", "marzo de 2023"],
    ["DAY", "2023-03-15", null, "since March 15, 2023", "desde 15 de marzo de 2023"],
  ] as const)("%s %s to %s", (precision, from, to, english, spanish) => {
    expect(period(precision, from, to, "en")).toBe(english);
    expect(period(precision, from, to, "es")).toBe(spanish);
  });

  it("is left out when the story gives none", () => {
    expect(period("YEAR", null, null, "en")).toBeNull();
    expect(outcomeSentence(base, "en").text).toBe("Child labor decreased in the cane fields.");
  });
});

describe("lists", () => {
  it.each([
    [[], "en", ""],
    [["Oaxaca"], "en", "Oaxaca"],
    [["Oaxaca", "Veracruz", "Jalisco"], "en", "Oaxaca, Veracruz and Jalisco"],
    [["Oaxaca", "Veracruz"], "es", "Oaxaca y Veracruz"],
    [["Veracruz", "Hidalgo"], "es", "Veracruz e Hidalgo"],
    [["minería", "industria"], "es", "minería e industria"],
    [["Oaxaca", "hielo"], "es", "Oaxaca y hielo"],
  ] as const)("%o in %s", (items, lang, expected) => {
    expect(joinList(items, lang)).toBe(expected);
  });
});
