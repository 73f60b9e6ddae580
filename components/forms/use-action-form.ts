"use client";

/**
 * The one submit path for forms and buttons that call a server action: a busy flag (a second
 * submit while busy is ignored), the form's own zod check before anything is sent, and the
 * result's field errors and failure code turned into messages in the user's language, with focus
 * on the first field in error.
 */
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions";
import { fieldErrorsOf, type FieldErrors } from "@/lib/field-errors";

export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/** What a failure shows, as message keys: under each field, and on top of the form. */
export type FailureMessages = { fields: FieldErrors; form: string | null };

/** Field name → element id, in the order the fields appear. */
export type FieldOrder = ReadonlyArray<readonly [field: string, elementId: string]>;

/** The usual messages: field errors as sent, and "admin.errors.<code or reason>" on top. */
export function adminFailureMessages(failure: ActionFailure): FailureMessages {
  if (failure.error === "INVALID") return { fields: failure.fieldErrors, form: "admin.errors.INVALID" };
  if (failure.error === "REJECTED") {
    const key = `admin.errors.${failure.reason}`;
    return { fields: failure.field ? { [failure.field]: [key] } : {}, form: key };
  }
  return { fields: {}, form: `admin.errors.${failure.error}` };
}

type Options<R, P> = {
  /** The schema the server checks too: input that fails it is not sent. */
  schema?: z.ZodType<P>;
  /** Where focus goes after a failure: the first field in error of this list, or a function of the errors. */
  focus?: FieldOrder | ((fields: FieldErrors) => void);
  /** Buttons clear the last message when a new call starts; forms keep it until the answer replaces it. */
  clearOnStart?: boolean;
  /** After the check, just before the call. */
  onStart?: () => void;
  /** Gets the input as the schema returned it. */
  onSuccess?: (data: R, input: P) => void;
  /** The page is about to change: stay busy until it has. */
  busyAfterSuccess?: boolean;
  failureMessages?: (failure: ActionFailure) => FailureMessages;
  /** After the messages are shown, e.g. to reload what someone else saved meanwhile. */
  onFailure?: (failure: ActionFailure) => void;
};

/** A message key in the user's language; a key we do not know (zod's own message) reads as the generic one. */
function useMessage(): (key: string | undefined | null) => string | null {
  const t = useTranslations();
  return useCallback(
    (key: string | undefined | null) => {
      if (!key) return null;
      const known = (t.has(key as Parameters<typeof t.has>[0]) ? key : "validation.invalid") as Parameters<typeof t>[0];
      return t(known);
    },
    [t],
  );
}

export function useActionForm<I, R, P = I>(action: (input: I) => Promise<ActionResult<R>>, options: Options<R, P> = {}) {
  const message = useMessage();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function clear() {
    setFieldErrors({});
    setFormError(null);
  }

  function show(failure: ActionFailure, moveFocus = true) {
    const { fields, form } = (options.failureMessages ?? adminFailureMessages)(failure);
    setFieldErrors(fields);
    setFormError(message(form));
    if (!moveFocus || !options.focus) return;
    if (typeof options.focus === "function") return options.focus(fields);
    const first = options.focus.find(([field]) => fields[field]?.length);
    if (first) document.getElementById(first[1])?.focus();
  }

  async function submit(input: I): Promise<void> {
    if (busy) return;
    let checked = input as unknown as P;
    if (options.schema) {
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) return show({ ok: false, error: "INVALID", fieldErrors: fieldErrorsOf(parsed.error) });
      checked = parsed.data;
    }
    setBusy(true);
    if (options.clearOnStart) clear();
    options.onStart?.();
    let stayBusy = false;
    try {
      const result = await action(input);
      if (result.ok) {
        clear();
        options.onSuccess?.(result.data, checked);
        stayBusy = options.busyAfterSuccess ?? false;
      } else {
        show(result);
        options.onFailure?.(result);
      }
    } catch {
      show({ ok: false, error: "UNEXPECTED" }, false);
    } finally {
      if (!stayBusy) setBusy(false);
    }
  }

  const fieldError = (field: string) => message(fieldErrors[field]?.[0]);
  return { submit, busy, fieldError, formError, clear };
}
