import type { ReactNode } from "react";
import styles from "./respondents.module.css";

export type Choice = { value: string; label: string; description?: string };

type ChoiceGroupProps = {
  id: string;
  name: string;
  legend: string;
  type: "radio" | "checkbox";
  choices: Choice[];
  /** Checked values (uncontrolled: used as the initial state). */
  defaultValues?: readonly string[];
  hint?: string;
  error?: string | null;
  required?: boolean;
  /** Options side by side (short answers such as granted / not granted). */
  inline?: boolean;
  children?: ReactNode;
};

/** Radio buttons or checkboxes in a fieldset, with the hint and error read with each option. */
export function ChoiceGroup({
  id,
  name,
  legend,
  type,
  choices,
  defaultValues = [],
  hint,
  error,
  required,
  inline,
  children,
}: ChoiceGroupProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={[styles.choices, error ? styles.choicesInvalid : null].filter(Boolean).join(" ")}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className={[styles.options, inline ? styles.inline : null].filter(Boolean).join(" ")}>
        {choices.map((choice, index) => {
          const optionId = `${id}-${index}`;
          const descriptionId = choice.description ? `${optionId}-description` : undefined;
          return (
            <div key={choice.value} className={styles.option}>
              <input
                type={type}
                id={optionId}
                name={name}
                value={choice.value}
                defaultChecked={defaultValues.includes(choice.value)}
                required={required && type === "radio"}
                aria-invalid={error ? true : undefined}
                aria-describedby={[descriptionId, describedBy].filter(Boolean).join(" ") || undefined}
              />
              <label htmlFor={optionId}>
                {choice.label}
                {choice.description ? (
                  <span className={styles.optionDescription} id={descriptionId}>
                    {choice.description}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
      {children}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
