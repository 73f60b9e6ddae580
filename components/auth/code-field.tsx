import type { ComponentProps } from "react";
import { Field } from "@/components/ui/field";

/** The 6-digit code from an authenticator app (spaces and dashes allowed, hence 9 characters). */
export function CodeField(props: Omit<ComponentProps<typeof Field>, "name" | "type">) {
  return (
    <Field
      name="code"
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      required
      maxLength={9}
      {...props}
    />
  );
}
