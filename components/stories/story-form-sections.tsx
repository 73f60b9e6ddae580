"use client";

import { CHANGE_TYPES, LIMITS } from "@/lib/stories/types";
import { DATE_PRECISIONS, type Precision } from "@/lib/stories/period";
import { dynamic, fieldId, langAttribute, localizedName, type SectionProps } from "./form-types";
import styles from "./stories.module.css";
import { Field, TextAreaField } from "@/components/ui/field";
import { CheckboxGroup, SelectField } from "@/components/ui/choice-fields";
import { RadioGroup } from "@/components/ui/radio-group";

const PERIOD_INPUT: Record<Precision, { type: string; inputMode?: "numeric"; maxLength: number }> = {
  YEAR: { type: "text", inputMode: "numeric", maxLength: 4 },
  MONTH: { type: "month", maxLength: 7 },
  DAY: { type: "date", maxLength: 10 },
};

export function StoryTextSection({ values, update, error, t, options }: SectionProps) {
  const required = t("form.required");
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t("fieldsets.story")}</legend>
      <Field
        id={fieldId("title")}
        label={t("fields.title")}
        required
        requiredLabel={required}
        value={values.title}
        maxLength={LIMITS.title}
        error={error("title")}
        lang={langAttribute(values.originalLanguage)}
        onValueChange={(title) => update({ title })}
      />
      <TextAreaField
        id={fieldId("whatChanged")}
        label={t("fields.whatChanged")}
        hint={t("fields.whatChangedHint")}
        required
        requiredLabel={required}
        rows={7}
        value={values.whatChanged}
        maxLength={LIMITS.longText}
        error={error("whatChanged")}
        lang={langAttribute(values.originalLanguage)}
        onValueChange={(whatChanged) => update({ whatChanged })}
      />
      <TextAreaField
        id={fieldId("whySignificant")}
        label={t("fields.whySignificant")}
        hint={t("fields.whySignificantHint")}
        required
        requiredLabel={required}
        rows={6}
        value={values.whySignificant}
        maxLength={LIMITS.longText}
        error={error("whySignificant")}
        lang={langAttribute(values.originalLanguage)}
        onValueChange={(whySignificant) => update({ whySignificant })}
      />
      <div className={styles.twoColumns}>
        <Field
          id={fieldId("originalLanguage")}
          label={t("fields.originalLanguage")}
          hint={t("fields.languageHint")}
          required
          requiredLabel={required}
          value={values.originalLanguage}
          maxLength={12}
          error={error("originalLanguage")}
          onValueChange={(originalLanguage) => update({ originalLanguage })}
        />
        <SelectField
          id={fieldId("collectedById")}
          label={t("fields.collectedBy")}
          hint={t("fields.collectedByHint")}
          value={values.collectedById}
          error={error("collectedById")}
          placeholder={t("form.nobody")}
          options={options.team.map((member) => ({ value: member.id, label: member.name }))}
          onValueChange={(collectedById) => update({ collectedById })}
        />
      </div>
      <RadioGroup
        id={fieldId("changeType")}
        legend={t("fields.changeType")}
        hint={t("fields.changeTypeHint")}
        required
        requiredLabel={required}
        error={error("changeType")}
        options={CHANGE_TYPES.map((value) => ({ value, label: dynamic(t, `changeTypes.${value}`) }))}
        value={values.changeType ?? null}
        onChange={(value) => update({ changeType: value as (typeof CHANGE_TYPES)[number] })}
      />
    </fieldset>
  );
}

export function PeriodSection({ values, update, error, t }: SectionProps) {
  const input = PERIOD_INPUT[values.periodPrecision];
  const hint = dynamic(t, `precisionHints.${values.periodPrecision}`);
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t("fieldsets.period")}</legend>
      <p className={styles.fieldsetIntro}>{t("fields.periodIntro")}</p>
      <div className={styles.twoColumns}>
        <SelectField
          id={fieldId("periodPrecision")}
          label={t("fields.periodPrecision")}
          value={values.periodPrecision}
          error={error("periodPrecision")}
          options={DATE_PRECISIONS.map((value) => ({ value, label: dynamic(t, `precisions.${value}`) }))}
          // Clearing the dates avoids carrying "2023" into a day field that cannot show it.
          onValueChange={(value) => update({ periodPrecision: value as Precision, periodFrom: "", periodTo: "" })}
        />
        <Field
          id={fieldId("periodFrom")}
          label={t("fields.periodFrom")}
          hint={hint}
          type={input.type}
          inputMode={input.inputMode}
          maxLength={input.maxLength}
          value={values.periodFrom}
          error={error("periodFrom")}
          onValueChange={(periodFrom) => update({ periodFrom })}
        />
        <Field
          id={fieldId("periodTo")}
          label={t("fields.periodTo")}
          hint={t("fields.periodToHint")}
          type={input.type}
          inputMode={input.inputMode}
          maxLength={input.maxLength}
          value={values.periodTo}
          error={error("periodTo")}
          onValueChange={(periodTo) => update({ periodTo })}
        />
      </div>
    </fieldset>
  );
}

export function ContributionNarrative({ values, update, error, t }: SectionProps) {
  return (
    <>
      <TextAreaField
        id={fieldId("contributionNarrative")}
        label={t("fields.contributionNarrative")}
        hint={t("fields.contributionNarrativeHint")}
        value={values.contributionNarrative}
        maxLength={LIMITS.mediumText}
        error={error("contributionNarrative")}
        onValueChange={(contributionNarrative) => update({ contributionNarrative })}
      />
      <TranslationArea field="contributionNarrativeTranslation" values={values} update={update} error={error} t={t} />
    </>
  );
}

type TranslatedField =
  | "contributionNarrativeTranslation"
  | "sustainabilityAssessmentTranslation"
  | "sustainabilityConditionsTranslation"
  | "sustainabilityRisksTranslation";

/** A text's translation, right under the text it translates, in the story's translation language. */
function TranslationArea({
  field,
  values,
  update,
  error,
  t,
}: Pick<SectionProps, "values" | "update" | "error" | "t"> & { field: TranslatedField }) {
  return (
    <TextAreaField
      id={fieldId(field)}
      label={t(`fields.${field}`)}
      value={values[field]}
      rows={3}
      maxLength={LIMITS.mediumText}
      error={error(field)}
      lang={langAttribute(values.translationLanguage)}
      onValueChange={(text) => update({ [field]: text })}
    />
  );
}

export function SustainabilitySection({ values, update, error, t }: SectionProps) {
  const area = (field: TranslatedField) => (
    <TranslationArea field={field} values={values} update={update} error={error} t={t} />
  );
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t("fieldsets.sustainability")}</legend>
      <TextAreaField
        id={fieldId("sustainabilityAssessment")}
        label={t("fields.sustainabilityAssessment")}
        hint={t("fields.sustainabilityAssessmentHint")}
        value={values.sustainabilityAssessment}
        maxLength={LIMITS.mediumText}
        error={error("sustainabilityAssessment")}
        onValueChange={(sustainabilityAssessment) => update({ sustainabilityAssessment })}
      />
      {area("sustainabilityAssessmentTranslation")}
      <TextAreaField
        id={fieldId("sustainabilityConditions")}
        label={t("fields.sustainabilityConditions")}
        value={values.sustainabilityConditions}
        maxLength={LIMITS.mediumText}
        error={error("sustainabilityConditions")}
        rows={3}
        onValueChange={(sustainabilityConditions) => update({ sustainabilityConditions })}
      />
      {area("sustainabilityConditionsTranslation")}
      <TextAreaField
        id={fieldId("sustainabilityRisks")}
        label={t("fields.sustainabilityRisks")}
        value={values.sustainabilityRisks}
        maxLength={LIMITS.mediumText}
        error={error("sustainabilityRisks")}
        rows={3}
        onValueChange={(sustainabilityRisks) => update({ sustainabilityRisks })}
      />
      {area("sustainabilityRisksTranslation")}
    </fieldset>
  );
}

export function TagsSection({ values, update, error, t, options, locale }: SectionProps) {
  const groupOrder = (id: string) => options.atRiskGroups.findIndex((group) => group.id === id);
  const groupName = (id: string) => {
    const group = options.atRiskGroups.find((item) => item.id === id);
    return group ? localizedName(group, locale) : id;
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t("fieldsets.tags")}</legend>
      <CheckboxGroup
        id={fieldId("sectorIds")}
        legend={t("fields.sectors")}
        error={error("sectorIds")}
        options={options.sectors.map((sector) => ({ value: sector.id, label: localizedName(sector, locale) }))}
        selected={values.sectorIds}
        onChange={(sectorIds) => update({ sectorIds })}
      />
      <CheckboxGroup
        id={fieldId("priorityTagIds")}
        legend={t("fields.priorityTags")}
        error={error("priorityTagIds")}
        options={options.priorityTags.map((tag) => ({ value: tag.id, label: localizedName(tag, locale) }))}
        selected={values.priorityTagIds}
        onChange={(priorityTagIds) => update({ priorityTagIds })}
      />
      <CheckboxGroup
        id={fieldId("atRiskGroups")}
        legend={t("fields.atRiskGroups")}
        hint={t("fields.atRiskGroupsHint")}
        error={error("atRiskGroups")}
        options={options.atRiskGroups.map((group) => ({ value: group.id, label: localizedName(group, locale) }))}
        selected={values.atRiskGroups.map((row) => row.groupId)}
        onChange={(groupIds) =>
          update({
            // In the list's order, as the story shows them; a group kept keeps its note.
            atRiskGroups: groupIds
              .map((groupId) => values.atRiskGroups.find((row) => row.groupId === groupId) ?? { groupId, note: "" })
              .sort((a, b) => groupOrder(a.groupId) - groupOrder(b.groupId)),
          })
        }
      />
      {values.atRiskGroups.map((row, index) => (
        <Field
          key={row.groupId}
          id={fieldId(`atRiskGroups.${index}.note`)}
          label={t("fields.atRiskNote", { group: groupName(row.groupId) })}
          value={row.note}
          maxLength={LIMITS.note}
          error={error(`atRiskGroups.${index}.note`) ?? error(`atRiskGroups.${index}.groupId`)}
          onValueChange={(note) =>
            update({ atRiskGroups: values.atRiskGroups.map((item, i) => (i === index ? { ...item, note } : item)) })
          }
        />
      ))}
    </fieldset>
  );
}

export function TranslationSection({ values, update, error, t, options }: SectionProps) {
  const lang = langAttribute(values.translationLanguage);
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t("fieldsets.translation")}</legend>
      <p className={styles.fieldsetIntro}>{t("fields.translationIntro")}</p>
      <div className={styles.twoColumns}>
        <Field
          id={fieldId("translationLanguage")}
          label={t("fields.translationLanguage")}
          hint={t("fields.languageHint")}
          value={values.translationLanguage}
          maxLength={12}
          error={error("translationLanguage")}
          onValueChange={(translationLanguage) => update({ translationLanguage })}
        />
        <SelectField
          id={fieldId("translatedById")}
          label={t("fields.translatedBy")}
          value={values.translatedById}
          error={error("translatedById")}
          placeholder={t("form.nobody")}
          options={options.team.map((member) => ({ value: member.id, label: member.name }))}
          onValueChange={(translatedById) => update({ translatedById })}
        />
      </div>
      <Field
        id={fieldId("titleTranslation")}
        label={t("fields.titleTranslation")}
        value={values.titleTranslation}
        maxLength={LIMITS.title}
        error={error("titleTranslation")}
        lang={lang}
        onValueChange={(titleTranslation) => update({ titleTranslation })}
      />
      <TextAreaField
        id={fieldId("whatChangedTranslation")}
        label={t("fields.whatChangedTranslation")}
        value={values.whatChangedTranslation}
        rows={6}
        maxLength={LIMITS.longText}
        error={error("whatChangedTranslation")}
        lang={lang}
        onValueChange={(whatChangedTranslation) => update({ whatChangedTranslation })}
      />
      <TextAreaField
        id={fieldId("whySignificantTranslation")}
        label={t("fields.whySignificantTranslation")}
        value={values.whySignificantTranslation}
        rows={5}
        maxLength={LIMITS.longText}
        error={error("whySignificantTranslation")}
        lang={lang}
        onValueChange={(whySignificantTranslation) => update({ whySignificantTranslation })}
      />
    </fieldset>
  );
}
