"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { totpCodeSchema } from "@/lib/auth/schema";
import { confirmTwoFactorSetupAction, disableTwoFactorAction } from "@/lib/auth/two-factor-actions";

type Mode = "confirm" | "disable";

const rejectionMessage: Record<string, "errors.codeRejected" | "errors.tooManyAttempts" | "errors.requiredByInstallation"> = {
  CODE_INVALID: "errors.codeRejected",
  TOO_MANY_ATTEMPTS: "errors.tooManyAttempts",
  REQUIRED_BY_INSTALLATION: "errors.requiredByInstallation",
};

/** One code field: confirms a pending set-up, or turns two-factor off. */
export function TwoFactorCodeForm({ mode }: { mode: Mode }) {
  const t = useTranslations("account.twoFactor");
  const router = useRouter();
  const codeRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const id = `two-factor-${mode}`;

  function fieldError(message: string) {
    setCodeError(message);
    setFormError(null);
    if (codeRef.current) codeRef.current.value = "";
    codeRef.current?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = totpCodeSchema.safeParse(new FormData(event.currentTarget).get("code") ?? "");
    if (!parsed.success) return fieldError(t("errors.codeInvalid"));
    setBusy(true);
    setCodeError(null);
    setFormError(null);
    try {
      const action = mode === "confirm" ? confirmTwoFactorSetupAction : disableTwoFactorAction;
      const result = await action({ code: parsed.data });
      if (result.ok) {
        router.replace(`/account/two-factor?done=${mode === "confirm" ? "enabled" : "disabled"}`);
        router.refresh();
        return; // stay busy until the page has changed
      }
      if (result.error === "INVALID") fieldError(t("errors.codeInvalid"));
      else if (result.error === "REJECTED" && result.reason === "CODE_INVALID") fieldError(t("errors.codeRejected"));
      else if (result.error === "REJECTED" && rejectionMessage[result.reason]) setFormError(t(rejectionMessage[result.reason]!));
      else if (result.error === "REJECTED") {
        // The set-up changed in another tab (restarted, confirmed, turned off): show the page as it is.
        setFormError(t("errors.stale"));
        router.refresh();
      } else if (result.error === "UNAUTHENTICATED") setFormError(t("errors.signedOut"));
      else setFormError(t("errors.unexpected"));
    } catch {
      setFormError(t("errors.unexpected"));
    }
    setBusy(false);
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit} aria-describedby={`${id}-error`}>
      <p className="form-error" role="alert" id={`${id}-error`}>
        {formError}
      </p>
      <Field
        ref={codeRef}
        id={`${id}-code`}
        name="code"
        type="text"
        label={t("code")}
        hint={t("codeHint")}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        required
        maxLength={9}
        error={codeError}
      />
      <Button type="submit" variant={mode === "confirm" ? "primary" : "secondary"} busy={busy} busyLabel={t(mode === "confirm" ? "confirming" : "disabling")}>
        {t(mode === "confirm" ? "confirm" : "disable")}
      </Button>
    </form>
  );
}
