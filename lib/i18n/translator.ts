/**
 * A translator outside a request (downloads, e-mails): the language's messages, formatted with its
 * Intl locale, as the pages format them (see INTL_LOCALE).
 */
import { createTranslator } from "next-intl";
import { INTL_LOCALE, type AppLocale } from "./config";
import { interfaceMessages } from "./catalogue";

export function translatorFor(locale: AppLocale) {
  return createTranslator({ locale: INTL_LOCALE[locale], messages: interfaceMessages(locale) });
}
