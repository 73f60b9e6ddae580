"use client";

import { useTranslations } from "next-intl";
import { MAX_TRANSCRIPT_LENGTH } from "@/lib/excerpts/types";
import { languageOptions } from "./choices";
import { SelectField, TranscriptField } from "./form-parts";
import type { FieldErrorMap } from "./use-fieldwork-form";
import styles from "./fieldwork.module.css";

type Initial = {
  language: string;
  transcriptOriginal: string | null;
  transcriptLanguage: string | null;
  transcriptTranslation: string | null;
  translationLanguage: string | null;
  translatedById: string | null;
};

/**
 * The transcript of an interview or a focus group, in its original language, and its optional
 * translation with who translated it. Ids are `<idPrefix>-<field>`.
 */
export function TranscriptFields({
  idPrefix,
  initial,
  editing,
  team,
  errors,
}: {
  idPrefix: string;
  initial: Initial;
  /** Editing an existing record: the hint warns that excerpts re-anchor. */
  editing: boolean;
  team: Array<{ value: string; label: string }>;
  errors: FieldErrorMap;
}) {
  const t = useTranslations("fieldwork");
  const tr = t as unknown as (key: string) => string;
  return (
    <>
      <h2 className={styles.sectionTitle}>{t("fields.transcriptSection")}</h2>
      <TranscriptField
        id={`${idPrefix}-transcriptOriginal`}
        name="transcriptOriginal"
        label={t("fields.transcriptOriginal")}
        hint={editing ? t("fields.transcriptEditHint") : t("fields.transcriptHint")}
        max={MAX_TRANSCRIPT_LENGTH}
        counter={(count) => t("fields.characterCount", { count, max: MAX_TRANSCRIPT_LENGTH })}
        defaultValue={initial.transcriptOriginal}
        error={errors.transcriptOriginal}
      />
      <SelectField
        id={`${idPrefix}-transcriptLanguage`}
        name="transcriptLanguage"
        label={t("fields.transcriptLanguage")}
        defaultValue={initial.transcriptLanguage ?? initial.language}
        options={languageOptions(tr, initial.transcriptLanguage)}
        error={errors.transcriptLanguage}
      />

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
