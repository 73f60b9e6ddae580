"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { EmailField } from "@/components/ui/email-field";
import { FormError } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-data";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { checkSignInInput } from "@/lib/auth/actions";
import type { SignInIssue } from "@/lib/auth/schema";
import { CodeField } from "./code-field";

type FieldName = "email" | "password" | "code";
type FieldErrors = Partial<Record<FieldName, SignInIssue | "CODE_REJECTED">>;

const issueMessage = {
  EMAIL_REQUIRED: "errors.emailRequired",
  EMAIL_INVALID: "errors.emailInvalid",
  PASSWORD_REQUIRED: "errors.passwordRequired",
  CODE_INVALID: "errors.codeInvalid",
  CODE_REJECTED: "errors.codeRejected",
} as const;

const fallbackIssue = { email: "EMAIL_INVALID", password: "PASSWORD_REQUIRED", code: "CODE_INVALID" } as const;

/** The server's zod result (field path → issue codes) as one issue per field. */
function fieldErrorsFrom(issues: Record<string, string[]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, messages] of Object.entries(issues)) {
    const field = path.split(".")[0];
    const message = messages[0] ?? "";
    if ((field === "email" || field === "password" || field === "code") && !errors[field]) {
      errors[field] = message in issueMessage ? (message as SignInIssue) : fallbackIssue[field];
    }
  }
  return errors;
}

/**
 * E-mail and password first. When the account has two-factor sign-in on, the server answers
 * TOTP_REQUIRED (only after checking the password) and the form asks for the code, then sends
 * all three again. The server never says which of e-mail or password was wrong.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<"password" | "code">("password");
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (step === "code") codeRef.current?.focus();
  }, [step]);

  function showFieldErrors(errors: FieldErrors) {
    setFieldErrors(errors);
    setFormError(null);
    const first = (["email", "password", "code"] as const).find((field) => errors[field]);
    ({ email: emailRef, password: passwordRef, code: codeRef })[first ?? "email"].current?.focus();
  }

  function startOver() {
    setStep("password");
    setFieldErrors({});
    setFormError(null);
    if (passwordRef.current) passwordRef.current.value = "";
    queueMicrotask(() => emailRef.current?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const typed = {
      email: formText(data, "email"),
      password: formText(data, "password"),
      ...(step === "code" ? { code: formText(data, "code") } : {}),
    };
    setBusy(true);
    const destination = safeCallbackPath(callbackUrl);
    try {
      // The schema runs on the server (the browser does not load zod); malformed input is not an attempt.
      const check = await checkSignInInput(typed);
      if (!check.ok) {
        setBusy(false);
        if (check.error === "INVALID") return showFieldErrors(fieldErrorsFrom(check.fieldErrors));
        return setFormError(t("errors.unexpected"));
      }
      if (step === "code" && !typed.code?.replace(/[\s-]/g, "")) {
        setBusy(false);
        return showFieldErrors({ code: "CODE_INVALID" });
      }
      setFieldErrors({});
      setFormError(null);
      const result = await signIn("credentials", { redirect: false, ...typed, callbackUrl: destination });
      if (result?.ok && !result.error) {
        router.replace(destination);
        router.refresh();
        return; // stay busy until the next page arrives
      }
      const error = result?.error;
      if (error === "TOTP_REQUIRED") {
        setStep("code");
      } else if (error === "TOTP_INVALID") {
        if (codeRef.current) codeRef.current.value = "";
        showFieldErrors({ code: "CODE_REJECTED" });
      } else if (error === "TOO_MANY_ATTEMPTS") {
        setFormError(t("errors.tooManyAttempts"));
      } else if (error === "CredentialsSignin") {
        if (step === "code") setStep("password");
        setFormError(t("errors.invalidCredentials"));
      } else {
        setFormError(t("errors.unexpected")); // "UNEXPECTED", or anything else next-auth may say
      }
    } catch {
      setFormError(t("errors.unexpected"));
    }
    setBusy(false);
  }

  const codeStep = step === "code";
  return (
    <form method="post" className="form" noValidate onSubmit={handleSubmit} aria-describedby="sign-in-error">
      <FormError id="sign-in-error" message={formError} />
      <EmailField
        ref={emailRef}
        id="sign-in-email"
        name="email"
        label={t("email")}
        autoComplete="username"
        readOnly={codeStep}
        error={fieldErrors.email ? t(issueMessage[fieldErrors.email]) : null}
      />
      <Field
        ref={passwordRef}
        id="sign-in-password"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        readOnly={codeStep}
        maxLength={1024}
        error={fieldErrors.password ? t(issueMessage[fieldErrors.password]) : null}
      />
      {/* Always in the page, so screen readers announce the text when it appears. */}
      <p className={codeStep ? "notice" : "visually-hidden"} role="status">
        {codeStep ? t("codeRequested") : null}
      </p>
      {codeStep ? (
        <CodeField
          ref={codeRef}
          id="sign-in-code"
          label={t("code")}
          hint={t("codeHint")}
          error={fieldErrors.code ? t(issueMessage[fieldErrors.code]) : null}
        />
      ) : null}
      <div className="actions">
        <Button type="submit" busy={busy} busyLabel={t("submitting")}>
          {t("submit")}
        </Button>
        {codeStep ? (
          <Button variant="secondary" onClick={startOver} disabled={busy}>
            {t("differentAccount")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
