"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createEvaluation } from "@/lib/evaluations/actions";
import { createEvaluationSchema } from "@/lib/evaluations/schema";
import { EMAIL_MAX, TEXT_MAX } from "@/lib/users/schema";
import { CheckboxGroup, failureKey, fieldErrorsFromZod, focusFirstInvalid, resultFieldErrors, useFieldError, useMessage, type FieldErrors } from "./form-kit";
import { OneTimeLink } from "./one-time-link";

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
  | { evaluationId: string; lead: { kind: "INVITED"; email: string; link: string } };

export function CreateEvaluationForm() {
  const t = useTranslations("admin.newEvaluation");
  const tLanguages = useTranslations("languageNames");
  const message = useMessage();
  const [languages, setLanguages] = useState<string[]>(["ES", "EN"]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const fieldError = useFieldError(errors);

  function fail(next: FieldErrors, key: string | null) {
    setErrors(next);
    setFormError(message(key));
    focusFirstInvalid(next, FIELD_ORDER);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    const input = {
      name: text("name"),
      client: text("client"),
      evaluatorOrganisation: text("evaluatorOrganisation"),
      periodStart: text("periodStart"),
      periodEnd: text("periodEnd"),
      languages,
      leadEmail: text("leadEmail"),
    };
    const parsed = createEvaluationSchema.safeParse(input);
    if (!parsed.success) return fail(fieldErrorsFromZod(parsed.error), "admin.errors.INVALID");
    setBusy(true);
    try {
      const result = await createEvaluation(input);
      if (result.ok) {
        setErrors({});
        setFormError(null);
        setCreated(result.data);
      } else {
        fail(resultFieldErrors(result), failureKey(result));
      }
    } catch {
      fail({}, "admin.errors.UNEXPECTED");
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    const href = `/evaluations/${encodeURIComponent(created.evaluationId)}`;
    return (
      <section className="section" aria-labelledby="evaluation-created-title">
        <h2 id="evaluation-created-title" tabIndex={-1}>
          {created.lead.kind === "MEMBER" ? t("createdMember", { name: created.lead.name }) : t("title")}
        </h2>
        {created.lead.kind === "INVITED" ? (
          <OneTimeLink id="evaluation-lead-link" link={created.lead.link} intro={t("createdInvited", { email: created.lead.email })} />
        ) : null}
        <p>
          <Link href={href}>{t("open")}</Link>
        </p>
      </section>
    );
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit} aria-describedby="evaluation-form-error">
      <p className="form-error" role="alert" id="evaluation-form-error">
        {formError}
      </p>
      <Field id="evaluation-name" name="name" label={t("name")} required maxLength={TEXT_MAX} autoComplete="off" error={fieldError("name")} />
      <Field id="evaluation-client" name="client" label={t("client")} required maxLength={TEXT_MAX} autoComplete="off" error={fieldError("client")} />
      <Field
        id="evaluation-organisation"
        name="evaluatorOrganisation"
        label={t("evaluatorOrganisation")}
        required
        maxLength={TEXT_MAX}
        autoComplete="organization"
        error={fieldError("evaluatorOrganisation")}
      />
      <Field id="evaluation-period-start" name="periodStart" type="date" label={t("periodStart")} required error={fieldError("periodStart")} />
      <Field id="evaluation-period-end" name="periodEnd" type="date" label={t("periodEnd")} required error={fieldError("periodEnd")} />
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
      <Field
        id="evaluation-lead-email"
        name="leadEmail"
        type="email"
        label={t("leadEmail")}
        hint={t("leadEmailHint")}
        required
        maxLength={EMAIL_MAX}
        autoComplete="off"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        error={fieldError("leadEmail")}
      />
      <div className="actions">
        <Button type="submit" busy={busy} busyLabel={t("submitting")}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
