/**
 * Which text a reader sees of a field that may have a translation: the original when the reader
 * reads its language, the translation when there is a current one in the reader's language, and
 * otherwise nothing but a state the page or document turns into its "not yet translated" marker.
 * A stale translation (its source changed after it was made) counts as missing: it may state what
 * the outcome no longer says. Pure and free of Node modules, so pages, the brief and tests share it.
 */
export type ReadingLanguage = "es" | "en";

export type ShownText =
  | { state: "original" | "translated"; text: string }
  /** `original` is kept for pages that show it beside the marker; the brief never prints it. */
  | { state: "untranslated" | "stale"; original: string };

export function shownText(input: {
  lang: ReadingLanguage;
  sourceLanguage: string;
  translationLanguage: string | null;
  source: string;
  translation: string | null | undefined;
  stale?: boolean;
}): ShownText {
  if (input.sourceLanguage.toLowerCase().split("-")[0] === input.lang) return { state: "original", text: input.source };
  const translation = input.translation?.trim();
  const inLanguage = input.translationLanguage?.toLowerCase().split("-")[0] === input.lang;
  if (!translation || !inLanguage) return { state: "untranslated", original: input.source };
  if (input.stale) return { state: "stale", original: input.source };
  return { state: "translated", text: translation };
}

/** The text to print, or null when the reader must see the marker instead. */
export function textOrNull(shown: ShownText): string | null {
  return "text" in shown ? shown.text : null;
}

/**
 * Evidence summaries and the panel's reasons are written in the evaluation's first language
 * (Evaluation.languages[0]) and translated into the other report language.
 */
export function evaluationLanguages(languages: readonly string[]): {
  source: ReadingLanguage;
  translation: ReadingLanguage;
} {
  const source = (languages[0]?.toLowerCase() === "en" ? "en" : "es") as ReadingLanguage;
  return { source, translation: source === "es" ? "en" : "es" };
}
