"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { EmailField } from "@/components/ui/email-field";
import { FormError } from "@/components/ui/form-message";
import { LinkDeliveryNotice } from "@/components/forms/link-delivery-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { CheckboxGroup } from "@/components/ui/choice-fields";
import { inviteMember } from "@/lib/invitations/actions";
import type { LinkDelivery } from "@/lib/mail/delivery";
import { useRoleOptions } from "./role-options";

const FIELD_ORDER = [
  ["email", "invite-email"],
  ["roles", "invite-roles"],
] as const;

export function InviteMemberForm({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("members.invite");
  const router = useRouter();
  const roleOptions = useRoleOptions();
  const formRef = useRef<HTMLFormElement>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [created, setCreated] = useState<{ email: string; delivery: LinkDelivery } | null>(null);
  const { submit, busy, fieldError, formError } = useActionForm(inviteMember, {
    focus: FIELD_ORDER,
    onStart: () => setCreated(null),
    onSuccess: (data, input: { email: string }) => {
      setCreated({ email: input.email.trim(), delivery: data.delivery });
      formRef.current?.reset();
      setRoles([]);
      router.refresh();
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit({ evaluationId, email: String(new FormData(event.currentTarget).get("email") ?? ""), roles });
  }

  return (
    <section className="section" aria-labelledby="invite-title">
      <h2 id="invite-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <form
        method="post"
        ref={formRef}
        className="form"
        noValidate
        onSubmit={handleSubmit}
        aria-describedby="invite-error"
      >
        <FormError id="invite-error" message={formError} />
        <EmailField id="invite-email" name="email" label={t("email")} autoComplete="off" error={fieldError("email")} />
        <CheckboxGroup
          id="invite-roles"
          name="roles"
          legend={t("roles")}
          options={roleOptions}
          selected={roles}
          onChange={setRoles}
          error={fieldError("roles")}
        />
        <SubmitButton busy={busy} busyLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </form>
      {created ? (
        <LinkDeliveryNotice
          id="invite-link"
          delivery={created.delivery}
          intro={t("created", { email: created.email })}
        />
      ) : null}
    </section>
  );
}
