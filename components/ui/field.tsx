/**
 * One-line and multi-line text. Either uncontrolled (`name`, `defaultValue`: FormData reads it) or
 * controlled (`value` with `onValueChange`, which gets the text rather than the event).
 */
import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from "react";
import { FieldFrame, framed, type FrameProps } from "./field-frame";
import styles from "./fields.module.css";

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> &
  FrameProps & { ref?: Ref<HTMLInputElement>; onValueChange?: (value: string) => void };

export function Field(props: FieldProps) {
  const { frame, control } = framed<HTMLInputElement, FieldProps>(props);
  return (
    <FieldFrame {...frame}>
      <input {...control} />
    </FieldFrame>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> &
  FrameProps & { ref?: Ref<HTMLTextAreaElement>; onValueChange?: (value: string) => void };

export function TextAreaField({ rows = 5, ...props }: TextAreaProps) {
  const { frame, control } = framed<HTMLTextAreaElement, TextAreaProps>(props, `field__input ${styles.textarea}`);
  return (
    <FieldFrame {...frame}>
      <textarea {...control} rows={rows} />
    </FieldFrame>
  );
}
