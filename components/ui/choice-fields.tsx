/**
 * Choices in the style of field.tsx (a group of checkboxes, a select, a single checkbox): hint and
 * error sit by the control and are linked to it with aria-describedby.
 */
import type { ReactNode, Ref, SelectHTMLAttributes } from "react";

type Option = { value: string; label: string };

export function CheckboxGroup({
  id,
  name,
  legend,
  hint,
  options,
  selected,
  onChange,
  error,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | null;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}
      id={id}
      aria-describedby={describedBy}
      tabIndex={-1}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {options.map((option, index) => (
        <label key={option.value} className="checkbox" htmlFor={`${id}-${index}`}>
          <input
            id={`${id}-${index}`}
            type="checkbox"
            name={name}
            value={option.value}
            checked={selected.includes(option.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value),
              )
            }
          />{" "}
          {option.label}
        </label>
      ))}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function SelectField({
  id,
  label,
  options,
  error,
  ref,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  id: string;
  label: string;
  options: readonly Option[];
  error?: string | null;
  ref?: Ref<HTMLSelectElement>;
}) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        {...select}
        ref={ref}
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CheckboxField({
  id,
  name,
  label,
  hint,
  defaultChecked,
}: {
  id: string;
  name: string;
  label: string;
  hint?: ReactNode;
  defaultChecked?: boolean;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={hintId} />{" "}
        <span className="field__label">{label}</span>
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
