/**
 * The earlier names and props of the story form's controls (`onChange` gets the value,
 * `required` marks the label without the browser's own check), over the form kit in
 * components/ui. Only the validation forms still import them; they move to the kit itself
 * (TextAreaField, RadioGroup, CheckboxGroup) with their own change, and this file goes then.
 */
import type { ComponentProps } from "react";
import { CheckboxGroup, SelectField, type Option, type OptionGroup } from "@/components/ui/choice-fields";
import { Field, TextAreaField } from "@/components/ui/field";
import { RadioGroup } from "@/components/ui/radio-group";

export type { Option, OptionGroup };

type ValueProps<P> = Omit<P, "onChange" | "onValueChange" | "value" | "required"> & {
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
};

export function TextInput({ onChange, required, ...props }: ValueProps<ComponentProps<typeof Field>>) {
  return <Field {...props} aria-required={required || undefined} onValueChange={onChange} />;
}

export function TextArea({ onChange, required, ...props }: ValueProps<ComponentProps<typeof TextAreaField>>) {
  return <TextAreaField {...props} aria-required={required || undefined} onValueChange={onChange} />;
}

export function SelectInput({ onChange, required, ...props }: ValueProps<ComponentProps<typeof SelectField>>) {
  return <SelectField {...props} aria-required={required || undefined} onValueChange={onChange} />;
}

export function ChoiceGroup({
  type,
  selected,
  onToggle,
  ...group
}: Omit<ComponentProps<typeof CheckboxGroup>, "selected" | "onChange" | "defaultValues" | "filterLabel"> & {
  type: "radio" | "checkbox";
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
}) {
  if (type === "radio") {
    return <RadioGroup {...group} value={selected[0] ?? null} onChange={(value) => onToggle(value, true)} />;
  }
  return (
    <CheckboxGroup
      {...group}
      selected={selected}
      onChange={(values) => {
        const added = values.find((value) => !selected.includes(value));
        const removed = selected.find((value) => !values.includes(value));
        if (added !== undefined) onToggle(added, true);
        else if (removed !== undefined) onToggle(removed, false);
      }}
    />
  );
}
