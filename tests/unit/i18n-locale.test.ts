import { describe, expect, it } from "vitest";
import { defaultLocale, isAppLocale, matchAcceptLanguage } from "@/lib/i18n/config";

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
