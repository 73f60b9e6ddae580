"use client";

/**
 * The one submit path for forms and buttons that call a server action: a busy flag (a second
 * submit while busy is ignored), the server's answer turned into messages in the user's language
 * (field errors from its zod result next to their fields, one message on top), and focus on the
 * first field in error.
 *
 * The browser does not run the schema itself: zod would add about 30 kB to every form page
 * (decision 0034). The action checks the input with the form's schema and sends each issue back
 * by field path, which is what the form shows.
 */
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions";
import type { FieldErrors } from "@/lib/field-errors";

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

type Options<I, R> = {
  /**
   * Where focus goes after a failure: the first field in error of this list, or a function of the
   * errors. Without it, the first control marked aria-invalid inside `formRef`, else the form's
   * message (`messageRef`).
   */
  focus?: FieldOrder | ((fields: FieldErrors) => void);
  /** Buttons clear the last message when a new call starts; forms keep it until the answer replaces it. */
  clearOnStart?: boolean;
  /** Just before the call. */
  onStart?: () => void;
  /**
   * Gets what the form sent. Actions take `unknown` (their schema decides), so a form names the
   * shape it sent on this parameter (method syntax lets it narrow).
   */
  onSuccess?(data: R, input: NoInfer<I>): void;
  /** The page is about to change: stay busy until it has. */
  busyAfterSuccess?: boolean;
  failureMessages?: (failure: ActionFailure) => FailureMessages;
  /** After the messages are shown, e.g. to reload what someone else saved meanwhile. */
  onFailure?: (failure: ActionFailure) => void;
  /**
   * Values for the placeholders of this failure's messages ("{max, number}", "{codes}"), worked
   * out when the failure arrives (which respondents could not be added).
   */
  messageValues?: (failure: ActionFailure) => MessageValues;
};

export type MessageValues = Record<string, string | number>;

/** A message key in the user's language; a key we do not know (zod's own message) reads as the generic one. */
function useMessage(values: MessageValues): (key: string | undefined | null) => string | null {
  const t = useTranslations();
  return useCallback(
    (key: string | undefined | null) => {
      if (!key) return null;
      const known = (t.has(key as Parameters<typeof t.has>[0]) ? key : "validation.invalid") as Parameters<typeof t>[0];
      return t(known, values);
    },
    [t, values],
  );
}

/** A control, or the first control inside a group (a fieldset of checkboxes or radios). */
export function focusControl(element: Element | null) {
  if (!(element instanceof HTMLElement)) return;
  const target = element.matches("input, select, textarea, button")
    ? element
    : element.querySelector<HTMLElement>("input, select, textarea");
  (target ?? element).focus();
}

export function useActionForm<I, R>(action: (input: I) => Promise<ActionResult<R>>, options: Options<I, R> = {}) {
  const [messageValues, setMessageValues] = useState<MessageValues>({});
  const message = useMessage(messageValues);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // A message key: translated when shown, with the values of the failure that brought it.
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // Counts failures that move focus; the effect runs once the errors are in the page.
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = formRef.current?.querySelector('[aria-invalid="true"]') ?? null;
    focusControl(invalid ?? messageRef.current);
  }, [focusRequest]);

  function clear() {
    setFieldErrors({});
    setFormError(null);
  }

  function show(failure: ActionFailure, moveFocus = true) {
    const { fields, form } = (options.failureMessages ?? adminFailureMessages)(failure);
    const values = options.messageValues?.(failure) ?? {};
    setMessageValues(values);
    setFieldErrors(fields);
    setFormError(form);
    if (!moveFocus) return;
    if (!options.focus) return setFocusRequest((count) => count + 1);
    if (typeof options.focus === "function") return options.focus(fields);
    const first = options.focus.find(([field]) => fields[field]?.length);
    if (first) focusControl(document.getElementById(first[1]));
  }

  async function submit(input: I): Promise<void> {
    if (busy) return;
    setBusy(true);
    if (options.clearOnStart) clear();
    options.onStart?.();
    let stayBusy = false;
    try {
      const result = await action(input);
      if (result.ok) {
        clear();
        options.onSuccess?.(result.data, input);
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

  /**
   * A form's onSubmit: the page stays (no browser post) and the action gets what `read` makes of
   * the form's fields (uncontrolled forms) or of the component's state (controlled ones).
   */
  const handleSubmit = (read: (data: FormData) => I) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit(read(new FormData(event.currentTarget)));
  };

  const fieldError = (field: string) => message(fieldErrors[field]?.[0]);
  /** For one control holding a list: its own message or the first about an item ("atRiskGroupIds.1"). */
  const listError = (field: string) =>
    fieldError(field) ?? message(Object.entries(fieldErrors).find(([path]) => path.startsWith(`${field}.`))?.[1][0]);
  return {
    submit,
    handleSubmit,
    busy,
    fieldError,
    listError,
    formError: message(formError),
    /** The keys as the failure gave them, for a form that words a field's message itself. */
    fieldErrors,
    clear,
    formRef,
    messageRef,
  };
}
