"use client";

/**
 * Small pieces every administration and members form uses: turning zod issues and action results
 * into translated messages, and accessible checkbox groups, selects and checkboxes in the style
 * of components/ui/field.tsx (error under the control, linked with aria-describedby).
 */
import { useTranslations } from "next-intl";
import { useCallback, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";
import type { z } from "zod";
import type { ActionResult, FieldErrors } from "@/lib/actions";

export type { FieldErrors };

export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** A message key from a schema or action ("validation.emailInvalid") in the user's language. */
export function useMessage(): (key: string | undefined | null) => string | null {
  const t = useTranslations();
  return useCallback(
    (key: string | undefined | null) => {
      if (!key) return null;
      // Zod's own messages (a wrong type sent by hand) are not keys: show the generic one.
      const known = (t.has(key as Parameters<typeof t.has>[0]) ? key : "validation.invalid") as Parameters<typeof t>[0];
      return t(known);
    },
    [t],
  );
}

/** The first message for a field, translated. */
export function useFieldError(errors: FieldErrors) {
  const message = useMessage();
  return (field: string) => message(errors[field]?.[0]);
}

/** The form-level message for a failed result ("admin.errors.CODE"); null on success and field errors. */
export function failureKey(result: ActionResult<unknown>): string | null {
  if (result.ok) return null;
  if (result.error === "INVALID") return "admin.errors.INVALID";
  if (result.error === "REJECTED") return `admin.errors.${result.reason}`;
  return `admin.errors.${result.error}`;
}

/** Field errors of a failed result, including a rejection aimed at one field. */
export function resultFieldErrors(result: ActionResult<unknown>): FieldErrors {
  if (result.ok) return {};
  if (result.error === "INVALID") return result.fieldErrors;
  if (result.error === "REJECTED" && result.field) return { [result.field]: [`admin.errors.${result.reason}`] };
  return {};
}

/** Moves focus to the first field (in form order) that has an error. */
export function focusFirstInvalid(errors: FieldErrors, order: ReadonlyArray<readonly [field: string, elementId: string]>) {
  const first = order.find(([field]) => errors[field]?.length);
  if (first) document.getElementById(first[1])?.focus();
}

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
    <fieldset className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")} id={id} aria-describedby={describedBy} tabIndex={-1}>
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
              onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))
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
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { id: string; label: string; options: readonly Option[]; error?: string | null; ref?: Ref<HTMLSelectElement> }) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select {...select} ref={ref} id={id} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={errorId}>
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
        <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={hintId} /> <span className="field__label">{label}</span>
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A polite live region for "saved" messages; empty until there is something to say. */
export function StatusMessage({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <p className="status-message" role="status" id={id}>
      {children}
    </p>
  );
}
