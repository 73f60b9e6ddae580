"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { setTwoFactorRequirement } from "@/lib/users/actions";
import { Section } from "@/components/ui/section";

/** The installation's "require two-factor sign-in" switch: a button with role="switch". */
export function TwoFactorSwitch({ required }: { required: boolean }) {
  const t = useTranslations("admin.twoFactor");
  const router = useRouter();
  const [value, setValue] = useState(required);
  const [status, setStatus] = useState<string | null>(null);
  const { submit, busy, formError } = useActionForm(setTwoFactorRequirement, {
    clearOnStart: true,
    onStart: () => setStatus(null),
    onSuccess: (data) => {
      setValue(data.required);
      setStatus(t(data.required ? "savedOn" : "savedOff"));
      router.refresh();
    },
  });

  return (
    <Section id="two-factor-title" title={t("title")}>
      <p className="muted" id="two-factor-intro">
        {t("intro")}
      </p>
      <div className="actions">
        <span id="two-factor-label" className="field__label">
          {t("label")}
        </span>
        <button
          type="button"
          role="switch"
          aria-checked={value}
          aria-labelledby="two-factor-label"
          aria-describedby="two-factor-intro"
          aria-busy={busy || undefined}
          disabled={busy}
          className={["button", value ? "button--primary" : "button--secondary"].join(" ")}
          onClick={() => submit({ required: !value })}
        >
          {value ? t("on") : t("off")}
        </button>
      </div>
      <p role="status" className="muted">
        {status}
      </p>
      <ActionError message={formError} />
    </Section>
  );
}
