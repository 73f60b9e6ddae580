/**
 * One-line and multi-line text. Either uncontrolled (`name`, `defaultValue`: FormData reads it) or
 * controlled (`value` with `onValueChange`, which gets the text rather than the event).
 */
import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from "react";
import { FieldFrame, controlAria, type FrameProps } from "./field-frame";
import styles from "./fields.module.css";

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> &
  FrameProps & { ref?: Ref<HTMLInputElement>; onValueChange?: (value: string) => void };

export function Field({
  id,
  label,
  error,
  hint,
  requiredLabel,
  className,
  ref,
  onValueChange,
  onChange,
  ...input
}: FieldProps) {
  return (
    <FieldFrame
      {...{ id, label, hint, error, requiredLabel, className }}
      required={input.required || input["aria-required"] === true}
    >
      <input
        {...input}
        ref={ref}
        id={id}
        className="field__input"
        {...controlAria(id, hint, error)}
        onChange={onValueChange ? (event) => onValueChange(event.target.value) : onChange}
      />
    </FieldFrame>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> &
  FrameProps & { ref?: Ref<HTMLTextAreaElement>; onValueChange?: (value: string) => void };

export function TextAreaField({
  id,
  label,
  error,
  hint,
  requiredLabel,
  className,
  ref,
  onValueChange,
  onChange,
  rows = 5,
  ...textarea
}: TextAreaProps) {
  return (
    <FieldFrame
      {...{ id, label, hint, error, requiredLabel, className }}
      required={textarea.required || textarea["aria-required"] === true}
    >
      <textarea
        {...textarea}
        ref={ref}
        id={id}
        rows={rows}
        className={`field__input ${styles.textarea}`}
        {...controlAria(id, hint, error)}
        onChange={onValueChange ? (event) => onValueChange(event.target.value) : onChange}
      />
    </FieldFrame>
  );
}
