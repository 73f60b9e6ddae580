"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { recordConsent } from "@/lib/respondents/actions";
import { CONSENT_METHODS, CONSENT_SCOPES, FIELD_LANGUAGES } from "@/lib/respondents/constants";
import { ChoiceGroup } from "./choice-group";
import styles from "./respondents.module.css";
import { SelectField } from "./select-field";
import { FormSummary, useFormFeedback } from "./use-form-feedback";

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
  const feedback = useFormFeedback();
  const [pending, startTransition] = useTransition();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const answer = (name: string) => {
      const value = data.get(name);
      return value === null ? undefined : String(value);
    };
    const input = {
      evaluationId,
      respondentId,
      givenOn: String(data.get("givenOn") ?? ""),
      method: answer("method"),
      formVersion: String(data.get("formVersion") ?? ""),
      language: String(data.get("language") ?? ""),
      scopes: Object.fromEntries(CONSENT_SCOPES.map((scope) => [scope, answer(`scope-${scope}`)])),
    };
    startTransition(async () => {
      try {
        const result = await recordConsent(input);
        if (feedback.accept(result)) {
          router.push(detailHref);
          router.refresh();
        }
      } catch {
        feedback.unexpected();
      }
    });
  }

  return (
    <form
      method="post"
      ref={feedback.formRef}
      className="form"
      noValidate
      onSubmit={handleSubmit}
      aria-describedby="consent-form-summary"
    >
      <FormSummary id="consent-form-summary" message={feedback.formError} summaryRef={feedback.summaryRef} />
      <div className={styles.grid}>
        <Field
          id="consent-given-on"
          name="givenOn"
          type="date"
          label={t("consentForm.givenOn")}
          required
          error={feedback.errorFor("givenOn")}
        />
        <Field
          id="consent-form-version"
          name="formVersion"
          label={t("consentForm.formVersion")}
          hint={t("consentForm.formVersionHint")}
          required
          maxLength={50}
          error={feedback.errorFor("formVersion")}
        />
        <SelectField
          id="consent-language"
          name="language"
          label={t("consentForm.language")}
          required
          defaultValue="es"
          error={feedback.errorFor("language")}
        >
          {FIELD_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`languages.${code}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ChoiceGroup
        id="consent-method"
        name="method"
        type="radio"
        required
        legend={t("consentForm.method")}
        choices={CONSENT_METHODS.map((method) => ({ value: method, label: t(`methods.${method}`) }))}
        error={feedback.errorFor("method")}
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
                error={feedback.errorFor(`scopes.${scope}`)}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <Button type="submit" busy={pending} busyLabel={t("consentForm.submitting")}>
          {t("consentForm.submit")}
        </Button>
        <Link href={detailHref}>{t("consentForm.cancel")}</Link>
      </div>
    </form>
  );
}
