import { getTranslations } from "next-intl/server";
import { getLocale } from "@/lib/i18n/locale";
import { setLocale } from "@/lib/i18n/actions";
import { locales } from "@/lib/i18n/config";

/** Works without JavaScript: a plain form posting to the `setLocale` server action. */
export async function LanguageSwitch() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("localeSwitch")]);
  return (
    <form action={setLocale} className="language-switch" aria-label={t("label")}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          className="language-switch__option"
          aria-current={locale === current ? "true" : undefined}
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
