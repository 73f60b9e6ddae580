/**
 * A calendar day, typed or picked, sent as "YYYY-MM-DD" whatever the browser's language: the
 * format every schema and the database expect. A stored Date or an ISO timestamp is shown as
 * its day (in UTC, as the server stores days), so an edit form can pass what it loaded.
 */
import type { ComponentProps } from "react";
import { Field } from "./field";

type DayValue = string | Date | null | undefined;

/** "2026-03-04T00:00:00.000Z", a Date or "2026-03-04" → "2026-03-04"; nothing → "". */
export function dayOf(value: DayValue): string {
  if (!value) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}

type DateFieldProps = Omit<ComponentProps<typeof Field>, "type" | "value" | "defaultValue" | "min" | "max"> & {
  value?: DayValue;
  defaultValue?: DayValue;
  /** The first and last day allowed (the browser's picker offers only these). */
  min?: DayValue;
  max?: DayValue;
};

export function DateField({ value, defaultValue, min, max, ...field }: DateFieldProps) {
  return (
    <Field
      {...field}
      type="date"
      {...(value !== undefined ? { value: dayOf(value) } : { defaultValue: dayOf(defaultValue) })}
      min={dayOf(min) || undefined}
      max={dayOf(max) || undefined}
    />
  );
}
