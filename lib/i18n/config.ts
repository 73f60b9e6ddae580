/** Interface languages. No `[locale]` URL segment: the language lives in a cookie (see request.ts). */
export const locales = ["es", "en"] as const;
export type AppLocale = (typeof locales)[number];

/** Fieldwork is in Spanish, so Spanish is the default when nothing better is known. */
export const defaultLocale: AppLocale = "es";

/**
 * The Intl locale that formats numbers and dates for each interface language. Spanish is written
 * as Mexico writes it ("600,000", "1.5", "81.5%"), the way people type figures
 * (lib/written-number.ts); Intl's plain "es" writes them as Spain does ("600.000", "81,5 %").
 * next-intl is given this tag, so every `format.number`, `{n, number}` and `#` follows it; the
 * interface language is read back with `getLocale`/`useLocale` from lib/i18n (decision 0028).
 */
export const INTL_LOCALE = { es: "es-MX", en: "en-US" } as const satisfies Record<AppLocale, string>;
export type IntlLocale = (typeof INTL_LOCALE)[AppLocale];

/** The interface language of an Intl tag ("es-MX" is Spanish); Spanish when the tag names neither. */
export function appLocaleOf(intlLocale: string): AppLocale {
  const language = intlLocale.split("-")[0]?.toLowerCase();
  return isAppLocale(language) ? language : defaultLocale;
}

export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The best supported language for an `Accept-Language` header ("es-MX,es;q=0.9,en;q=0.8"),
 * matching on the primary subtag; `undefined` when none of ours is acceptable.
 */
export function matchAcceptLanguage(header: string | null | undefined): AppLocale | undefined {
  if (!header) return undefined;
  const ranges = header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((range) => range.primary && range.q > 0)
    // Highest quality first; equal qualities keep the order the browser sent.
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges.map((range) => range.primary).find(isAppLocale);
}
