"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { failureKey, fieldErrorsFromZod, focusFirstInvalid, resultFieldErrors, useFieldError, useMessage, type FieldErrors } from "@/components/admin/form-kit";
import { Button } from "@/components/ui/button";
import { completeAccountSetup } from "@/lib/users/actions";
import { accountSetupSchema } from "@/lib/users/schema";
import { NEW_PASSWORD_ORDER, NewPasswordFields } from "./new-password-fields";

/** A user created by an administrator checks their name and chooses a password. */
export function AccountSetupForm({ token, defaultName }: { token: string; defaultName: string }) {
  const t = useTranslations("invitations");
  const message = useMessage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [doneEmail, setDoneEmail] = useState<string | null>(null);
  const fieldError = useFieldError(errors);

  useEffect(() => {
    if (doneEmail) headingRef.current?.focus();
  }, [doneEmail]);

  function fail(next: FieldErrors, key: string | null) {
    setErrors(next);
    setFormError(message(key));
    focusFirstInvalid(next, NEW_PASSWORD_ORDER("setup"));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const input = {
      token,
      name: String(data.get("name") ?? ""),
      password: String(data.get("password") ?? ""),
      passwordConfirmation: String(data.get("passwordConfirmation") ?? ""),
    };
    const parsed = accountSetupSchema.safeParse(input);
    if (!parsed.success) return fail(fieldErrorsFromZod(parsed.error), "admin.errors.INVALID");
    setBusy(true);
    try {
      const result = await completeAccountSetup(input);
      if (result.ok) setDoneEmail(result.data.email);
      else fail(resultFieldErrors(result), failureKey(result));
    } catch {
      fail({}, "admin.errors.UNEXPECTED");
    } finally {
      setBusy(false);
    }
  }

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
    <form className="form" noValidate onSubmit={handleSubmit} aria-describedby="setup-error">
      <p className="form-error" role="alert" id="setup-error">
        {formError}
      </p>
      <NewPasswordFields idPrefix="setup" defaultName={defaultName} fieldError={fieldError} />
      <div className="actions">
        <Button type="submit" busy={busy} busyLabel={t("account.submitting")}>
          {t("account.submit")}
        </Button>
      </div>
    </form>
  );
}
