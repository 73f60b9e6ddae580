import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { appLocaleOf, defaultLocale, INTL_LOCALE, isAppLocale, matchAcceptLanguage } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";

describe("matchAcceptLanguage", () => {
  it.each([
    ["es-MX,es;q=0.9,en;q=0.8", "es"],
    ["en-US,en;q=0.9", "en"],
    ["EN-gb", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.5,es;q=0.4", "en"],
    ["fr;q=1, es;q=0.2, en;q=0.1", "es"],
    ["en;q=0.2, es;q=0.8", "es"],
    ["es;q=0, en", "en"],
    ["*", undefined],
    ["de-DE,fr", undefined],
    ["", undefined],
    [null, undefined],
    ["en;q=abc, es", "es"],
  ] as const)("%j → %s", (header, expected) => {
    expect(matchAcceptLanguage(header)).toBe(expected);
  });

  it("defaults to Spanish", () => {
    expect(defaultLocale).toBe("es");
  });

  it("accepts only es and en", () => {
    expect(isAppLocale("es")).toBe(true);
    expect(isAppLocale("en")).toBe(true);
    expect(isAppLocale("fr")).toBe(false);
    expect(isAppLocale("ES")).toBe(false);
    expect(isAppLocale(undefined)).toBe(false);
  });
});

describe("the Intl locale of each language", () => {
  it("reads the interface language back from the tag next-intl is given", () => {
    expect(appLocaleOf(INTL_LOCALE.es)).toBe("es");
    expect(appLocaleOf(INTL_LOCALE.en)).toBe("en");
    expect(appLocaleOf("fr-FR")).toBe("es");
  });

  it("writes Spanish numbers as Mexico does, in formatted values and in messages", () => {
    const format = createFormatter({ locale: INTL_LOCALE.es, timeZone: "UTC" });
    expect(format.number(600000)).toBe("600,000");
    expect(format.number(1234)).toBe("1,234");
    expect(format.number(81.5)).toBe("81.5");
    expect(format.number(0.815, { style: "percent", maximumFractionDigits: 1 })).toBe("81.5%");
    expect(translatorFor("es")("fieldwork.fields.characterCount", { count: 500001, max: 500000 })).toBe(
      "500,001 de 500,000 caracteres",
    );
    expect(translatorFor("en")("fieldwork.fields.characterCount", { count: 500001, max: 500000 })).toBe(
      "500,001 of 500,000 characters",
    );
  });

  it("writes Spanish dates as Mexico does, with the same words", () => {
    const format = createFormatter({ locale: INTL_LOCALE.es, timeZone: "UTC" });
    expect(format.dateTime(new Date("2026-12-01T17:05:00Z"), { dateStyle: "long" })).toBe("1 de diciembre de 2026");
  });
});
