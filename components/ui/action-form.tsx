import type { FormEvent, ReactNode, Ref } from "react";
import { FormError } from "./form-message";
import { SubmitButton } from "./submit-button";

/** What a form needs from useActionForm to show its message and let the hook move focus. */
export type FormHandle = {
  formRef: Ref<HTMLFormElement>;
  messageRef: Ref<HTMLParagraphElement>;
  formError: string | null;
};

type ActionFormProps = {
  form: FormHandle;
  /** The id of the message on top, which the form names in its aria-describedby. */
  messageId: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Before the message: a heading that names the form (give its id as `aria-labelledby`). */
  heading?: ReactNode;
  "aria-labelledby"?: string;
  className?: string;
  /** A success that keeps the form on the page, said where a failure would be. */
  done?: string | null;
  children: ReactNode;
};

/**
 * A form sent by a server action through useActionForm: posted (so a press before the script runs
 * puts nothing in the address), checked by the server rather than the browser, with its message on
 * top where screen readers hear it and the hook can put the focus.
 */
export function ActionForm({
  form,
  messageId,
  onSubmit,
  heading,
  className = "form",
  done,
  children,
  ...labelledBy
}: ActionFormProps) {
  return (
    <form
      method="post"
      ref={form.formRef}
      className={className}
      noValidate
      onSubmit={onSubmit}
      aria-describedby={messageId}
      {...labelledBy}
    >
      {heading}
      <FormError id={messageId} message={form.formError} done={done} ref={form.messageRef} />
      {children}
    </form>
  );
}

type TitledFormProps = {
  /** `${id}-title` names the form (and its section), `${id}-error` is its message. */
  id: string;
  title: string;
  form: FormHandle & { busy: boolean };
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  busyLabel: string;
  /** The way back of an edit form opened in place of its record. */
  cancel?: { label: string; onClick: () => void };
  children: ReactNode;
};

/** Heading, message, fields (children), submit button; the heading at the level its place asks for. */
function TitledForm({
  id,
  title,
  form,
  onSubmit,
  submitLabel,
  busyLabel,
  cancel,
  children,
  level,
}: TitledFormProps & { level: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <ActionForm
      form={form}
      messageId={`${id}-error`}
      onSubmit={onSubmit}
      aria-labelledby={`${id}-title`}
      heading={<Heading id={`${id}-title`}>{title}</Heading>}
    >
      {children}
      <SubmitButton busy={form.busy} busyLabel={busyLabel} cancel={cancel}>
        {submitLabel}
      </SubmitButton>
    </ActionForm>
  );
}

/** A page section that is one titled form (the places' add forms). */
export function FormSection(props: TitledFormProps) {
  return (
    <section className="section" aria-labelledby={`${props.id}-title`}>
      <TitledForm {...props} level={2} />
    </section>
  );
}

/**
 * A form that adds a record to a list, or edits one in its place: its title is a level below the
 * list's, and an edit form has a button back to the record.
 */
export function RecordForm(props: TitledFormProps) {
  return <TitledForm {...props} level={3} />;
}
