/**
 * Where a failed submit says what went wrong (role="alert"). A form's message sits on top and is
 * always in the page, so screen readers announce the text when it appears; the form names it in
 * its aria-describedby. A button's message appears under it only when there is one.
 */
export function FormError({ id, message }: { id?: string; message: string | null }) {
  return (
    <p className="form-error" role="alert" id={id}>
      {message}
    </p>
  );
}

export function ActionError({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="field__error">
      {message}
    </p>
  ) : null;
}
