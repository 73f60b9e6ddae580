"use client";

/**
 * One answer out of a few, as round buttons in a fieldset whose legend is the question: controlled
 * (`value` with `onChange`) or uncontrolled (`defaultValue`, read from FormData under `name`).
 * Arrow keys move between the buttons (the browser's own radio behaviour, since they share a name).
 * A required answer is `required` on each button, which is how a screen reader learns it (a
 * fieldset's group role cannot carry aria-required); the forms are noValidate, so the browser
 * leaves the check to the server.
 */
import { ChoiceInput, GroupFrame, type Choice, type GroupProps } from "./choice-fields";
import styles from "./fields.module.css";

export function RadioGroup(
  props: GroupProps & {
    options: readonly Choice[];
    value?: string | null;
    onChange?: (value: string) => void;
    defaultValue?: string | null;
  },
) {
  const { options, value, onChange, error } = props;
  const controlled = value !== undefined;
  return (
    <GroupFrame {...props} empty={options.length === 0}>
      <ul className={styles.choices}>
        {options.map((choice) => (
          <ChoiceInput
            key={choice.value}
            type="radio"
            name={props.name ?? props.id}
            choice={choice}
            invalid={Boolean(error)}
            required={props.required}
            {...(controlled
              ? { checked: value === choice.value, onChange: (checked: boolean) => checked && onChange?.(choice.value) }
              : { defaultChecked: props.defaultValue === choice.value })}
          />
        ))}
      </ul>
    </GroupFrame>
  );
}
