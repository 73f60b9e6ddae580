"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/choice-fields";
import { DateField } from "@/components/ui/date-field";
import { Field } from "@/components/ui/field";
import { formChoice, formText } from "@/components/ui/form-data";
import { ActionForm } from "@/components/ui/action-form";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordConsent } from "@/lib/respondents/actions";
import { CONSENT_METHODS, CONSENT_SCOPES, FIELD_LANGUAGES } from "@/lib/respondents/constants";
import { ChoiceGroup } from "./choice-group";
import { respondentFailureMessages } from "./failure-messages";
import styles from "./respondents.module.css";

/** One consent form as the respondent gave it: every scope answered, granted or not. */
export function ConsentForm({
  evaluationId,
  respondentId,
  detailHref,
}: {
  evaluationId: string;
  respondentId: string;
  detailHref: string;
}) {
  const t = useTranslations("respondents");
  const router = useRouter();
  const form = useActionForm(recordConsent, {
    failureMessages: respondentFailureMessages,
    busyAfterSuccess: true,
    onSuccess: () => {
      router.push(detailHref);
      router.refresh();
    },
  });

  const handleSubmit = form.handleSubmit((data) => ({
    evaluationId,
    respondentId,
    givenOn: formText(data, "givenOn"),
    method: formChoice(data, "method"),
    formVersion: formText(data, "formVersion"),
    language: formText(data, "language"),
    scopes: Object.fromEntries(CONSENT_SCOPES.map((scope) => [scope, formChoice(data, `scope-${scope}`)])),
  }));

  return (
    <ActionForm form={form} messageId="consent-form-summary" onSubmit={handleSubmit}>
      <div className={styles.grid}>
        <DateField
          id="consent-given-on"
          name="givenOn"
          label={t("consentForm.givenOn")}
          required
          error={form.fieldError("givenOn")}
        />
        <Field
          id="consent-form-version"
          name="formVersion"
          label={t("consentForm.formVersion")}
          hint={t("consentForm.formVersionHint")}
          required
          maxLength={50}
          error={form.fieldError("formVersion")}
        />
        <SelectField
          id="consent-language"
          name="language"
          label={t("consentForm.language")}
          required
          defaultValue="es"
          error={form.fieldError("language")}
          options={FIELD_LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
        />
      </div>
      <ChoiceGroup
        id="consent-method"
        name="method"
        type="radio"
        required
        legend={t("consentForm.method")}
        choices={CONSENT_METHODS.map((method) => ({ value: method, label: t(`methods.${method}`) }))}
        error={form.fieldError("method")}
      />
      <fieldset className={styles.group}>
        <legend>{t("consentForm.scopesLegend")}</legend>
        <div className={styles.scopes}>
          {CONSENT_SCOPES.map((scope) => (
            <div key={scope} className={styles.scopeRow}>
              <ChoiceGroup
                id={`consent-scope-${scope}`}
                name={`scope-${scope}`}
                type="radio"
                required
                inline
                legend={t(`scopes.${scope}`)}
                choices={[
                  { value: "yes", label: t("consentForm.yes") },
                  { value: "no", label: t("consentForm.no") },
                ]}
                error={form.fieldError(`scopes.${scope}`)}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <SubmitButton
        busy={form.busy}
        busyLabel={t("consentForm.submitting")}
        cancel={{ href: detailHref, label: t("consentForm.cancel") }}
      >
        {t("consentForm.submit")}
      </SubmitButton>
    </ActionForm>
  );
}
