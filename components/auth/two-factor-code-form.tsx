"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { formText } from "@/components/ui/form-data";
import { useActionForm, type ActionFailure, type FailureMessages } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { confirmTwoFactorSetupAction, disableTwoFactorAction } from "@/lib/auth/two-factor-actions";
import { CodeField } from "./code-field";

type Mode = "confirm" | "disable";

const ERRORS = "account.twoFactor.errors";
const STALE = `${ERRORS}.stale`;
const rejectionMessage: Partial<Record<string, string>> = {
  TOO_MANY_ATTEMPTS: `${ERRORS}.tooManyAttempts`,
  REQUIRED_BY_INSTALLATION: `${ERRORS}.requiredByInstallation`,
};

function failureMessages(failure: ActionFailure): FailureMessages {
  const onCode = (key: string) => ({ fields: { code: [`${ERRORS}.${key}`] }, form: null });
  if (failure.error === "INVALID") return onCode("codeInvalid");
  if (failure.error === "REJECTED" && failure.reason === "CODE_INVALID") return onCode("codeRejected");
  if (failure.error === "REJECTED") return { fields: {}, form: rejectionMessage[failure.reason] ?? STALE };
  return { fields: {}, form: `${ERRORS}.${failure.error === "UNAUTHENTICATED" ? "signedOut" : "unexpected"}` };
}

/** One code field: confirms a pending set-up, or turns two-factor off. */
export function TwoFactorCodeForm({ mode }: { mode: Mode }) {
  const t = useTranslations("account.twoFactor");
  const router = useRouter();
  const codeRef = useRef<HTMLInputElement>(null);
  const id = `two-factor-${mode}`;
  const form = useActionForm(mode === "confirm" ? confirmTwoFactorSetupAction : disableTwoFactorAction, {
    clearOnStart: true,
    focus: (fields) => {
      if (!fields.code || !codeRef.current) return;
      codeRef.current.value = "";
      codeRef.current.focus();
    },
    failureMessages: (failure) => {
      const messages = failureMessages(failure);
      // The set-up changed in another tab (restarted, confirmed, turned off): show the page as it is.
      if (messages.form === STALE) router.refresh();
      return messages;
    },
    onSuccess: () => {
      router.replace(`/account/two-factor?done=${mode === "confirm" ? "enabled" : "disabled"}`);
      router.refresh();
    },
    busyAfterSuccess: true,
  });

  return (
    <ActionForm
      form={form}
      messageId={`${id}-error`}
      onSubmit={form.handleSubmit((data) => ({ code: formText(data, "code") }))}
    >
      <CodeField
        ref={codeRef}
        id={`${id}-code`}
        label={t("code")}
        hint={t("codeHint")}
        error={form.fieldError("code")}
      />
      <Button
        type="submit"
        variant={mode === "confirm" ? "primary" : "secondary"}
        busy={form.busy}
        busyLabel={t(mode === "confirm" ? "confirming" : "disabling")}
      >
        {t(mode === "confirm" ? "confirm" : "disable")}
      </Button>
    </ActionForm>
  );
}
