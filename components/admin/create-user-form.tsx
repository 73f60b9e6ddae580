"use client";

import { useTranslations } from "next-intl";
import { EmailField } from "@/components/ui/email-field";
import { LinkFormSection, useLinkForm } from "@/components/forms/link-form";
import { CheckboxField, SelectField } from "@/components/ui/choice-fields";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-data";
import { createUser } from "@/lib/users/actions";
import { NAME_MAX } from "@/lib/users/types";

const FIELD_ORDER = [
  ["name", "create-user-name"],
  ["email", "create-user-email"],
  ["locale", "create-user-locale"],
] as const;

export function CreateUserForm({ defaultLocale }: { defaultLocale: "ES" | "EN" }) {
  const t = useTranslations("admin.createUser");
  const form = useLinkForm(createUser, { focus: FIELD_ORDER });
  const { fieldError } = form;

  const handleSubmit = form.handleSubmit((data) => ({
    name: formText(data, "name"),
    email: formText(data, "email"),
    locale: formText(data, "locale"),
    isAdmin: data.get("isAdmin") === "on",
  }));

  return (
    <LinkFormSection id="create-user" messages="admin.createUser" form={form} onSubmit={handleSubmit}>
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
    </LinkFormSection>
  );
}
