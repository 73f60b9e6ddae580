"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState } from "react";
import { SelectField } from "@/components/ui/choice-fields";
import { FieldFrame, describedBy, type FrameProps } from "@/components/ui/field-frame";
import { MAX_TRANSCRIPT_LENGTH } from "@/lib/excerpts/types";
import { languageOptions } from "./choices";
import type { FieldError } from "./record-form";
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
  error,
}: {
  idPrefix: string;
  initial: Initial;
  /** Editing an existing record: the hint warns that excerpts re-anchor. */
  editing: boolean;
  team: Array<{ value: string; label: string }>;
  error: FieldError;
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
        error={error("transcriptOriginal")}
      />
      <SelectField
        id={`${idPrefix}-transcriptLanguage`}
        name="transcriptLanguage"
        label={t("fields.transcriptLanguage")}
        defaultValue={initial.transcriptLanguage ?? initial.language}
        options={languageOptions(tr, initial.transcriptLanguage)}
        error={error("transcriptLanguage")}
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
        error={error("transcriptTranslation")}
      />
      <div className={styles.row}>
        <SelectField
          id={`${idPrefix}-translationLanguage`}
          name="translationLanguage"
          label={t("fields.translationLanguage")}
          defaultValue={initial.translationLanguage ?? "en"}
          options={languageOptions(tr, initial.translationLanguage)}
          error={error("translationLanguage")}
        />
        <SelectField
          id={`${idPrefix}-translatedById`}
          name="translatedById"
          label={t("fields.translatedBy")}
          defaultValue={initial.translatedById ?? ""}
          placeholder={t("fields.noTranslator")}
          options={team}
          error={error("translatedById")}
        />
      </div>
    </>
  );
}

/**
 * A long text (a transcript) in an uncontrolled textarea: typing never re-renders its content,
 * only the small counter under it, which is read from the element.
 */
function TranscriptField({
  id,
  label,
  hint,
  error,
  name,
  defaultValue,
  max,
  counter,
}: FrameProps & {
  name: string;
  defaultValue?: string | null;
  max: number;
  counter: (count: number) => string;
}) {
  const [count, setCount] = useState(defaultValue?.length ?? 0);
  const [ready, setReady] = useState(false);
  const ownRef = useRef<HTMLTextAreaElement | null>(null);
  // Filled in the browser, not rendered into the HTML: a long transcript then travels once.
  useLayoutEffect(() => {
    if (ownRef.current) ownRef.current.value = defaultValue ?? "";
    setReady(true);
    // Only the first value: afterwards the text is the user's.
  }, []);
  const over = count > max;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        ref={ownRef}
        id={id}
        name={name}
        rows={14}
        spellCheck={false}
        readOnly={!ready}
        className={["field__input", styles.textarea, styles.transcriptInput].join(" ")}
        onInput={(event) => setCount(event.currentTarget.value.length)}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={describedBy(id, hint, error, `${id}-count`)}
      />
      <p id={`${id}-count`} className={over ? "field__error" : "field__hint"}>
        {counter(count)}
      </p>
    </FieldFrame>
  );
}
