"use client";

import { useTranslations } from "next-intl";
import { useLocale } from "@/lib/i18n/use-locale";
import { useState } from "react";
import { RecordForm } from "@/components/ui/action-form";
import { useCreateOrEdit } from "@/components/ui/use-create-or-edit";
import { CheckboxGroup, SelectField } from "@/components/ui/choice-fields";
import { Field, TextAreaField } from "@/components/ui/field";
import { createLearning, updateLearning } from "@/lib/learnings/actions";
import { AUDIENCES, LEARNING_LIMITS } from "@/lib/learnings/types";
import { localized } from "@/lib/evaluations/format";
import { learningFailureMessages } from "./failure-messages";
import styles from "./learnings.module.css";
import type { Language, LearningFormOptions, LearningKind, LearningRow } from "./types";

type Props = {
  evaluationId: string;
  kind: LearningKind;
  /** The evaluation's languages; the first is the original. */
  languages: readonly Language[];
  options: LearningFormOptions;
  /** At-risk groups that already have their text (not offered again). */
  takenGroups?: readonly string[];
  /** Absent: a new learning. */
  learning?: LearningRow;
  title: string;
  /** The add button's words, naming what it adds (several add forms share the page). */
  addLabel?: string;
  /** Gets what names the saved learning: its group, audience and (when new) its position. */
  onSaved: (saved: { atRiskGroupId: string | null; audience: LearningRow["audience"]; position?: number }) => void;
  onCancel?: () => void;
};

/** What names a saved learning, as the form sent it. */
type Saved = Parameters<Props["onSaved"]>[0];

type TextValues = { title: string; body: string; sustainability: string; translatedById: string };

function initialTexts(languages: readonly Language[], learning?: LearningRow): Record<Language, TextValues> {
  const values = {} as Record<Language, TextValues>;
  for (const locale of languages) {
    const text = learning?.texts.find((candidate) => candidate.locale === locale);
    values[locale] = {
      title: text?.title ?? "",
      body: text?.body ?? "",
      sustainability: text?.sustainability ?? "",
      translatedById: text?.translatedBy?.id ?? "",
    };
  }
  return values;
}

/** Writes or edits one learning: its text in each language of the evaluation, and what its kind takes. */
export function LearningForm({
  evaluationId,
  kind,
  languages,
  options,
  takenGroups = [],
  learning,
  title,
  addLabel,
  onSaved,
  onCancel,
}: Props) {
  const t = useTranslations("learnings");
  const locale = useLocale();
  const prefix = learning ? `learning-${learning.id}` : `learning-new-${kind}`;
  const [texts, setTexts] = useState(() => initialTexts(languages, learning));
  const [audience, setAudience] = useState<string>(learning?.audience ?? "");
  const [atRiskGroupId, setAtRiskGroupId] = useState<string>(learning?.atRiskGroup?.id ?? "");
  const [storyIds, setStoryIds] = useState<string[]>(learning?.stories.map((story) => story.id) ?? []);
  const [domainIds, setDomainIds] = useState<string[]>(learning?.domains.map((domain) => domain.id) ?? []);
  const keyLearning = kind === "KEY_LEARNING";

  const fieldIds = languages.flatMap((locale) =>
    (keyLearning ? ["title", "body", "sustainability"] : ["body"]).map(
      (field) => [`texts.${locale}.${field}`, `${prefix}-${locale}-${field}`] as const,
    ),
  );
  const focus = [
    [`audience`, `${prefix}-audience`] as const,
    [`atRiskGroupId`, `${prefix}-group`] as const,
    ...fieldIds,
    [`storyIds`, `${prefix}-stories`] as const,
    [`domainIds`, `${prefix}-domains`] as const,
  ];
  const reset = () => {
    setTexts(initialTexts(languages));
    setAudience("");
    setAtRiskGroupId("");
    setStoryIds([]);
    setDomainIds([]);
  };
  const { create, update, form } = useCreateOrEdit(
    learning !== undefined,
    { create: createLearning, update: updateLearning },
    {
      focus,
      failureMessages: learningFailureMessages,
      onCreated: (data, input: Saved) => (reset(), onSaved({ ...input, position: data.position })),
      onUpdated: (_, input: Saved) => onSaved(input),
    },
  );

  const fields = () => ({
    evaluationId,
    texts: Object.fromEntries(
      languages.map((locale) => [locale, { ...texts[locale], translatedById: texts[locale].translatedById || null }]),
    ),
    audience: audience || null,
    atRiskGroupId: atRiskGroupId || null,
    storyIds,
    domainIds,
  });
  const handleSubmit = learning
    ? update.handleSubmit(() => ({ ...fields(), learningId: learning.id, expectedVersion: learning.version }))
    : create.handleSubmit(() => ({ ...fields(), kind }));

  const setText = (locale: Language, field: keyof TextValues) => (value: string) =>
    setTexts((current) => ({ ...current, [locale]: { ...current[locale], [field]: value } }));
  const required = { required: true, requiredLabel: t("required") };
  const groups = options.atRiskGroups.filter(
    (group) => group.id === learning?.atRiskGroup?.id || !takenGroups.includes(group.id),
  );
  const domains = options.domains.filter((domain) => !domain.retired || domainIds.includes(domain.id));

  return (
    <RecordForm
      id={prefix}
      title={title}
      form={form}
      onSubmit={handleSubmit}
      submitLabel={learning ? t("save") : (addLabel ?? t("add"))}
      busyLabel={t("saving")}
      cancel={onCancel ? { label: t("cancel"), onClick: onCancel } : undefined}
    >
      {kind === "RECOMMENDATION" ? (
        <SelectField
          id={`${prefix}-audience`}
          label={t("fields.audience")}
          value={audience}
          onValueChange={setAudience}
          placeholder={t("fields.choose")}
          options={AUDIENCES.map((value) => ({ value, label: t(`audiences.${value}`) }))}
          error={form.fieldError("audience")}
          {...required}
        />
      ) : null}
      {kind === "AT_RISK_IMPACT" ? (
        <SelectField
          id={`${prefix}-group`}
          label={t("fields.atRiskGroup")}
          value={atRiskGroupId}
          onValueChange={setAtRiskGroupId}
          placeholder={t("fields.choose")}
          options={groups.map((group) => ({ value: group.id, label: localized(group, locale) }))}
          error={form.fieldError("atRiskGroupId")}
          {...required}
        />
      ) : null}
      {languages.map((locale, index) => {
        const language = t(`languages.${locale}`);
        const lang = locale.toLowerCase();
        const id = (field: string) => `${prefix}-${locale}-${field}`;
        const error = (field: string) => form.fieldError(`texts.${locale}.${field}`);
        const original = index === 0;
        return (
          <fieldset key={locale} className={styles.fieldset}>
            <legend>
              {language} ({original ? t("original") : t("translation")})
            </legend>
            {keyLearning ? (
              <Field
                id={id("title")}
                lang={lang}
                label={t("fields.title", { language })}
                value={texts[locale].title}
                onValueChange={setText(locale, "title")}
                error={error("title")}
                maxLength={LEARNING_LIMITS.title}
                {...(original ? required : {})}
              />
            ) : null}
            <TextAreaField
              id={id("body")}
              lang={lang}
              rows={keyLearning ? 6 : 4}
              label={t(keyLearning ? "fields.narrative" : "fields.body", { language })}
              value={texts[locale].body}
              onValueChange={setText(locale, "body")}
              error={error("body")}
              maxLength={LEARNING_LIMITS.body}
              {...(original ? required : {})}
            />
            {keyLearning ? (
              <TextAreaField
                id={id("sustainability")}
                lang={lang}
                rows={3}
                label={t("fields.sustainability", { language })}
                value={texts[locale].sustainability}
                onValueChange={setText(locale, "sustainability")}
                error={error("sustainability")}
                maxLength={LEARNING_LIMITS.sustainability}
              />
            ) : null}
            {original ? null : (
              <SelectField
                id={id("translatedById")}
                label={t("fields.translatedBy", { language })}
                value={texts[locale].translatedById}
                onValueChange={setText(locale, "translatedById")}
                placeholder={t("fields.translatedByYou")}
                options={options.translators.map((person) => ({ value: person.id, label: person.name }))}
                error={error("translatedById")}
              />
            )}
          </fieldset>
        );
      })}
      {keyLearning ? (
        <>
          <CheckboxGroup
            id={`${prefix}-domains`}
            legend={t("fields.domains")}
            options={domains.map((domain) => {
              const name = `${domain.nameEs} / ${domain.nameEn}`;
              return { value: domain.id, label: domain.retired ? t("fields.retiredDomain", { name }) : name };
            })}
            selected={domainIds}
            onChange={setDomainIds}
            error={form.fieldError("domainIds")}
          />
          {options.stories.length === 0 ? (
            <p className="muted">{t("fields.noStories")}</p>
          ) : (
            <CheckboxGroup
              id={`${prefix}-stories`}
              legend={t("fields.stories")}
              hint={t("fields.storiesHint")}
              options={options.stories.map((story) => ({ value: story.id, label: `${story.code} · ${story.title}` }))}
              selected={storyIds}
              onChange={setStoryIds}
              error={form.fieldError("storyIds")}
            />
          )}
        </>
      ) : null}
    </RecordForm>
  );
}
