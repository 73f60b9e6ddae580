/** Fields of a filter form (server-rendered; plain inputs that a GET form submits). */
import { DateField } from "@/components/ui/date-field";
import { Field } from "@/components/ui/field";
import styles from "./data-table.module.css";

export type Option = { value: string; label: string };

export function SelectFilter({
  id,
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  id: string;
  name: string;
  label: string;
  value?: string | number;
  options: Option[];
  anyLabel?: string;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} className="field__input" defaultValue={value === undefined ? "" : String(value)}>
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DateFilter({ id, name, label, value }: { id: string; name: string; label: string; value?: string }) {
  return <DateField id={id} name={name} label={label} defaultValue={value} />;
}

export function SearchFilter({
  id,
  name,
  label,
  hint,
  value,
  maxLength,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value?: string;
  maxLength: number;
}) {
  return (
    <Field
      id={id}
      name={name}
      type="search"
      label={label}
      hint={hint}
      defaultValue={value ?? ""}
      maxLength={maxLength}
      autoComplete="off"
      className={styles.wide}
    />
  );
}
