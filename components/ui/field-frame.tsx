/**
 * The frame every control of the form kit shares: a visible label (or a legend for a group), a
 * hint above the control, the error under it, both linked to the control with aria-describedby,
 * and aria-invalid on the control while it has an error. One frame, so every form reads the same
 * to a screen reader and useActionForm can find the first field in error.
 */
import type { ChangeEvent, ChangeEventHandler, ReactNode } from "react";
import styles from "./fields.module.css";

export type FrameProps = {
  id: string;
  label: string;
  /** Shown above the control and read with it. */
  hint?: ReactNode;
  /** Shown under the control and read with it; the control is marked invalid while there is one. */
  error?: string | null;
  /** Says "(required)" after the label when given together with `required`. */
  requiredLabel?: string;
};

/** The ids of the hint and the error of control `id` that are on the page, for aria-describedby. */
export function describedBy(id: string, hint?: ReactNode, error?: string | null, ...more: string[]) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null, ...more].filter(Boolean).join(" ") || undefined;
}

/** What a control says about itself: invalid or not, and where its hint and error are. */
export function controlAria(id: string, hint?: ReactNode, error?: string | null) {
  return { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) } as const;
}

/** A control's hint or error, with the id aria-describedby points to; nothing when empty. */
export function FieldNote({ id, kind, text }: { id: string; kind: "hint" | "error"; text?: ReactNode }) {
  return text ? (
    <p className={`field__${kind}`} id={`${id}-${kind}`}>
      {text}
    </p>
  ) : null;
}

export function RequiredMark({ required, label }: { required?: boolean; label?: string }) {
  return required && label ? <span className={styles.required}> ({label})</span> : null;
}

/** Label, hint, the control (children), error. */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  required,
  requiredLabel,
  className,
  children,
}: FrameProps & { required?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={["field", error ? "field--invalid" : null, className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        {label}
        <RequiredMark required={required} label={requiredLabel} />
      </label>
      <FieldNote id={id} kind="hint" text={hint} />
      {children}
      <FieldNote id={id} kind="error" text={error} />
    </div>
  );
}

type TextControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** What every field of the kit takes besides its control's own attributes. */
type FramedProps<E extends TextControl> = FrameProps & {
  className?: string;
  required?: boolean;
  "aria-required"?: boolean | "true" | "false";
  /** Gets the value rather than the event (a controlled field). */
  onValueChange?: (value: string) => void;
  onChange?: ChangeEventHandler<E>;
};

/**
 * A field's props split between its frame and its control (an input, a textarea or a select):
 * the frame marks it required when the control is, and the control gets the id, the frame's
 * hint and error as aria, and `onValueChange` as its change handler.
 */
export function framed<E extends TextControl, P extends FramedProps<E>>(props: P, controlClass = "field__input") {
  const { id, label, hint, error, requiredLabel, className, onValueChange, onChange, ...control } = props;
  const required = props.required || props["aria-required"] === true;
  return {
    frame: { id, label, hint, error, requiredLabel, className, required },
    control: {
      ...control,
      id,
      className: controlClass,
      ...controlAria(id, hint, error),
      onChange: onValueChange ? (event: ChangeEvent<E>) => onValueChange(event.target.value) : onChange,
    },
  };
}
