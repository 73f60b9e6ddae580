"use client";

import { useTranslations } from "next-intl";
import { MAX_TRANSCRIPT_LENGTH } from "@/lib/excerpts/transcript";
import { languageOptions } from "./choices";
import { SelectField, TranscriptField } from "./form-parts";
import type { FieldErrorMap } from "./use-fieldwork-form";
import styles from "./fieldwork.module.css";

type Initial = { transcriptTranslation: string | null; translationLanguage: string | null; translatedById: string | null };

/** The optional translation of a transcript: its text, its language and who translated it. */
export function TranslationFields({
  idPrefix,
  initial,
  team,
  errors,
}: {
  idPrefix: string;
  initial: Initial;
  team: Array<{ value: string; label: string }>;
  errors: FieldErrorMap;
}) {
  const t = useTranslations("fieldwork");
  const tr = t as unknown as (key: string) => string;
  return (
    <>
      <h2 className={styles.sectionTitle}>{t("fields.translationSection")}</h2>
      <TranscriptField
        id={`${idPrefix}-transcriptTranslation`}
        name="transcriptTranslation"
        label={t("fields.transcriptTranslation")}
        hint={t("fields.translationHint")}
        max={MAX_TRANSCRIPT_LENGTH}
        counter={(count) => t("fields.characterCount", { count, max: MAX_TRANSCRIPT_LENGTH })}
        defaultValue={initial.transcriptTranslation}
        error={errors.transcriptTranslation}
      />
      <div className={styles.row}>
        <SelectField
          id={`${idPrefix}-translationLanguage`}
          name="translationLanguage"
          label={t("fields.translationLanguage")}
          defaultValue={initial.translationLanguage ?? "en"}
          options={languageOptions(tr, initial.translationLanguage)}
          error={errors.translationLanguage}
        />
        <SelectField
          id={`${idPrefix}-translatedById`}
          name="translatedById"
          label={t("fields.translatedBy")}
          defaultValue={initial.translatedById}
          emptyLabel={t("fields.noTranslator")}
          options={team}
          error={errors.translatedById}
        />
      </div>
    </>
  );
}
