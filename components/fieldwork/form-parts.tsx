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

/** A control's hint or error, with the id its aria-describedby points to; nothing when empty. */
function FieldNote({ id, kind, text }: { id: string; kind: "hint" | "error"; text?: string | null }) {
  return text ? (
    <p className={`field__${kind}`} id={`${id}-${kind}`}>
      {text}
    </p>
  ) : null;
}

type Common = { id: string; label: string; hint?: string | null; error?: string | null; required?: boolean };

/** The frame every single control shares: label, hint above, the control, error below. */
function FieldFrame({ id, label, hint, error, children }: Common & { children: ReactNode }) {
  return (
    <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldNote id={id} kind="hint" text={hint} />
      {children}
      <FieldNote id={id} kind="error" text={error} />
    </div>
  );
}

/** How a control says it is invalid and where its hint and error are. */
function controlAria(id: string, hint?: string | null, error?: string | null) {
  return { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) };
}

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
}: Common & {
  name: string;
  defaultValue?: string | null;
  options: Array<{ value: string; label: string; lang?: string }>;
  emptyLabel?: string;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        className="field__input"
        defaultValue={defaultValue ?? ""}
        required={required}
        {...controlAria(id, hint, error)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
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
}: Common & {
  name: string;
  defaultValue?: string | null;
  rows?: number;
  maxLength?: number;
  ref?: Ref<HTMLTextAreaElement>;
  lang?: string;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        ref={ref}
        id={id}
        name={name}
        rows={rows}
        lang={lang}
        maxLength={maxLength}
        className={["field__input", styles.textarea].join(" ")}
        defaultValue={defaultValue ?? ""}
        {...controlAria(id, hint, error)}
      />
    </FieldFrame>
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
        aria-describedby={[describedBy(id, hint, error), `${id}-count`].filter(Boolean).join(" ")}
      />
      <p id={`${id}-count`} className={over ? "field__error" : "field__hint"}>
        {counter(count)}
      </p>
    </FieldFrame>
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
      <FieldNote id={id} kind="hint" text={hint} />
      <FieldNote id={id} kind="error" text={error} />
      {filterLabel ? (
        <div className={["field", styles.filter].join(" ")}>
          <label className="field__label" htmlFor={`${id}-filter`}>
            {filterLabel}
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            className="field__input"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
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
              <input
                id={inputId}
                type="checkbox"
                name={name}
                value={choice.value}
                defaultChecked={initial.has(choice.value)}
              />{" "}
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
