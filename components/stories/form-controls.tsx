/**
 * Labelled inputs for the story forms: every control has a visible label, its hint and error are
 * linked with aria-describedby, and an invalid control says so (aria-invalid). Controlled.
 */
import type { ReactNode } from "react";
import styles from "./stories.module.css";

type Common = {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
  requiredLabel?: string;
};

function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Label({ id, label, required, requiredLabel }: Common) {
  return (
    <label className="field__label" htmlFor={id}>
      {label}
      {required && requiredLabel ? <span className={styles.required}> ({requiredLabel})</span> : null}
    </label>
  );
}

function HintAndError({ id, hint, error, children }: Common & { children: ReactNode }) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextInput(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    maxLength?: number;
    type?: string;
    inputMode?: "numeric" | "decimal" | "text";
    lang?: string;
    placeholder?: string;
  },
) {
  const { id, hint, error, value, onChange, maxLength, type = "text", inputMode, lang, placeholder } = props;
  return (
    <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <Label {...props} />
      <HintAndError {...props}>
        <input
          id={id}
          className="field__input"
          type={type}
          value={value}
          maxLength={maxLength}
          inputMode={inputMode}
          lang={lang}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          aria-required={props.required || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </HintAndError>
    </div>
  );
}

export function TextArea(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    maxLength?: number;
    rows?: number;
    lang?: string;
  },
) {
  const { id, hint, error, value, onChange, maxLength, rows = 5, lang } = props;
  return (
    <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <Label {...props} />
      <HintAndError {...props}>
        <textarea
          id={id}
          className={`field__input ${styles.textarea}`}
          value={value}
          rows={rows}
          maxLength={maxLength}
          lang={lang}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          aria-required={props.required || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </HintAndError>
    </div>
  );
}

export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: Option[] };

export function SelectInput(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    options?: Option[];
    groups?: OptionGroup[];
    placeholder?: string;
  },
) {
  const { id, hint, error, value, onChange, options = [], groups = [], placeholder } = props;
  return (
    <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <Label {...props} />
      <HintAndError {...props}>
        <select
          id={id}
          className="field__input"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          aria-required={props.required || undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {groups.map((group) =>
            group.options.length ? (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </select>
      </HintAndError>
    </div>
  );
}

/** A group of radio buttons or checkboxes in a fieldset whose legend is the question. */
export function ChoiceGroup(props: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | null;
  type: "radio" | "checkbox";
  options: Option[];
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
  required?: boolean;
  requiredLabel?: string;
}) {
  const { id, legend, hint, error, type, options, selected, onToggle } = props;
  return (
    <fieldset
      className={[styles.choices, error ? styles.choicesInvalid : null].filter(Boolean).join(" ")}
      id={id}
      aria-describedby={describedBy(id, hint, error)}
      tabIndex={-1}
    >
      <legend className="field__label">
        {legend}
        {props.required && props.requiredLabel ? (
          <span className={styles.required}> ({props.requiredLabel})</span>
        ) : null}
      </legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className={styles.choiceList}>
        {options.map((option) => (
          <label key={option.value} className={styles.choice}>
            <input
              type={type}
              name={id}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(event) => onToggle(option.value, event.target.checked)}
            />{" "}
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
