"use client";

/**
 * Choices in the kit's frame (field-frame.tsx): a select, a group of checkboxes, a single
 * checkbox. Hint and error sit by the control and are linked to it with aria-describedby; every
 * box of an invalid group is marked invalid, so useActionForm focuses the first.
 */
import { useState, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";
import { FieldFrame, FieldNote, RequiredMark, controlAria, describedBy, framed, type FrameProps } from "./field-frame";
import styles from "./fields.module.css";

export type Option = { value: string; label: string; lang?: string };
export type OptionGroup = { label: string; options: readonly Option[] };
/** A choice in a group: its label may hold markup, a note shows after it (e.g. why it is unavailable). */
export type Choice = { value: string; label: ReactNode; note?: string | null; searchText?: string };

function OptionList({ options }: { options: readonly Option[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value} lang={option.lang}>
      {option.label}
    </option>
  ));
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "placeholder"> &
  FrameProps & {
    options?: readonly Option[];
    /** Options under headings; an empty group is left out. */
    groups?: readonly OptionGroup[];
    /** The label of an empty first option ("Choose…"), when choosing nothing is allowed or the start. */
    placeholder?: string;
    ref?: Ref<HTMLSelectElement>;
    onValueChange?: (value: string) => void;
  };

export function SelectField({ options = [], groups = [], placeholder, ...props }: SelectFieldProps) {
  const { frame, control } = framed<HTMLSelectElement, Omit<SelectFieldProps, "options" | "groups" | "placeholder">>(
    props,
  );
  return (
    <FieldFrame {...frame}>
      <select {...control}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        <OptionList options={options} />
        {groups.map((group) =>
          group.options.length ? (
            <optgroup key={group.label} label={group.label}>
              <OptionList options={group.options} />
            </optgroup>
          ) : null,
        )}
      </select>
    </FieldFrame>
  );
}

export type GroupProps = {
  id: string;
  /** The boxes' name in FormData; the group's id when not given. */
  name?: string;
  legend: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  requiredLabel?: string;
  /** Shown instead of the list when there is nothing to choose. */
  emptyLabel?: string;
};

/** A fieldset whose legend is the question, with its hint and error under the legend. */
export function GroupFrame({
  id,
  legend,
  hint,
  error,
  required,
  requiredLabel,
  emptyLabel,
  empty,
  children,
}: Omit<GroupProps, "name"> & { empty: boolean; children: ReactNode }) {
  return (
    <fieldset
      id={id}
      className={[styles.group, error ? styles.groupInvalid : null].filter(Boolean).join(" ")}
      aria-describedby={describedBy(id, hint, error)}
      tabIndex={-1}
    >
      <legend className="field__label">
        {legend}
        <RequiredMark required={required} label={requiredLabel} />
      </legend>
      <FieldNote id={id} kind="hint" text={hint} />
      <FieldNote id={id} kind="error" text={error} />
      {empty && emptyLabel ? <p className="muted">{emptyLabel}</p> : null}
      {children}
    </fieldset>
  );
}

/**
 * One box or round button of a group, inside its label: clicking the words picks it, and the
 * words name it without an id to keep unique across the page.
 */
export function ChoiceInput({
  type,
  name,
  choice,
  invalid,
  hidden,
  required,
  ...state
}: {
  type: "checkbox" | "radio";
  name: string;
  choice: Choice;
  invalid: boolean;
  hidden?: boolean;
  required?: boolean;
  checked?: boolean;
  defaultChecked?: boolean;
  onChange?: (checked: boolean) => void;
}) {
  return (
    // Hidden, not removed: a checked box filtered out of view is still submitted.
    <li hidden={hidden}>
      <label className={styles.choice}>
        <input
          type={type}
          name={name}
          value={choice.value}
          checked={state.checked}
          defaultChecked={state.defaultChecked}
          required={required}
          aria-invalid={invalid || undefined}
          onChange={state.onChange ? (event) => state.onChange!(event.target.checked) : undefined}
        />{" "}
        <span>
          {choice.label}
          {choice.note ? <span className={styles.choiceNote}> ({choice.note})</span> : null}
        </span>
      </label>
    </li>
  );
}

/**
 * Checkboxes: controlled (`selected` with `onChange`) or uncontrolled (`defaultValues`, read from
 * FormData under `name`). A long list can bring a filter box (`filterLabel`) matching `searchText`.
 */
export function CheckboxGroup(
  props: GroupProps & {
    options: readonly Choice[];
    selected?: readonly string[];
    onChange?: (values: string[]) => void;
    defaultValues?: readonly string[];
    filterLabel?: string;
  },
) {
  const { id, options, selected, onChange, filterLabel, error } = props;
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLocaleLowerCase();
  const initial = new Set(props.defaultValues ?? []);
  return (
    <GroupFrame {...props} empty={options.length === 0}>
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
      <ul className={[styles.choices, filterLabel ? styles.long : null].filter(Boolean).join(" ")}>
        {options.map((choice) => (
          <ChoiceInput
            key={choice.value}
            type="checkbox"
            name={props.name ?? id}
            choice={choice}
            invalid={Boolean(error)}
            hidden={needle !== "" && !(choice.searchText ?? "").toLocaleLowerCase().includes(needle)}
            {...(selected
              ? {
                  checked: selected.includes(choice.value),
                  onChange: (checked: boolean) =>
                    onChange?.(
                      checked ? [...selected, choice.value] : selected.filter((value) => value !== choice.value),
                    ),
                }
              : { defaultChecked: initial.has(choice.value) })}
          />
        ))}
      </ul>
    </GroupFrame>
  );
}

/** One yes-or-no box with its label beside it. */
export function CheckboxField({
  id,
  name,
  label,
  hint,
  error,
  checked,
  defaultChecked,
  onChange,
}: {
  id: string;
  name?: string;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  checked?: boolean;
  defaultChecked?: boolean;
  onChange?: (checked: boolean) => void;
}) {
  return (
    <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name={name}
          checked={checked}
          defaultChecked={defaultChecked}
          onChange={onChange ? (event) => onChange(event.target.checked) : undefined}
          {...controlAria(id, hint, error)}
        />{" "}
        <span className="field__label">{label}</span>
      </label>
      <FieldNote id={id} kind="hint" text={hint} />
      <FieldNote id={id} kind="error" text={error} />
    </div>
  );
}
