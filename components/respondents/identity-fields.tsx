"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-data";
import type { IdentityValues } from "@/lib/respondents/sealing";

/** Name, phone, e-mail and community: the parts of a respondent's sealed identity. */
export function IdentityFields({
  idPrefix,
  defaults,
  errorFor,
}: {
  idPrefix: string;
  defaults?: IdentityValues | null;
  errorFor: (field: string) => string | null;
}) {
  const t = useTranslations("respondents.identity");
  return (
    <>
      <Field
        id={`${idPrefix}-name`}
        name="name"
        label={t("name")}
        autoComplete="off"
        maxLength={200}
        defaultValue={defaults?.name ?? ""}
        error={errorFor("name")}
      />
      <Field
        id={`${idPrefix}-phone`}
        name="phone"
        type="tel"
        label={t("phone")}
        hint={t("phoneHint")}
        autoComplete="off"
        maxLength={40}
        defaultValue={defaults?.phone ?? ""}
        error={errorFor("phone")}
      />
      <Field
        id={`${idPrefix}-email`}
        name="email"
        type="email"
        label={t("email")}
        autoComplete="off"
        spellCheck={false}
        maxLength={254}
        defaultValue={defaults?.email ?? ""}
        error={errorFor("email")}
      />
      <Field
        id={`${idPrefix}-community`}
        name="community"
        label={t("community")}
        hint={t("communityHint")}
        autoComplete="off"
        maxLength={200}
        defaultValue={defaults?.community ?? ""}
        error={errorFor("community")}
      />
    </>
  );
}

/** The identity parts of a submitted form, as the action expects them. */
export function identityFromForm(data: FormData): Record<keyof IdentityValues, string> {
  const text = (name: string) => formText(data, name);
  return { name: text("name"), phone: text("phone"), email: text("email"), community: text("community") };
}
