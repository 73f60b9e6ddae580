"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { RepeatableRows, useFocusAfterRender } from "@/components/ui/repeatable-rows";
import type { FigureValues } from "@/lib/stories/form-values";
import { FIGURE_QUALIFIERS, LIMITS } from "@/lib/stories/types";
import { dynamic, fieldId, langAttribute, type SectionProps, type StoriesT } from "./form-types";
import styles from "./stories.module.css";
import { Field, TextAreaField } from "@/components/ui/field";
import { SelectField, type Option, type OptionGroup } from "@/components/ui/choice-fields";

/**
 * What a text control of a repeated row takes for field `name` of row `index` under `list`
 * ("figures", "contributions"): its id and its error by the field's path, its value, and the
 * change that sets it on the row.
 */
function rowField<Row, K extends keyof Row & string>(
  list: string,
  index: number,
  row: Row,
  set: (patch: Partial<Row>) => void,
  error: (path: string) => string | null,
  name: K,
) {
  const path = `${list}.${index}.${name}`;
  return {
    id: fieldId(path),
    value: String(row[name] ?? ""),
    error: error(path),
    onValueChange: (value: string) => set({ [name]: value } as Partial<Row>),
  };
}

let newRowCounter = 0;
const newKey = () => `new-${Date.now().toString(36)}-${(newRowCounter += 1)}`;

/** A list of chosen items (removable) and a select to add one more: works with a keyboard, scales to long lists. */
export function PickedList(props: {
  field: string;
  legend: string;
  hint?: string;
  empty: string;
  addLabel: string;
  items: Option[];
  available?: Option[];
  groups?: OptionGroup[];
  error: (path: string) => string | null;
  onAdd: (value: string) => void;
  onRemove: (index: number) => void;
  t: StoriesT;
}) {
  const { field, legend, hint, empty, addLabel, items, error, t } = props;
  const [choice, setChoice] = useState("");
  const focusLater = useFocusAfterRender();
  const id = fieldId(field);
  const listError = error(field);
  const itemErrors = items.flatMap((item, index) => {
    const message = error(`${field}.${index}`) ?? error(`${field}.${index}.id`);
    return message ? [{ item, message }] : [];
  });
  return (
    <fieldset
      className={styles.choices}
      id={id}
      tabIndex={-1}
      aria-describedby={
        [hint ? `${id}-hint` : null, listError || itemErrors.length ? `${id}-error` : null].filter(Boolean).join(" ") ||
        undefined
      }
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className={styles.chips}>
          {items.map((item, index) => (
            <li
              key={item.value}
              className={[styles.chip, itemErrors.some((e) => e.item === item) ? styles.chipInvalid : null]
                .filter(Boolean)
                .join(" ")}
            >
              <span>{item.label}</span>
              <Button
                variant="secondary"
                id={`${id}-remove-${index}`}
                onClick={() => {
                  props.onRemove(index);
                  focusLater(items.length > 1 ? `${id}-remove-${Math.max(0, index - 1)}` : `${id}-add`);
                }}
              >
                {t("form.remove")}
                <span className="visually-hidden"> {item.label}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {listError || itemErrors.length ? (
        <div className="field__error" id={`${id}-error`}>
          {listError ? <p className="field__error">{listError}</p> : null}
          {itemErrors.map(({ item, message }) => (
            <p key={item.value} className="field__error">
              {item.label}: {message}
            </p>
          ))}
        </div>
      ) : null}
      <div className={styles.adder}>
        <SelectField
          id={`${id}-add`}
          label={addLabel}
          value={choice}
          placeholder={t("form.choose")}
          options={props.available}
          groups={props.groups}
          onValueChange={setChoice}
        />
        <Button
          variant="secondary"
          onClick={() => {
            if (!choice) return;
            props.onAdd(choice);
            setChoice("");
            focusLater(`${id}-add`);
          }}
        >
          {t("form.add")}
          <span className="visually-hidden"> ({legend})</span>
        </Button>
      </div>
    </fieldset>
  );
}

export function FiguresSection({ values, update, error, t }: SectionProps) {
  const lang = langAttribute(values.translationLanguage);
  return (
    <fieldset className={styles.fieldset} id={fieldId("figures")} tabIndex={-1}>
      <legend>{t("fieldsets.figures")}</legend>
      <p className={styles.fieldsetIntro}>{t("figure.intro")}</p>
      {error("figures") ? <p className="field__error">{error("figures")}</p> : null}
      <RepeatableRows<FigureValues>
        rows={values.figures}
        onChange={(figures) => update({ figures })}
        rowKey={(figure) => figure.key}
        newRow={() => ({
          key: newKey(),
          id: "",
          label: "",
          labelTranslation: "",
          qualifier: "EXACT",
          value: "",
          valueMax: "",
          unit: "",
          unitTranslation: "",
        })}
        max={LIMITS.figures}
        controlId={(index, name) => fieldId(`figures.${index}.${name}`)}
        firstField="label"
        addId="story-figures-add"
        reorderable
        labels={{
          empty: t("figure.empty"),
          add: t("figure.add"),
          legend: (number) => t("figure.legend", { number }),
          remove: (number) => t("figure.remove", { number }),
          moveUp: (number) => t("figure.moveUp", { number }),
          moveDown: (number) => t("figure.moveDown", { number }),
        }}
      >
        {(figure, index, set) => {
          const path = (name: string) => `figures.${index}.${name}`;
          const bind = (name: "label" | "value" | "valueMax" | "unit" | "labelTranslation" | "unitTranslation") =>
            rowField("figures", index, figure, set, error, name);
          return (
            <>
              <div className={styles.rowGrid}>
                <Field
                  {...bind("label")}
                  label={t("figure.label")}
                  maxLength={LIMITS.label}
                  error={error(path("label")) ?? error(path("id"))}
                />
                <SelectField
                  id={fieldId(path("qualifier"))}
                  label={t("figure.qualifier")}
                  value={figure.qualifier}
                  error={error(path("qualifier"))}
                  options={FIGURE_QUALIFIERS.map((value) => ({ value, label: dynamic(t, `qualifiers.${value}`) }))}
                  onValueChange={(qualifier) => set({ qualifier: qualifier as FigureValues["qualifier"] })}
                />
                <Field
                  {...bind("value")}
                  label={figure.qualifier === "RANGE" ? t("figure.valueFrom") : t("figure.value")}
                  hint={t("figure.valueHint")}
                  inputMode="decimal"
                  maxLength={40}
                />
                {figure.qualifier === "RANGE" ? (
                  <Field
                    {...bind("valueMax")}
                    label={t("figure.valueMax")}
                    hint={t("figure.valueHint")}
                    inputMode="decimal"
                    maxLength={40}
                  />
                ) : null}
                <Field {...bind("unit")} label={t("figure.unit")} hint={t("figure.unitHint")} maxLength={LIMITS.unit} />
              </div>
              <div className={styles.rowGrid}>
                <Field
                  {...bind("labelTranslation")}
                  label={t("figure.labelTranslation")}
                  maxLength={LIMITS.label}
                  lang={lang}
                />
                <Field
                  {...bind("unitTranslation")}
                  label={t("figure.unitTranslation")}
                  hint={t("figure.unitTranslationHint")}
                  maxLength={LIMITS.unit}
                  lang={lang}
                />
              </div>
            </>
          );
        }}
      </RepeatableRows>
    </fieldset>
  );
}

type ContributionValues = SectionProps["values"]["contributions"][number];

export function ContributionRows({ values, update, error, t, options }: SectionProps) {
  const rows = values.contributions;
  const lang = langAttribute(values.translationLanguage);
  const named = new Set(rows.map((row) => row.projectId));
  const projectOptions = options.projects
    .filter((project) => !project.retired || named.has(project.id))
    .map((project) => ({ value: project.id, label: `${project.acronym} — ${project.name}` }));
  return (
    <div className={styles.form} id={fieldId("contributions")} tabIndex={-1}>
      <p className="field__label">{t("fields.contributions")}</p>
      {error("contributions") ? <p className="field__error">{error("contributions")}</p> : null}
      <RepeatableRows<ContributionValues>
        rows={rows}
        onChange={(contributions) => update({ contributions })}
        rowKey={(_, index) => `${index}-${rows.length}`}
        newRow={() => ({ projectId: "", howContributed: "", howContributedTranslation: "" })}
        max={LIMITS.contributions}
        controlId={(index, name) => fieldId(`contributions.${index}.${name}`)}
        firstField="projectId"
        addId="story-contributions-add"
        labels={{
          empty: t("contribution.empty"),
          add: t("contribution.add"),
          legend: (number) => t("contribution.legend", { number }),
          remove: (number) => t("contribution.remove", { number }),
        }}
      >
        {(row, index, set) => (
          <>
            <SelectField
              id={fieldId(`contributions.${index}.projectId`)}
              label={t("contribution.project")}
              value={row.projectId}
              placeholder={t("form.choose")}
              options={projectOptions}
              error={error(`contributions.${index}.projectId`)}
              onValueChange={(projectId) => set({ projectId })}
            />
            <TextAreaField
              {...rowField("contributions", index, row, set, error, "howContributed")}
              label={t("contribution.how")}
              rows={3}
              maxLength={LIMITS.mediumText}
            />
            <TextAreaField
              {...rowField("contributions", index, row, set, error, "howContributedTranslation")}
              label={t("contribution.howTranslation")}
              rows={3}
              maxLength={LIMITS.mediumText}
              lang={lang}
            />
          </>
        )}
      </RepeatableRows>
    </div>
  );
}
