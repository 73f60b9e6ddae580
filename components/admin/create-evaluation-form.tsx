"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { EmailField } from "@/components/ui/email-field";
import { ActionForm } from "@/components/ui/action-form";
import { LinkDeliveryNotice } from "@/components/forms/link-delivery-notice";
import type { LinkDelivery } from "@/lib/mail/delivery";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { CheckboxGroup } from "@/components/ui/choice-fields";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-data";
import { createEvaluation } from "@/lib/evaluations/actions";
import { TEXT_MAX } from "@/lib/users/types";
import { evaluationPath } from "@/lib/evaluations/paths";

/** The evaluation's required text and dates, in the form's order; the name is also the label's key. */
const DETAILS = [
  { name: "name", id: "evaluation-name", autoComplete: "off" },
  { name: "client", id: "evaluation-client", autoComplete: "off" },
  { name: "evaluatorOrganisation", id: "evaluation-organisation", autoComplete: "organization" },
  { name: "periodStart", id: "evaluation-period-start", type: "date" },
  { name: "periodEnd", id: "evaluation-period-end", type: "date" },
] as const;

const FIELD_ORDER = [
  ...DETAILS.map((field) => [field.name, field.id] as const),
  ["languages", "evaluation-languages"],
  ["leadEmail", "evaluation-lead-email"],
] as const;

type Created =
  | { evaluationId: string; lead: { kind: "MEMBER"; name: string } }
  | { evaluationId: string; lead: { kind: "INVITED"; email: string; delivery: LinkDelivery } };

export function CreateEvaluationForm() {
  const t = useTranslations("admin.newEvaluation");
  const tLanguages = useTranslations("languageNames");
  const [languages, setLanguages] = useState<string[]>(["ES", "EN"]);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useActionForm(createEvaluation, {
    focus: FIELD_ORDER,
    onSuccess: (data) => setCreated(data),
  });

  const handleSubmit = form.handleSubmit((data) => ({
    ...Object.fromEntries(DETAILS.map((field) => [field.name, formText(data, field.name)])),
    languages,
    leadEmail: formText(data, "leadEmail"),
  }));

  if (created) {
    const href = evaluationPath(created.evaluationId);
    return (
      <section className="section" aria-labelledby="evaluation-created-title">
        <h2 id="evaluation-created-title" tabIndex={-1}>
          {created.lead.kind === "MEMBER" ? t("createdMember", { name: created.lead.name }) : t("title")}
        </h2>
        {created.lead.kind === "INVITED" ? (
          <LinkDeliveryNotice
            id="evaluation-lead-link"
            delivery={created.lead.delivery}
            intro={t("createdInvited", { email: created.lead.email })}
          />
        ) : null}
        <p>
          <Link href={href}>{t("open")}</Link>
        </p>
      </section>
    );
  }

  return (
    <ActionForm form={form} messageId="evaluation-form-error" onSubmit={handleSubmit}>
      {DETAILS.map((field) => (
        <Field
          key={field.name}
          id={field.id}
          name={field.name}
          label={t(field.name)}
          required
          error={form.fieldError(field.name)}
          {...("type" in field ? { type: field.type } : { maxLength: TEXT_MAX, autoComplete: field.autoComplete })}
        />
      ))}
      <CheckboxGroup
        id="evaluation-languages"
        name="languages"
        legend={t("languages")}
        hint={t("languagesHint")}
        options={[
          { value: "ES", label: tLanguages("ES") },
          { value: "EN", label: tLanguages("EN") },
        ]}
        selected={languages}
        onChange={setLanguages}
        error={form.fieldError("languages")}
      />
      <EmailField
        id="evaluation-lead-email"
        name="leadEmail"
        label={t("leadEmail")}
        hint={t("leadEmailHint")}
        autoComplete="off"
        error={form.fieldError("leadEmail")}
      />
      <SubmitButton busy={form.busy} busyLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
