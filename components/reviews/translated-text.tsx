import { getTranslations } from "next-intl/server";
import type { TranslatableText } from "@/lib/reviews/data";
import { shownText, type ReadingLanguage } from "@/lib/translations/shown";

/** Only the interface's languages are declared: a free-form code ("mix") would be an invalid `lang`. */
const langOf = (code: string | null) => (code === "es" || code === "en" ? code : undefined);

/**
 * A text in the reader's language. Where it has no current translation, the original is shown in
 * its own language (so a screen reader pronounces it as such) followed by a visible marker,
 * "not yet translated" or "translation out of date", in the reader's language.
 */
export async function TranslatedText(props: {
  text: TranslatableText;
  lang: ReadingLanguage;
  languages: { source: string; translation: string | null };
}) {
  const t = await getTranslations("reviews.story");
  const shown = shownText({
    lang: props.lang,
    sourceLanguage: props.languages.source,
    translationLanguage: props.languages.translation,
    source: props.text.source,
    translation: props.text.translation,
    stale: props.text.stale,
  });
  if ("text" in shown) return <>{shown.text}</>;
  return (
    <>
      <span lang={langOf(props.languages.source.toLowerCase())}>{shown.original}</span>{" "}
      <em className="untranslated">{shown.state === "stale" ? t("translationOutdated") : t("untranslated")}</em>
    </>
  );
}
