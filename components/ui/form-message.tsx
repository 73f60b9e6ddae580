import type { Ref } from "react";

/**
 * Where a submit says how it went. A form's message sits on top and is always in the page, so
 * screen readers announce the text when it appears; the form names it in its aria-describedby.
 * A failure is an alert; a success (when the form stays on the page) a polite status. It takes
 * focus when a failure names no field (useActionForm's `messageRef`).
 */
export function FormError({
  id,
  message,
  done,
  ref,
}: {
  id?: string;
  message: string | null;
  done?: string | null;
  ref?: Ref<HTMLParagraphElement>;
}) {
  if (!message && done) {
    return (
      <p className="notice" role="status" id={id} ref={ref} tabIndex={-1}>
        {done}
      </p>
    );
  }
  return (
    <p className="form-error" role="alert" id={id} ref={ref} tabIndex={-1}>
      {message}
    </p>
  );
}

/** A button's message: under it, only when there is one. */
export function ActionError({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="field__error">
      {message}
    </p>
  ) : null;
}
