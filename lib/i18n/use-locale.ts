/**
 * The interface language ("es" | "en") in a component. next-intl's own `useLocale` returns the Intl
 * tag it formats with ("es-MX"), so code that chooses a language reads it here instead.
 */
import { useLocale as useIntlLocale } from "next-intl";
import { appLocaleOf, type AppLocale } from "./config";

export function useLocale(): AppLocale {
  return appLocaleOf(useIntlLocale());
}
