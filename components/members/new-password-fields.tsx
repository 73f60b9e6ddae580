"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-data";
import { NAME_MAX, PASSWORD_MAX } from "@/lib/users/types";

/** Name, password and its repetition: the invitation and the account set-up ask the same. */
export function NewPasswordFields({
  idPrefix,
  defaultName,
  fieldError,
}: {
  idPrefix: string;
  defaultName?: string;
  fieldError: (field: string) => string | null;
}) {
  const t = useTranslations("invitations");
  return (
    <>
      <Field
        id={`${idPrefix}-name`}
        name="name"
        label={t("name")}
        autoComplete="name"
        required
        maxLength={NAME_MAX}
        defaultValue={defaultName}
        error={fieldError("name")}
      />
      <Field
        id={`${idPrefix}-password`}
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={PASSWORD_MAX}
        error={fieldError("password")}
      />
      <Field
        id={`${idPrefix}-password-confirmation`}
        name="passwordConfirmation"
        type="password"
        label={t("passwordConfirmation")}
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX}
        error={fieldError("passwordConfirmation")}
      />
    </>
  );
}

export const NEW_PASSWORD_ORDER = (idPrefix: string) =>
  [
    ["name", `${idPrefix}-name`],
    ["password", `${idPrefix}-password`],
    ["passwordConfirmation", `${idPrefix}-password-confirmation`],
  ] as const;

/** What the fields hold, with the link's token: the input of both forms' actions. */
export function newPasswordInput(data: FormData, token: string) {
  return {
    token,
    name: formText(data, "name"),
    password: formText(data, "password"),
    passwordConfirmation: formText(data, "passwordConfirmation"),
  };
}
