/**
 * The interface language ("es" | "en") on the server. next-intl's own `getLocale` returns the Intl
 * tag it formats with ("es-MX"), so code that chooses a language reads it here instead.
 */
import { getLocale as getIntlLocale } from "next-intl/server";
import { appLocaleOf, type AppLocale } from "./config";

export async function getLocale(): Promise<AppLocale> {
  return appLocaleOf(await getIntlLocale());
}
