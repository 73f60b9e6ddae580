"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { completeAccountSetup } from "@/lib/users/actions";
import { NEW_PASSWORD_ORDER, NewPasswordFields, newPasswordInput } from "./new-password-fields";

/** A user created by an administrator checks their name and chooses a password. */
export function AccountSetupForm({ token, defaultName }: { token: string; defaultName: string }) {
  const t = useTranslations("invitations");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [doneEmail, setDoneEmail] = useState<string | null>(null);
  const form = useActionForm(completeAccountSetup, {
    focus: NEW_PASSWORD_ORDER("setup"),
    onSuccess: (data) => setDoneEmail(data.email),
  });

  useEffect(() => {
    if (doneEmail) headingRef.current?.focus();
  }, [doneEmail]);

  if (doneEmail) {
    return (
      <section className="section" aria-labelledby="setup-done-title">
        <h2 id="setup-done-title" ref={headingRef} tabIndex={-1}>
          {t("account.doneTitle")}
        </h2>
        <p>{t("account.doneBody", { email: doneEmail })}</p>
        <p>
          <Link href="/sign-in">{t("signIn")}</Link>
        </p>
      </section>
    );
  }

  return (
    <ActionForm
      form={form}
      messageId="setup-error"
      onSubmit={form.handleSubmit((data) => newPasswordInput(data, token))}
    >
      <NewPasswordFields idPrefix="setup" defaultName={defaultName} fieldError={form.fieldError} />
      <SubmitButton busy={form.busy} busyLabel={t("account.submitting")}>
        {t("account.submit")}
      </SubmitButton>
    </ActionForm>
  );
}
