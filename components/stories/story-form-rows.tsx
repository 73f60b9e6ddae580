"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { FigureValues } from "@/lib/stories/form-values";
import { FIGURE_QUALIFIERS, LIMITS } from "@/lib/stories/types";
import { SelectInput, TextArea, TextInput, type Option, type OptionGroup } from "./form-controls";
import { dynamic, fieldId, type SectionProps, type StoriesT } from "./form-types";
import styles from "./stories.module.css";

/** Moves focus to an element once the next render has put it on the page (after adding or removing a row). */
function useFocusAfterRender() {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return (id: string) => {
    pending.current = id;
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
    <fieldset className={styles.choices} id={id} tabIndex={-1} aria-describedby={[hint ? `${id}-hint` : null, listError || itemErrors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}>
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
            <li key={item.value} className={[styles.chip, itemErrors.some((e) => e.item === item) ? styles.chipInvalid : null].filter(Boolean).join(" ")}>
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
        <SelectInput id={`${id}-add`} label={addLabel} value={choice} placeholder={t("form.choose")} options={props.available} groups={props.groups} onChange={setChoice} />
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
  const focusLater = useFocusAfterRender();
  const figures = values.figures;
  const set = (index: number, patch: Partial<FigureValues>) => update({ figures: figures.map((figure, i) => (i === index ? { ...figure, ...patch } : figure)) });
  const move = (index: number, by: -1 | 1) => {
    const next = [...figures];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    update({ figures: next });
    const target = index + by;
    // Keep focus on the moved figure's button in the same direction, or the other one at either end.
    const direction = target === 0 ? "down" : target === figures.length - 1 ? "up" : by < 0 ? "up" : "down";
    focusLater(fieldId(`figures.${target}.${direction}`));
  };
  return (
    <fieldset className={styles.fieldset} id={fieldId("figures")} tabIndex={-1}>
      <legend>{t("fieldsets.figures")}</legend>
      <p className={styles.fieldsetIntro}>{t("figure.intro")}</p>
      {error("figures") ? <p className="field__error">{error("figures")}</p> : null}
      {figures.length === 0 ? <p className="muted">{t("figure.empty")}</p> : null}
      <ol className={styles.rows}>
        {figures.map((figure, index) => {
          const path = (name: string) => `figures.${index}.${name}`;
          const number = index + 1;
          return (
            <li key={figure.key}>
              <fieldset className={styles.row}>
                <legend>{t("figure.legend", { number })}</legend>
                <div className={styles.rowGrid}>
                  <TextInput id={fieldId(path("label"))} label={t("figure.label")} value={figure.label} maxLength={LIMITS.label} error={error(path("label")) ?? error(path("id"))} onChange={(label) => set(index, { label })} />
                  <SelectInput id={fieldId(path("qualifier"))} label={t("figure.qualifier")} value={figure.qualifier} error={error(path("qualifier"))} options={FIGURE_QUALIFIERS.map((value) => ({ value, label: dynamic(t, `qualifiers.${value}`) }))} onChange={(qualifier) => set(index, { qualifier: qualifier as FigureValues["qualifier"] })} />
                  <TextInput id={fieldId(path("value"))} label={figure.qualifier === "RANGE" ? t("figure.valueFrom") : t("figure.value")} hint={t("figure.valueHint")} inputMode="decimal" value={figure.value} maxLength={40} error={error(path("value"))} onChange={(value) => set(index, { value })} />
                  {figure.qualifier === "RANGE" ? (
                    <TextInput id={fieldId(path("valueMax"))} label={t("figure.valueMax")} hint={t("figure.valueHint")} inputMode="decimal" value={figure.valueMax} maxLength={40} error={error(path("valueMax"))} onChange={(valueMax) => set(index, { valueMax })} />
                  ) : null}
                  <TextInput id={fieldId(path("unit"))} label={t("figure.unit")} hint={t("figure.unitHint")} value={figure.unit} maxLength={LIMITS.unit} error={error(path("unit"))} onChange={(unit) => set(index, { unit })} />
                </div>
                <TextInput id={fieldId(path("labelTranslation"))} label={t("figure.labelTranslation")} value={figure.labelTranslation} maxLength={LIMITS.label} error={error(path("labelTranslation"))} onChange={(labelTranslation) => set(index, { labelTranslation })} />
                <div className={styles.formActions}>
                  {index > 0 ? (
                    <Button variant="secondary" id={fieldId(path("up"))} onClick={() => move(index, -1)}>
                      {t("figure.moveUp", { number })}
                    </Button>
                  ) : null}
                  {index < figures.length - 1 ? (
                    <Button variant="secondary" id={fieldId(path("down"))} onClick={() => move(index, 1)}>
                      {t("figure.moveDown", { number })}
                    </Button>
                  ) : null}
                  <Button
                    variant="secondary"
                    onClick={() => {
                      update({ figures: figures.filter((_, i) => i !== index) });
                      focusLater(figures.length > 1 ? fieldId(`figures.${Math.max(0, index - 1)}.label`) : "story-figures-add");
                    }}
                  >
                    {t("figure.remove", { number })}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          variant="secondary"
          id="story-figures-add"
          disabled={figures.length >= LIMITS.figures}
          onClick={() => {
            update({ figures: [...figures, { key: newKey(), id: "", label: "", labelTranslation: "", qualifier: "EXACT", value: "", valueMax: "", unit: "" }] });
            focusLater(fieldId(`figures.${figures.length}.label`));
          }}
        >
          {t("figure.add")}
        </Button>
      </div>
    </fieldset>
  );
}

export function ContributionRows({ values, update, error, t, options }: SectionProps) {
  const focusLater = useFocusAfterRender();
  const rows = values.contributions;
  const set = (index: number, patch: Partial<(typeof rows)[number]>) => update({ contributions: rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  const named = new Set(rows.map((row) => row.projectId));
  const projectOptions = options.projects.filter((project) => !project.retired || named.has(project.id)).map((project) => ({ value: project.id, label: `${project.acronym} — ${project.name}` }));
  return (
    <div className={styles.form} id={fieldId("contributions")} tabIndex={-1}>
      <p className="field__label">{t("fields.contributions")}</p>
      {error("contributions") ? <p className="field__error">{error("contributions")}</p> : null}
      {rows.length === 0 ? <p className="muted">{t("contribution.empty")}</p> : null}
      <ol className={styles.rows}>
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <li key={`${index}-${rows.length}`}>
              <fieldset className={styles.row}>
                <legend>{t("contribution.legend", { number })}</legend>
                <SelectInput id={fieldId(`contributions.${index}.projectId`)} label={t("contribution.project")} value={row.projectId} placeholder={t("form.choose")} options={projectOptions} error={error(`contributions.${index}.projectId`)} onChange={(projectId) => set(index, { projectId })} />
                <TextArea id={fieldId(`contributions.${index}.howContributed`)} label={t("contribution.how")} value={row.howContributed} rows={3} maxLength={LIMITS.mediumText} error={error(`contributions.${index}.howContributed`)} onChange={(howContributed) => set(index, { howContributed })} />
                <div>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      update({ contributions: rows.filter((_, i) => i !== index) });
                      focusLater(rows.length > 1 ? fieldId(`contributions.${Math.max(0, index - 1)}.projectId`) : "story-contributions-add");
                    }}
                  >
                    {t("contribution.remove", { number })}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          variant="secondary"
          id="story-contributions-add"
          disabled={rows.length >= LIMITS.contributions}
          onClick={() => {
            update({ contributions: [...rows, { projectId: "", howContributed: "" }] });
            focusLater(fieldId(`contributions.${rows.length}.projectId`));
          }}
        >
          {t("contribution.add")}
        </Button>
      </div>
    </div>
  );
}
