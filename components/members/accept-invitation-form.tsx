"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { failureKey, fieldErrorsFromZod, focusFirstInvalid, resultFieldErrors, useFieldError, useMessage, type FieldErrors } from "@/components/admin/form-kit";
import { Button } from "@/components/ui/button";
import { acceptInvitationAsSignedInUser, acceptInvitationWithAccount } from "@/lib/invitations/actions";
import { acceptInvitationWithAccountSchema } from "@/lib/invitations/schema";
import { NEW_PASSWORD_ORDER, NewPasswordFields } from "./new-password-fields";

function Done({ title, body, href, linkLabel }: { title: string; body: string; href: string; linkLabel: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="section" aria-labelledby="invitation-done-title">
      <h2 id="invitation-done-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p>{body}</p>
      <p>
        <Link href={href}>{linkLabel}</Link>
      </p>
    </section>
  );
}

/** A new invitee chooses a name and a password, and joins. */
export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("invitations");
  const message = useMessage();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<{ evaluationId: string; email: string } | null>(null);
  const fieldError = useFieldError(errors);

  function fail(next: FieldErrors, key: string | null) {
    setErrors(next);
    setFormError(message(key));
    focusFirstInvalid(next, NEW_PASSWORD_ORDER("accept"));
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
    const parsed = acceptInvitationWithAccountSchema.safeParse(input);
    if (!parsed.success) return fail(fieldErrorsFromZod(parsed.error), "admin.errors.INVALID");
    setBusy(true);
    try {
      const result = await acceptInvitationWithAccount(input);
      if (result.ok) setDone(result.data);
      else fail(resultFieldErrors(result), failureKey(result));
    } catch {
      fail({}, "admin.errors.UNEXPECTED");
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    const callbackUrl = `/evaluations/${encodeURIComponent(done.evaluationId)}`;
    return (
      <Done
        title={t("doneTitle")}
        body={t("doneNewAccount", { email: done.email })}
        href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        linkLabel={t("signIn")}
      />
    );
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit} aria-describedby="accept-error">
      <p className="form-error" role="alert" id="accept-error">
        {formError}
      </p>
      <p>{t("newAccountIntro")}</p>
      <NewPasswordFields idPrefix="accept" fieldError={fieldError} />
      <div className="actions">
        <Button type="submit" busy={busy} busyLabel={t("joining")}>
          {t("join")}
        </Button>
      </div>
    </form>
  );
}

/** An invitee signed in as the invited account accepts with one button. */
export function AcceptInvitationButton({ token }: { token: string }) {
  const t = useTranslations("invitations");
  const message = useMessage();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [evaluationId, setEvaluationId] = useState<string | null>(null);

  async function accept() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await acceptInvitationAsSignedInUser({ token });
      if (result.ok) {
        setEvaluationId(result.data.evaluationId);
        router.refresh();
      } else {
        setError(message(failureKey(result)));
      }
    } catch {
      setError(message("admin.errors.UNEXPECTED"));
    } finally {
      setBusy(false);
    }
  }

  if (evaluationId) {
    return <Done title={t("doneTitle")} body={t("doneExisting")} href={`/evaluations/${encodeURIComponent(evaluationId)}`} linkLabel={t("open")} />;
  }
  return (
    <div className="actions">
      <Button busy={busy} busyLabel={t("accepting")} onClick={accept}>
        {t("accept")}
      </Button>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
