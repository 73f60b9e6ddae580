"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { EmailField } from "@/components/ui/email-field";
import { FormError } from "@/components/ui/form-message";
import { LinkDeliveryNotice } from "@/components/forms/link-delivery-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { CheckboxField, SelectField } from "@/components/ui/choice-fields";
import { Field } from "@/components/ui/field";
import type { LinkDelivery } from "@/lib/mail/delivery";
import { createUser } from "@/lib/users/actions";
import { NAME_MAX } from "@/lib/users/types";

const FIELD_ORDER = [
  ["name", "create-user-name"],
  ["email", "create-user-email"],
  ["locale", "create-user-locale"],
] as const;

export function CreateUserForm({ defaultLocale }: { defaultLocale: "ES" | "EN" }) {
  const t = useTranslations("admin.createUser");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<{ email: string; delivery: LinkDelivery } | null>(null);
  const { submit, busy, fieldError, formError } = useActionForm(createUser, {
    focus: FIELD_ORDER,
    onStart: () => setCreated(null),
    onSuccess: (data, input: { email: string }) => {
      setCreated({ email: input.email.trim(), delivery: data.delivery });
      formRef.current?.reset();
      router.refresh();
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void submit({
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
      locale: String(data.get("locale") ?? ""),
      isAdmin: data.get("isAdmin") === "on",
    });
  }

  return (
    <section className="section" aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <form
        method="post"
        ref={formRef}
        className="form"
        noValidate
        onSubmit={handleSubmit}
        aria-describedby="create-user-error"
      >
        <FormError id="create-user-error" message={formError} />
        <Field
          id="create-user-name"
          name="name"
          label={t("name")}
          autoComplete="off"
          required
          maxLength={NAME_MAX}
          error={fieldError("name")}
        />
        <EmailField
          id="create-user-email"
          name="email"
          label={t("email")}
          autoComplete="off"
          error={fieldError("email")}
        />
        <SelectField
          id="create-user-locale"
          name="locale"
          label={t("locale")}
          defaultValue={defaultLocale}
          options={[
            { value: "ES", label: t("localeES") },
            { value: "EN", label: t("localeEN") },
          ]}
          error={fieldError("locale")}
        />
        <CheckboxField id="create-user-admin" name="isAdmin" label={t("isAdmin")} hint={t("isAdminHint")} />
        <SubmitButton busy={busy} busyLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </form>
      {created ? (
        <LinkDeliveryNotice
          id="create-user-link"
          delivery={created.delivery}
          intro={t("created", { email: created.email })}
        />
      ) : null}
    </section>
  );
}
