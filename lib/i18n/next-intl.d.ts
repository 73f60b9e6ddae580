// Type-checks every message key against the English messages. The locale is the Intl tag
// ("es-MX"), so comparing next-intl's locale with "es" fails to compile: read lib/i18n/locale.ts.
import type { IntlLocale } from "./config";
import type { en } from "./messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: IntlLocale;
    Messages: typeof en;
  }
}
