/**
 * Countries other than Mexico: ISO 3166-1 alpha-2 codes and the names the platform's own locale
 * data gives them, offered when a lead adds a country (the lead may still write other names).
 * Mexico is built in and never added. No Prisma: forms, imports and the dashboard share it.
 */
export const MEXICO = "MX";

/** The code as stored: two letters, upper case. */
export const COUNTRY_CODE = /^[A-Z]{2}$/;

/** The country's name in a language, or null when the locale data does not know the code. */
export function countryName(code: string, language: "es" | "en"): string | null {
  if (!COUNTRY_CODE.test(code)) return null;
  try {
    const name = new Intl.DisplayNames([language], { type: "region", fallback: "none" }).of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

/** The countries an evaluation near Mexico most often adds, first in the picker. */
export const NEARBY_COUNTRIES = [
  "GT",
  "HN",
  "SV",
  "NI",
  "CR",
  "PA",
  "BZ",
  "CO",
  "PE",
  "EC",
  "BO",
  "DO",
  "HT",
  "US",
  "CA",
] as const;
