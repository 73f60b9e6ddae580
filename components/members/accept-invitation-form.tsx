"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { ActionError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { acceptInvitationAsSignedInUser, acceptInvitationWithAccount } from "@/lib/invitations/actions";
import { NEW_PASSWORD_ORDER, NewPasswordFields, newPasswordInput } from "./new-password-fields";
import { evaluationPath } from "@/lib/evaluations/paths";

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
  const [done, setDone] = useState<{ evaluationId: string; email: string } | null>(null);
  const form = useActionForm(acceptInvitationWithAccount, {
    focus: NEW_PASSWORD_ORDER("accept"),
    onSuccess: (data) => setDone(data),
  });

  if (done) {
    const callbackUrl = evaluationPath(done.evaluationId);
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
    <ActionForm
      form={form}
      messageId="accept-error"
      onSubmit={form.handleSubmit((data) => newPasswordInput(data, token))}
    >
      <p>{t("newAccountIntro")}</p>
      <NewPasswordFields idPrefix="accept" fieldError={form.fieldError} />
      <SubmitButton busy={form.busy} busyLabel={t("joining")}>
        {t("join")}
      </SubmitButton>
    </ActionForm>
  );
}

/** An invitee signed in as the invited account accepts with one button. */
export function AcceptInvitationButton({ token }: { token: string }) {
  const t = useTranslations("invitations");
  const router = useRouter();
  const [evaluationId, setEvaluationId] = useState<string | null>(null);
  const { submit, busy, formError } = useActionForm(acceptInvitationAsSignedInUser, {
    clearOnStart: true,
    onSuccess: (data) => {
      setEvaluationId(data.evaluationId);
      router.refresh();
    },
  });

  if (evaluationId) {
    return (
      <Done title={t("doneTitle")} body={t("doneExisting")} href={evaluationPath(evaluationId)} linkLabel={t("open")} />
    );
  }
  return (
    <div className="actions">
      <Button busy={busy} busyLabel={t("accepting")} onClick={() => submit({ token })}>
        {t("accept")}
      </Button>
      <ActionError message={formError} />
    </div>
  );
}
