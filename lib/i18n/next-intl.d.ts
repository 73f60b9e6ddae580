// Type-checks every message key and the locale against the English messages.
import type { AppLocale } from "./config";
import type { en } from "./messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof en;
  }
}
