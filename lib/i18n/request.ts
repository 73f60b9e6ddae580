import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, INTL_LOCALE, isAppLocale, LOCALE_COOKIE, matchAcceptLanguage, type AppLocale } from "./config";
import { interfaceMessages } from "./catalogue";

/** The user's choice (cookie) first, then the browser's languages, then Spanish. */
async function resolveLocale(): Promise<AppLocale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isAppLocale(chosen)) return chosen;
  return matchAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    // Formatting follows the Intl tag ("es-MX"); lib/i18n/locale.ts reads the language back from it.
    locale: INTL_LOCALE[locale],
    messages: interfaceMessages(locale),
    // Dates in the records are calendar dates (stored as UTC midnight); UTC shows them unshifted.
    timeZone: "UTC",
  };
});
