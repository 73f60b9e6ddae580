import type { ComponentProps } from "react";
import { Field } from "./field";
import { EMAIL_MAX } from "@/lib/users/types";

/** An e-mail address: the e-mail keyboard on phones, no spell-check, no automatic capitals. */
export function EmailField(props: Omit<ComponentProps<typeof Field>, "type">) {
  return (
    <Field
      type="email"
      inputMode="email"
      spellCheck={false}
      autoCapitalize="none"
      required
      maxLength={EMAIL_MAX}
      {...props}
    />
  );
}
