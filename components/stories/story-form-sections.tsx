"use client";

import { CHANGE_TYPES, LIMITS } from "@/lib/stories/types";
import { DATE_PRECISIONS, type Precision } from "@/lib/stories/period";
import { ChoiceGroup, SelectInput, TextArea, TextInput } from "./form-controls";
import { dynamic, fieldId, langAttribute, localizedName, type SectionProps } from "./form-types";
import styles from "./stories.module.css";

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
      <TextInput
        id={fieldId("title")}
        label={t("fields.title")}
        required
        requiredLabel={required}
        value={values.title}
        maxLength={LIMITS.title}
        error={error("title")}
        lang={langAttribute(values.originalLanguage)}
        onChange={(title) => update({ title })}
      />
      <TextArea
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
        onChange={(whatChanged) => update({ whatChanged })}
      />
      <TextArea
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
        onChange={(whySignificant) => update({ whySignificant })}
      />
      <div className={styles.twoColumns}>
        <TextInput
          id={fieldId("originalLanguage")}
          label={t("fields.originalLanguage")}
          hint={t("fields.languageHint")}
          required
          requiredLabel={required}
          value={values.originalLanguage}
          maxLength={12}
          error={error("originalLanguage")}
          onChange={(originalLanguage) => update({ originalLanguage })}
        />
        <SelectInput
          id={fieldId("collectedById")}
          label={t("fields.collectedBy")}
          hint={t("fields.collectedByHint")}
          value={values.collectedById}
          error={error("collectedById")}
          placeholder={t("form.nobody")}
          options={options.team.map((member) => ({ value: member.id, label: member.name }))}
          onChange={(collectedById) => update({ collectedById })}
        />
      </div>
      <ChoiceGroup
        id={fieldId("changeType")}
        legend={t("fields.changeType")}
        hint={t("fields.changeTypeHint")}
        required
        requiredLabel={required}
        type="radio"
        error={error("changeType")}
        options={CHANGE_TYPES.map((value) => ({ value, label: dynamic(t, `changeTypes.${value}`) }))}
        selected={values.changeType ? [values.changeType] : []}
        onToggle={(value) => update({ changeType: value as (typeof CHANGE_TYPES)[number] })}
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
        <SelectInput
          id={fieldId("periodPrecision")}
          label={t("fields.periodPrecision")}
          value={values.periodPrecision}
          error={error("periodPrecision")}
          options={DATE_PRECISIONS.map((value) => ({ value, label: dynamic(t, `precisions.${value}`) }))}
          // Clearing the dates avoids carrying "2023" into a day field that cannot show it.
          onChange={(value) => update({ periodPrecision: value as Precision, periodFrom: "", periodTo: "" })}
        />
        <TextInput
          id={fieldId("periodFrom")}
          label={t("fields.periodFrom")}
          hint={hint}
          type={input.type}
          inputMode={input.inputMode}
          maxLength={input.maxLength}
          value={values.periodFrom}
          error={error("periodFrom")}
          onChange={(periodFrom) => update({ periodFrom })}
        />
        <TextInput
          id={fieldId("periodTo")}
          label={t("fields.periodTo")}
          hint={t("fields.periodToHint")}
          type={input.type}
          inputMode={input.inputMode}
          maxLength={input.maxLength}
          value={values.periodTo}
          error={error("periodTo")}
          onChange={(periodTo) => update({ periodTo })}
        />
      </div>
    </fieldset>
  );
}

export function ContributionNarrative({ values, update, error, t }: SectionProps) {
  return (
    <>
      <TextArea
        id={fieldId("contributionNarrative")}
        label={t("fields.contributionNarrative")}
        hint={t("fields.contributionNarrativeHint")}
        value={values.contributionNarrative}
        maxLength={LIMITS.mediumText}
        error={error("contributionNarrative")}
        onChange={(contributionNarrative) => update({ contributionNarrative })}
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
    <TextArea
      id={fieldId(field)}
      label={t(`fields.${field}`)}
      value={values[field]}
      rows={3}
      maxLength={LIMITS.mediumText}
      error={error(field)}
      lang={langAttribute(values.translationLanguage)}
      onChange={(text) => update({ [field]: text })}
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
      <TextArea
        id={fieldId("sustainabilityAssessment")}
        label={t("fields.sustainabilityAssessment")}
        hint={t("fields.sustainabilityAssessmentHint")}
        value={values.sustainabilityAssessment}
        maxLength={LIMITS.mediumText}
        error={error("sustainabilityAssessment")}
        onChange={(sustainabilityAssessment) => update({ sustainabilityAssessment })}
      />
      {area("sustainabilityAssessmentTranslation")}
      <TextArea
        id={fieldId("sustainabilityConditions")}
        label={t("fields.sustainabilityConditions")}
        value={values.sustainabilityConditions}
        maxLength={LIMITS.mediumText}
        error={error("sustainabilityConditions")}
        rows={3}
        onChange={(sustainabilityConditions) => update({ sustainabilityConditions })}
      />
      {area("sustainabilityConditionsTranslation")}
      <TextArea
        id={fieldId("sustainabilityRisks")}
        label={t("fields.sustainabilityRisks")}
        value={values.sustainabilityRisks}
        maxLength={LIMITS.mediumText}
        error={error("sustainabilityRisks")}
        rows={3}
        onChange={(sustainabilityRisks) => update({ sustainabilityRisks })}
      />
      {area("sustainabilityRisksTranslation")}
    </fieldset>
  );
}

export function TagsSection({ values, update, error, t, options, locale }: SectionProps) {
  const toggle = (list: string[], value: string, checked: boolean) =>
    checked ? [...list, value] : list.filter((item) => item !== value);
  const groupOrder = (id: string) => options.atRiskGroups.findIndex((group) => group.id === id);
  const groupName = (id: string) => {
    const group = options.atRiskGroups.find((item) => item.id === id);
    return group ? localizedName(group, locale) : id;
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t("fieldsets.tags")}</legend>
      <ChoiceGroup
        id={fieldId("sectorIds")}
        legend={t("fields.sectors")}
        type="checkbox"
        error={error("sectorIds")}
        options={options.sectors.map((sector) => ({ value: sector.id, label: localizedName(sector, locale) }))}
        selected={values.sectorIds}
        onToggle={(value, checked) => update({ sectorIds: toggle(values.sectorIds, value, checked) })}
      />
      <ChoiceGroup
        id={fieldId("priorityTagIds")}
        legend={t("fields.priorityTags")}
        type="checkbox"
        error={error("priorityTagIds")}
        options={options.priorityTags.map((tag) => ({ value: tag.id, label: localizedName(tag, locale) }))}
        selected={values.priorityTagIds}
        onToggle={(value, checked) => update({ priorityTagIds: toggle(values.priorityTagIds, value, checked) })}
      />
      <ChoiceGroup
        id={fieldId("atRiskGroups")}
        legend={t("fields.atRiskGroups")}
        hint={t("fields.atRiskGroupsHint")}
        type="checkbox"
        error={error("atRiskGroups")}
        options={options.atRiskGroups.map((group) => ({ value: group.id, label: localizedName(group, locale) }))}
        selected={values.atRiskGroups.map((row) => row.groupId)}
        onToggle={(value, checked) =>
          update({
            // In the list's order, as the story shows them.
            atRiskGroups: checked
              ? [...values.atRiskGroups, { groupId: value, note: "" }].sort(
                  (a, b) => groupOrder(a.groupId) - groupOrder(b.groupId),
                )
              : values.atRiskGroups.filter((row) => row.groupId !== value),
          })
        }
      />
      {values.atRiskGroups.map((row, index) => (
        <TextInput
          key={row.groupId}
          id={fieldId(`atRiskGroups.${index}.note`)}
          label={t("fields.atRiskNote", { group: groupName(row.groupId) })}
          value={row.note}
          maxLength={LIMITS.note}
          error={error(`atRiskGroups.${index}.note`) ?? error(`atRiskGroups.${index}.groupId`)}
          onChange={(note) =>
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
        <TextInput
          id={fieldId("translationLanguage")}
          label={t("fields.translationLanguage")}
          hint={t("fields.languageHint")}
          value={values.translationLanguage}
          maxLength={12}
          error={error("translationLanguage")}
          onChange={(translationLanguage) => update({ translationLanguage })}
        />
        <SelectInput
          id={fieldId("translatedById")}
          label={t("fields.translatedBy")}
          value={values.translatedById}
          error={error("translatedById")}
          placeholder={t("form.nobody")}
          options={options.team.map((member) => ({ value: member.id, label: member.name }))}
          onChange={(translatedById) => update({ translatedById })}
        />
      </div>
      <TextInput
        id={fieldId("titleTranslation")}
        label={t("fields.titleTranslation")}
        value={values.titleTranslation}
        maxLength={LIMITS.title}
        error={error("titleTranslation")}
        lang={lang}
        onChange={(titleTranslation) => update({ titleTranslation })}
      />
      <TextArea
        id={fieldId("whatChangedTranslation")}
        label={t("fields.whatChangedTranslation")}
        value={values.whatChangedTranslation}
        rows={6}
        maxLength={LIMITS.longText}
        error={error("whatChangedTranslation")}
        lang={lang}
        onChange={(whatChangedTranslation) => update({ whatChangedTranslation })}
      />
      <TextArea
        id={fieldId("whySignificantTranslation")}
        label={t("fields.whySignificantTranslation")}
        value={values.whySignificantTranslation}
        rows={5}
        maxLength={LIMITS.longText}
        error={error("whySignificantTranslation")}
        lang={lang}
        onChange={(whySignificantTranslation) => update({ whySignificantTranslation })}
      />
    </fieldset>
  );
}
