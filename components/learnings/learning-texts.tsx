"use client";

import { useTranslations } from "next-intl";
import { useLocale } from "@/lib/i18n/use-locale";
import styles from "./learnings.module.css";
import type { Language, LearningRow } from "./types";

/**
 * One learning's texts, a column per language of the evaluation, each marked original or
 * translation (with its translator), and a clear marker where a translation is still missing.
 */
export function LearningTexts({ learning, languages }: { learning: LearningRow; languages: readonly Language[] }) {
  const t = useTranslations("learnings");
  const locale = useLocale();
  const name = (domain: LearningRow["domains"][number]) => (locale === "en" ? domain.nameEn : domain.nameEs);
  const keyLearning = learning.kind === "KEY_LEARNING";
  return (
    <>
      <div className={styles.languages}>
        {languages.map((language, index) => {
          const text = learning.texts.find((candidate) => candidate.locale === language);
          const label = t(`languages.${language}`);
          return (
            <div key={language} className={styles.text} lang={language.toLowerCase()}>
              <h4 className={styles.textLanguage} lang={locale}>
                {label} ({index === 0 ? t("original") : t("translation")})
              </h4>
              {text ? (
                <>
                  {keyLearning && text.title ? (
                    <p>
                      <strong>{text.title}</strong>
                    </p>
                  ) : null}
                  <p>{text.body}</p>
                  {keyLearning && text.sustainability ? (
                    <p>
                      <strong lang={locale}>{t("sustainabilityHeading")}: </strong>
                      {text.sustainability}
                    </p>
                  ) : null}
                  {text.translatedBy ? (
                    <p className="muted" lang={locale}>
                      {t("translatedBy", { name: text.translatedBy.name })}
                    </p>
                  ) : null}
                </>
              ) : (
                <p className="tag" lang={locale}>
                  {t("untranslated", { language: label })}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {keyLearning && (learning.domains.length > 0 || learning.stories.length > 0) ? (
        <p className="muted">
          {t("drawsOn")}:{" "}
          {[...learning.domains.map(name), ...learning.stories.map((story) => `${story.code} · ${story.title}`)].join(
            "; ",
          )}
        </p>
      ) : null}
      <p className="muted">{t("revisions", { count: learning.revisionCount })}</p>
    </>
  );
}
