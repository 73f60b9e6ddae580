"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { RecordForm } from "@/components/ui/action-form";
import { useCreateOrEdit } from "@/components/ui/use-create-or-edit";
import { CheckboxField } from "@/components/ui/choice-fields";
import { Field, TextAreaField } from "@/components/ui/field";
import { createDomain, updateDomain } from "@/lib/domains/actions";
import { DOMAIN_LIMITS } from "@/lib/domains/types";
import { setupFailureMessages } from "./failure-messages";

export type DomainRow = {
  id: string;
  position: number;
  nameEs: string;
  nameEn: string;
  definitionEs: string | null;
  definitionEn: string | null;
  isOther: boolean;
  retired: boolean;
  inUse: boolean;
  version: number;
};

type Props = {
  evaluationId: string;
  languages: ReadonlyArray<"ES" | "EN">;
  /** Absent: a new domain. */
  domain?: DomainRow;
  onSaved: (name: string) => void;
  onCancel?: () => void;
};

const FIELDS = ["nameEs", "nameEn", "definitionEs", "definitionEn"] as const;

/** Adds a domain, or edits one; both names always, the definitions in the evaluation's languages. */
export function DomainForm({ evaluationId, languages, domain, onSaved, onCancel }: Props) {
  const t = useTranslations("setup");
  const prefix = domain ? `domain-${domain.id}` : "domain-new";
  const empty = { nameEs: "", nameEn: "", definitionEs: "", definitionEn: "" };
  const [values, setValues] = useState(
    domain
      ? {
          nameEs: domain.nameEs,
          nameEn: domain.nameEn,
          definitionEs: domain.definitionEs ?? "",
          definitionEn: domain.definitionEn ?? "",
        }
      : empty,
  );
  const [isOther, setIsOther] = useState(domain?.isOther ?? false);
  const { create, update, form } = useCreateOrEdit(
    domain !== undefined,
    { create: createDomain, update: updateDomain },
    {
      focus: FIELDS.map((field) => [field, `${prefix}-${field}`] as const),
      failureMessages: setupFailureMessages,
      focusOnEdit: `${prefix}-nameEs`,
      onCreated: (_, input: { nameEs: string }) => {
        setValues(empty);
        setIsOther(false);
        onSaved(input.nameEs.trim());
      },
      onUpdated: (_, input: { nameEs: string }) => onSaved(input.nameEs.trim()),
    },
  );
  const fields = { evaluationId, ...values, isOther };
  const handleSubmit = domain
    ? update.handleSubmit(() => ({ ...fields, domainId: domain.id, expectedVersion: domain.version }))
    : create.handleSubmit(() => fields);

  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const requiredIf = (needed: boolean) => (needed ? { required: true, requiredLabel: t("required") } : {});
  return (
    <RecordForm
      id={prefix}
      title={domain ? t("domains.editTitle") : t("domains.addTitle")}
      form={form}
      onSubmit={handleSubmit}
      submitLabel={domain ? t("domains.save") : t("domains.add")}
      busyLabel={t("domains.saving")}
      cancel={onCancel ? { label: t("cancel"), onClick: onCancel } : undefined}
    >
      <Field
        id={`${prefix}-nameEs`}
        label={t("domains.nameEs")}
        lang="es"
        value={values.nameEs}
        onValueChange={set("nameEs")}
        error={form.fieldError("nameEs")}
        maxLength={DOMAIN_LIMITS.name}
        {...requiredIf(true)}
      />
      <Field
        id={`${prefix}-nameEn`}
        label={t("domains.nameEn")}
        lang="en"
        value={values.nameEn}
        onValueChange={set("nameEn")}
        error={form.fieldError("nameEn")}
        maxLength={DOMAIN_LIMITS.name}
        {...requiredIf(true)}
      />
      <TextAreaField
        id={`${prefix}-definitionEs`}
        label={t("domains.definitionEs")}
        lang="es"
        rows={3}
        value={values.definitionEs}
        onValueChange={set("definitionEs")}
        error={form.fieldError("definitionEs")}
        maxLength={DOMAIN_LIMITS.definition}
        {...requiredIf(languages.includes("ES"))}
      />
      <TextAreaField
        id={`${prefix}-definitionEn`}
        label={t("domains.definitionEn")}
        lang="en"
        rows={3}
        value={values.definitionEn}
        onValueChange={set("definitionEn")}
        error={form.fieldError("definitionEn")}
        maxLength={DOMAIN_LIMITS.definition}
        {...requiredIf(languages.includes("EN"))}
      />
      <CheckboxField
        id={`${prefix}-isOther`}
        label={t("domains.isOther")}
        hint={t("domains.isOtherHint")}
        checked={isOther}
        onChange={setIsOther}
        error={form.fieldError("isOther")}
      />
    </RecordForm>
  );
}
