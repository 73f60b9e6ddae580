"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { EmailField } from "@/components/ui/email-field";
import { FormError } from "@/components/ui/form-message";
import { LinkDeliveryNotice } from "@/components/forms/link-delivery-notice";
import type { LinkDelivery } from "@/lib/mail/delivery";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { CheckboxGroup } from "@/components/ui/choice-fields";
import { Field } from "@/components/ui/field";
import { createEvaluation } from "@/lib/evaluations/actions";
import { TEXT_MAX } from "@/lib/users/types";

const FIELD_ORDER = [
  ["name", "evaluation-name"],
  ["client", "evaluation-client"],
  ["evaluatorOrganisation", "evaluation-organisation"],
  ["periodStart", "evaluation-period-start"],
  ["periodEnd", "evaluation-period-end"],
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
  const { submit, busy, fieldError, formError } = useActionForm(createEvaluation, {
    focus: FIELD_ORDER,
    onSuccess: (data) => setCreated(data),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    void submit({
      name: text("name"),
      client: text("client"),
      evaluatorOrganisation: text("evaluatorOrganisation"),
      periodStart: text("periodStart"),
      periodEnd: text("periodEnd"),
      languages,
      leadEmail: text("leadEmail"),
    });
  }

  if (created) {
    const href = `/evaluations/${encodeURIComponent(created.evaluationId)}`;
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
    <form method="post" className="form" noValidate onSubmit={handleSubmit} aria-describedby="evaluation-form-error">
      <FormError id="evaluation-form-error" message={formError} />
      <Field
        id="evaluation-name"
        name="name"
        label={t("name")}
        required
        maxLength={TEXT_MAX}
        autoComplete="off"
        error={fieldError("name")}
      />
      <Field
        id="evaluation-client"
        name="client"
        label={t("client")}
        required
        maxLength={TEXT_MAX}
        autoComplete="off"
        error={fieldError("client")}
      />
      <Field
        id="evaluation-organisation"
        name="evaluatorOrganisation"
        label={t("evaluatorOrganisation")}
        required
        maxLength={TEXT_MAX}
        autoComplete="organization"
        error={fieldError("evaluatorOrganisation")}
      />
      <Field
        id="evaluation-period-start"
        name="periodStart"
        type="date"
        label={t("periodStart")}
        required
        error={fieldError("periodStart")}
      />
      <Field
        id="evaluation-period-end"
        name="periodEnd"
        type="date"
        label={t("periodEnd")}
        required
        error={fieldError("periodEnd")}
      />
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
        error={fieldError("languages")}
      />
      <EmailField
        id="evaluation-lead-email"
        name="leadEmail"
        label={t("leadEmail")}
        hint={t("leadEmailHint")}
        autoComplete="off"
        error={fieldError("leadEmail")}
      />
      <SubmitButton busy={busy} busyLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
