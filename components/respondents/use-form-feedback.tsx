"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type Ref } from "react";
import type { ActionResult } from "@/lib/actions";

type Translator = ReturnType<typeof useTranslations<"respondents">>;

/** A message key from the server ("errors.required") in the user's language; unknown keys read as "not valid". */
export function translateErrorKey(t: Translator, key: string): string {
  return t.has(key as "errors.invalid") ? t(key as "errors.invalid") : t("errors.invalid");
}

/** "atRiskGroupIds.1" → "atRiskGroupIds"; "scopes.INTERVIEW" stays, since each scope has its own control. */
function fieldOf(path: string): string {
  const [first, second] = path.split(".");
  return first === "scopes" && second ? `${first}.${second}` : (first ?? "_form");
}

/**
 * Errors of a form that calls a server action: field errors shown next to their field, one
 * summary on top, and focus moved to the first field in error (or the summary) after a refusal.
 */
export function useFormFeedback() {
  const t = useTranslations("respondents");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? summaryRef.current)?.focus();
  }, [focusRequest]);

  function fail(errors: Record<string, string>, summary: string) {
    setFieldErrors(errors);
    setFormError(summary);
    setFocusRequest((count) => count + 1);
  }

  /** True when the action succeeded; otherwise shows why and returns false. */
  function accept<T>(result: ActionResult<T>): result is { ok: true; data: T } {
    if (result.ok) {
      setFieldErrors({});
      setFormError(null);
      return true;
    }
    if (result.error === "INVALID") {
      const errors: Record<string, string> = {};
      for (const [path, keys] of Object.entries(result.fieldErrors)) {
        const field = fieldOf(path);
        errors[field] ??= translateErrorKey(t, keys[0] ?? "errors.invalid");
      }
      fail(errors, t("errors.summary"));
    } else if (result.error === "REJECTED") {
      const message = translateErrorKey(t, result.reason);
      if (result.field) fail({ [result.field]: message }, t("errors.summary"));
      else fail({}, message);
    } else {
      fail({}, t(`errors.failure.${result.error}`));
    }
    return false;
  }

  function unexpected() {
    fail({}, t("errors.failure.UNEXPECTED"));
  }

  return {
    formRef,
    summaryRef,
    formError,
    accept,
    unexpected,
    errorFor: (field: string): string | null => fieldErrors[field] ?? null,
  };
}

/** The summary line on top of a form; focusable so a refusal can move focus to it. */
export function FormSummary({
  id,
  message,
  summaryRef,
}: {
  id: string;
  message: string | null;
  summaryRef: Ref<HTMLParagraphElement>;
}) {
  return (
    <p className="form-error" role="alert" id={id} ref={summaryRef} tabIndex={-1}>
      {message}
    </p>
  );
}
