"use client";

/**
 * Submitting a fieldwork form: the server action checks the input with the kind's zod schema and
 * its answer is shown next to the fields in the user's language (the browser does not load zod,
 * decision 0034; the transcript field's counter warns before a too-long text is sent). Nothing
 * typed is lost on an error: the fields are uncontrolled and keep their values.
 */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions";
import { MAX_TRANSCRIPT_LENGTH } from "@/lib/excerpts/types";

export type FieldErrorMap = Record<string, string>;

type Options = {
  collect: (data: FormData) => Record<string, unknown>;
  submit: (values: Record<string, unknown>) => Promise<ActionResult<{ id: string; version: number }>>;
  onSaved: (saved: { id: string; version: number }) => void;
  /** A rejection's message when it needs more than its reason, e.g. which respondents. */
  describeRejection?: (reason: string) => string | null;
  /** Field names in the order they appear, for focusing the first error. */
  fieldOrder: string[];
  idPrefix: string;
};

export function useFieldworkForm(options: Options) {
  const t = useTranslations("fieldwork");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [formError, setFormError] = useState<string | null>(null);

  function translate(key: string | undefined): string {
    if (key === "errors.transcriptTooLong") return t("errors.transcriptTooLong", { max: MAX_TRANSCRIPT_LENGTH });
    return key && t.has(key as "errors.invalid") ? t(key as "errors.invalid") : t("errors.invalid");
  }

  function show(fieldErrors: Record<string, string[] | undefined>) {
    const shown: FieldErrorMap = {};
    for (const [field, messages] of Object.entries(fieldErrors)) {
      const name = field.split(".")[0] ?? field;
      if (messages?.length && !shown[name]) shown[name] = translate(messages[0]);
    }
    setErrors(shown);
    setFormError(t("form.fixErrors"));
    const first = options.fieldOrder.find((name) => shown[name]);
    if (first) focusField(`${options.idPrefix}-${first}`);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const values = options.collect(new FormData(event.currentTarget));
    setBusy(true);
    setFormError(null);
    try {
      const result = await options.submit(values);
      if (result.ok) {
        options.onSaved(result.data);
        return; // stay busy until the next page arrives
      }
      if (result.error === "INVALID") show(result.fieldErrors);
      else if (result.error === "REJECTED") {
        const message = options.describeRejection?.(result.reason) ?? translate(`rejections.${result.reason}`);
        if (result.field) {
          setErrors({ [result.field]: message });
          setFormError(t("form.fixErrors"));
          focusField(`${options.idPrefix}-${result.field}`);
        } else {
          setErrors({});
          setFormError(message);
        }
      } else {
        setErrors({});
        setFormError(t(`failures.${result.error}`));
      }
    } catch {
      setFormError(t("failures.UNEXPECTED"));
    }
    setBusy(false);
  }

  return { busy, errors, formError, handleSubmit };
}

/** Focuses a control, or the first control inside a group (a fieldset of checkboxes). */
function focusField(id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  const target = element.matches("input, select, textarea")
    ? element
    : element.querySelector<HTMLElement>("input, select, textarea");
  target?.focus();
}

/** The values of every checkbox named `name` that is checked. */
export function checked(data: FormData, name: string): string[] {
  return data.getAll(name).filter((value): value is string => typeof value === "string");
}

export function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}
