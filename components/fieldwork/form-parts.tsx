"use client";

/**
 * Accessible pieces of the fieldwork forms: every control has a label, its hint and error are
 * linked with aria-describedby, and errors sit next to the control they are about.
 */
import { useLayoutEffect, useRef, useState, type ReactNode, type Ref } from "react";
import styles from "./fieldwork.module.css";

function describedBy(id: string, hint?: string | null, error?: string | null) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, hint }: { id: string; hint?: string | null }) {
  return hint ? (
    <p className="field__hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error?: string | null }) {
  return error ? (
    <p className="field__error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

type Common = { id: string; label: string; hint?: string | null; error?: string | null; required?: boolean };

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  name,
  defaultValue,
  options,
  emptyLabel,
}: Common & { name: string; defaultValue?: string | null; options: Array<{ value: string; label: string; lang?: string }>; emptyLabel?: string }) {
  return (
    <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <select
        id={id}
        name={name}
        className="field__input"
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  name,
  defaultValue,
  rows = 4,
  maxLength,
  ref,
  lang,
}: Common & { name: string; defaultValue?: string | null; rows?: number; maxLength?: number; ref?: Ref<HTMLTextAreaElement>; lang?: string }) {
  return (
    <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <textarea
        ref={ref}
        id={id}
        name={name}
        rows={rows}
        lang={lang}
        maxLength={maxLength}
        className={["field__input", styles.textarea].join(" ")}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

/**
 * A long text (a transcript) in an uncontrolled textarea: typing never re-renders its content,
 * only the small counter under it, which is read from the element.
 */
export function TranscriptField({
  id,
  label,
  hint,
  error,
  name,
  defaultValue,
  max,
  counter,
}: Common & {
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
    <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
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
        aria-describedby={[describedBy(id, hint, error), `${id}-count`].filter(Boolean).join(" ")}
      />
      <p id={`${id}-count`} className={over ? "field__error" : "field__hint"}>
        {counter(count)}
      </p>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export type Choice = { value: string; label: ReactNode; note?: string | null; searchText?: string };

/** A group of checkboxes; the error is linked to the group and shown under its legend. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  name,
  choices,
  defaultValues,
  filterLabel,
  emptyLabel,
}: {
  id: string;
  legend: string;
  hint?: string | null;
  error?: string | null;
  name: string;
  choices: Choice[];
  defaultValues: readonly string[];
  /** When set, a text box that narrows the list (for long lists such as respondents). */
  filterLabel?: string;
  emptyLabel?: string;
}) {
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLocaleLowerCase();
  const initial = new Set(defaultValues);
  return (
    <fieldset
      id={id}
      className={[styles.group, error ? styles.groupInvalid : null].filter(Boolean).join(" ")}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field__label">{legend}</legend>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
      {filterLabel ? (
        <div className={["field", styles.filter].join(" ")}>
          <label className="field__label" htmlFor={`${id}-filter`}>
            {filterLabel}
          </label>
          <input id={`${id}-filter`} type="search" className="field__input" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </div>
      ) : null}
      {choices.length === 0 && emptyLabel ? <p className="muted">{emptyLabel}</p> : null}
      <ul className={styles.choices}>
        {choices.map((choice) => {
          const hidden = needle !== "" && !(choice.searchText ?? "").toLocaleLowerCase().includes(needle);
          const inputId = `${id}-${choice.value}`;
          return (
            // Hidden, not removed: a checked box filtered out of view is still submitted.
            <li key={choice.value} hidden={hidden}>
              <input id={inputId} type="checkbox" name={name} value={choice.value} defaultChecked={initial.has(choice.value)} />{" "}
              <label htmlFor={inputId}>
                {choice.label}
                {choice.note ? <span className={styles.choiceNote}> ({choice.note})</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
