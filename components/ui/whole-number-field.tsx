/**
 * A count typed in (people, minutes, planned interviews): the number keyboard on phones, whole
 * steps, and the schema's range, so the browser's arrows stay inside it. The forms are noValidate:
 * the server's schema still decides, and its message shows under the field.
 */
import type { ComponentProps } from "react";
import { Field } from "./field";

/** A whole-number input's own attributes, for a framed field or a bare input in a table's cell. */
export function wholeNumber(min: number, max: number) {
  return { type: "number", inputMode: "numeric", min, max, step: 1 } as const;
}

type WholeNumberFieldProps = Omit<ComponentProps<typeof Field>, "type" | "inputMode" | "min" | "max" | "step"> & {
  min: number;
  max: number;
};

export function WholeNumberField({ min, max, ...field }: WholeNumberFieldProps) {
  return <Field {...field} {...wholeNumber(min, max)} />;
}
