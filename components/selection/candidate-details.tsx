/**
 * What a panelist weighs, under a candidate on the ballot: what changed, why it is significant,
 * where, when and its figures, folded in a <details> so a long ballot stays easy to scan. Rendered
 * on the server (the ballot receives it ready) from the round loader's details, which hold only the
 * story's own text. In English a story written in another language shows its translation when one
 * was recorded, as its title does.
 */
import type { CandidateDetail } from "@/lib/selection/data";
import type { StoriesT } from "@/components/stories/form-types";
import { formatFigure, formatPeriod } from "@/components/stories/format";
import styles from "./selection.module.css";

type Formatter = Parameters<typeof formatPeriod>[1];
type SelectionT = (
  key: "candidate.summary" | "candidate.places" | "candidate.period" | "candidate.figures" | "candidate.none",
  values?: Record<string, string>,
) => string;

type Props = {
  code: string;
  detail: CandidateDetail;
  language: string;
  readerLocale: string;
  t: SelectionT;
  tStories: StoriesT;
  format: Formatter;
};

const knownLang = (code: string) => (code === "es" || code === "en" ? code : undefined);

export function CandidateDetails({ code, detail, language, readerLocale, t, tStories, format }: Props) {
  // The translation when the reader reads English and the story was written in another language.
  const translated = readerLocale === "en" && language !== "en";
  const text = (original: string, translation: string | null) =>
    translated && translation ? { value: translation, lang: "en" } : { value: original, lang: knownLang(language) };
  const whatChanged = text(detail.whatChanged, detail.whatChangedTranslation);
  const whySignificant = text(detail.whySignificant, detail.whySignificantTranslation);
  const none = <span className="muted">{t("candidate.none")}</span>;
  return (
    <details className={styles.candidateDetails}>
      <summary>{t("candidate.summary", { code })}</summary>
      <dl className="facts">
        <div className="facts__item">
          <dt>{tStories("fields.whatChanged")}</dt>
          <dd lang={whatChanged.lang} className={styles.longText}>
            {whatChanged.value}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{tStories("fields.whySignificant")}</dt>
          <dd lang={whySignificant.lang} className={styles.longText}>
            {whySignificant.value}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("candidate.places")}</dt>
          <dd>
            {detail.places.length ? (
              <ul className="plain-list">
                {detail.places.map((place) => (
                  <li key={place}>{place}</li>
                ))}
              </ul>
            ) : (
              none
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("candidate.period")}</dt>
          <dd>{formatPeriod(detail, format, tStories)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("candidate.figures")}</dt>
          <dd>
            {detail.figures.length ? (
              <ul className="plain-list">
                {detail.figures.map((figure) => (
                  <li key={figure.id}>
                    <span lang={translated && figure.labelTranslation ? "en" : knownLang(language)}>
                      {(translated && figure.labelTranslation) || figure.label}
                    </span>
                    : {formatFigure(figure, readerLocale, tStories)}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </dd>
        </div>
      </dl>
    </details>
  );
}
