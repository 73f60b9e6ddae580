"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { signInSchema, type SignInIssue } from "@/lib/auth/schema";

type FieldErrors = Partial<Record<"email" | "password", SignInIssue>>;

const issueMessage = {
  EMAIL_REQUIRED: "errors.emailRequired",
  EMAIL_INVALID: "errors.emailInvalid",
  PASSWORD_REQUIRED: "errors.passwordRequired",
} as const;

function fieldErrorsFrom(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !errors[field]) {
      errors[field] = issue.message in issueMessage ? (issue.message as SignInIssue) : field === "email" ? "EMAIL_INVALID" : "PASSWORD_REQUIRED";
    }
  }
  return errors;
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: data.get("email") ?? "", password: data.get("password") ?? "" });
    if (!parsed.success) {
      const errors = fieldErrorsFrom(parsed.error.issues);
      setFieldErrors(errors);
      setFormError(null);
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setFieldErrors({});
    setFormError(null);
    setBusy(true);
    const destination = safeCallbackPath(callbackUrl);
    try {
      const result = await signIn("credentials", { redirect: false, ...parsed.data, callbackUrl: destination });
      if (result?.ok && !result.error) {
        router.replace(destination);
        router.refresh();
        return; // stay busy until the next page arrives
      }
      setFormError(t(result?.error === "CredentialsSignin" ? "errors.invalidCredentials" : "errors.unexpected"));
    } catch {
      setFormError(t("errors.unexpected"));
    }
    setBusy(false);
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit} aria-describedby="sign-in-error">
      <p className="form-error" role="alert" id="sign-in-error">
        {formError}
      </p>
      <Field
        ref={emailRef}
        id="sign-in-email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        required
        maxLength={254}
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
        maxLength={1024}
        error={fieldErrors.password ? t(issueMessage[fieldErrors.password]) : null}
      />
      <Button type="submit" busy={busy} busyLabel={t("submitting")}>
        {t("submit")}
      </Button>
    </form>
  );
}
