"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { SelectField } from "@/components/ui/choice-fields";
import { Field, TextAreaField } from "@/components/ui/field";
import { DateField } from "@/components/ui/date-field";
import { RadioGroup } from "@/components/ui/radio-group";
import { updateEvaluation } from "@/lib/evaluations/actions";
import { DESCRIPTION_MAX } from "@/lib/evaluations/types";
import type { EvaluationSetup } from "@/lib/evaluations/setup-loaders";
import { TEXT_MAX } from "@/lib/users/types";
import { setupFailureMessages } from "./failure-messages";
import { Section } from "@/components/ui/section";

const LANGUAGE_CHOICES = ["ES,EN", "EN,ES", "ES", "EN"] as const;

const FIELD_ORDER = [
  ["name", "details-name"],
  ["client", "details-client"],
  ["evaluatorOrganisation", "details-organisation"],
  ["periodStart", "details-period-start"],
  ["periodEnd", "details-period-end"],
  ["languages", "details-languages"],
  ["timeZone", "details-time-zone"],
  ["description", "details-description"],
] as const;

function valuesOf(evaluation: EvaluationSetup) {
  return {
    name: evaluation.name,
    client: evaluation.client,
    evaluatorOrganisation: evaluation.evaluatorOrganisation,
    periodStart: evaluation.periodStart,
    periodEnd: evaluation.periodEnd,
    languages: evaluation.languages.join(","),
    timeZone: evaluation.timeZone,
    description: evaluation.description ?? "",
  };
}

/** The evaluation's own details. When a newer version arrives (ours or someone else's), the form shows it. */
export function EvaluationDetailsForm({ evaluation }: { evaluation: EvaluationSetup }) {
  const t = useTranslations("setup");
  const router = useRouter();
  const [values, setValues] = useState(() => valuesOf(evaluation));
  const [shownVersion, setShownVersion] = useState(evaluation.version);
  const [saved, setSaved] = useState(false);
  if (shownVersion !== evaluation.version) {
    setShownVersion(evaluation.version);
    setValues(valuesOf(evaluation));
  }
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const form = useActionForm(updateEvaluation, {
    focus: FIELD_ORDER,
    failureMessages: setupFailureMessages,
    onStart: () => setSaved(false),
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
    onFailure: (failure) => {
      if (failure.error === "REJECTED" && failure.reason === "STALE_VERSION") router.refresh();
    },
  });

  const { fieldError } = form;
  const required = { required: true, requiredLabel: t("required") };
  return (
    <Section id="details-title" title={t("details.title")}>
      <ActionForm
        form={form}
        messageId="details-error"
        onSubmit={form.handleSubmit(() => ({
          evaluationId: evaluation.id,
          expectedVersion: evaluation.version,
          ...values,
          languages: values.languages.split(",").filter(Boolean) as Array<"ES" | "EN">,
        }))}
      >
        <Field
          id="details-name"
          label={t("details.name")}
          value={values.name}
          onValueChange={set("name")}
          error={fieldError("name")}
          maxLength={TEXT_MAX}
          {...required}
        />
        <Field
          id="details-client"
          label={t("details.client")}
          value={values.client}
          onValueChange={set("client")}
          error={fieldError("client")}
          maxLength={TEXT_MAX}
          {...required}
        />
        <Field
          id="details-organisation"
          label={t("details.organisation")}
          value={values.evaluatorOrganisation}
          onValueChange={set("evaluatorOrganisation")}
          error={fieldError("evaluatorOrganisation")}
          maxLength={TEXT_MAX}
          {...required}
        />
        <DateField
          id="details-period-start"
          label={t("details.periodStart")}
          value={values.periodStart}
          onValueChange={set("periodStart")}
          error={fieldError("periodStart")}
          {...required}
        />
        <DateField
          id="details-period-end"
          label={t("details.periodEnd")}
          value={values.periodEnd}
          onValueChange={set("periodEnd")}
          error={fieldError("periodEnd")}
          {...required}
        />
        <RadioGroup
          id="details-languages"
          legend={t("details.languages")}
          hint={t("details.languagesHint")}
          options={LANGUAGE_CHOICES.map((value) => ({ value, label: t(`details.languageChoices.${value}`) }))}
          value={values.languages}
          onChange={(value) => set("languages")(value)}
          error={fieldError("languages")}
          {...required}
        />
        <SelectField
          id="details-time-zone"
          label={t("details.timeZone")}
          hint={t("details.timeZoneHint")}
          value={values.timeZone}
          onValueChange={set("timeZone")}
          options={evaluation.timeZones.map((zone) => ({ value: zone, label: zone }))}
          error={fieldError("timeZone")}
          {...required}
        />
        <TextAreaField
          id="details-description"
          label={t("details.description")}
          hint={t("details.descriptionHint")}
          value={values.description}
          onValueChange={set("description")}
          error={fieldError("description")}
          maxLength={DESCRIPTION_MAX}
          rows={4}
        />
        <SubmitButton busy={form.busy} busyLabel={t("details.submitting")}>
          {t("details.submit")}
        </SubmitButton>
        <p role="status" className="muted">
          {saved ? t("saved") : null}
        </p>
      </ActionForm>
    </Section>
  );
}
