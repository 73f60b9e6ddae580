"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { DateField } from "@/components/ui/date-field";
import { TextAreaField } from "@/components/ui/field";
import { formChoice, formText } from "@/components/ui/form-data";
import { ActionForm } from "@/components/ui/action-form";
import { useActionForm } from "@/components/ui/use-action-form";
import { withdrawConsent } from "@/lib/respondents/actions";
import { WITHDRAWAL_CHOICES } from "@/lib/respondents/constants";
import { ChoiceGroup } from "./choice-group";
import styles from "./respondents.module.css";
import { respondentFailureMessages } from "./failure-messages";

type WithdrawalFormProps = {
  evaluationId: string;
  respondentId: string;
  consentId: string;
  detailHref: string;
  counts: { interviews: number; focusGroups: number; stories: number };
};

/** Records a withdrawal of consent; final, so it asks for an explicit confirmation. */
export function WithdrawalForm({ evaluationId, respondentId, consentId, detailHref, counts }: WithdrawalFormProps) {
  const t = useTranslations("respondents");
  const router = useRouter();
  const form = useActionForm(withdrawConsent, {
    failureMessages: respondentFailureMessages,
    busyAfterSuccess: true,
    onSuccess: () => {
      router.push(detailHref);
      router.refresh();
    },
  });
  const [choice, setChoice] = useState<string | null>(null);

  const handleSubmit = form.handleSubmit((data) => ({
    evaluationId,
    respondentId,
    consentId,
    withdrawnOn: formText(data, "withdrawnOn"),
    choice: formChoice(data, "choice"),
    note: formText(data, "note"),
    confirmed: data.get("confirmed") === "yes",
  }));

  const confirmError = form.fieldError("confirmed");
  return (
    <ActionForm form={form} messageId="withdrawal-form-summary" onSubmit={handleSubmit}>
      <DateField
        id="withdrawal-date"
        name="withdrawnOn"
        label={t("withdrawal.withdrawnOn")}
        required
        error={form.fieldError("withdrawnOn")}
      />
      <div onChange={(event) => setChoice((event.target as HTMLInputElement).value)}>
        <ChoiceGroup
          id="withdrawal-choice"
          name="choice"
          type="radio"
          required
          legend={t("withdrawal.choice")}
          choices={WITHDRAWAL_CHOICES.map((value) => ({
            value,
            label: t(`choices.${value}`),
            description: t(`choiceHelp.${value}`),
          }))}
          error={form.fieldError("choice")}
        />
      </div>
      {choice === "DESTROY" ? (
        <p className={styles.warning} role="note">
          {t("withdrawal.destroyWarning", counts)}
        </p>
      ) : null}
      <TextAreaField
        id="withdrawal-note"
        name="note"
        label={t("withdrawal.note")}
        hint={t("withdrawal.noteHint")}
        rows={3}
        maxLength={2000}
        error={form.fieldError("note")}
      />
      <div className={[styles.option, confirmError ? styles.choicesInvalid : null].filter(Boolean).join(" ")}>
        <input
          type="checkbox"
          id="withdrawal-confirm"
          name="confirmed"
          value="yes"
          aria-invalid={confirmError ? true : undefined}
          aria-describedby={confirmError ? "withdrawal-confirm-error" : undefined}
        />
        <label htmlFor="withdrawal-confirm">{t("withdrawal.confirm")}</label>
      </div>
      {confirmError ? (
        <p className="field__error" id="withdrawal-confirm-error">
          {confirmError}
        </p>
      ) : null}
      <SubmitButton
        busy={form.busy}
        busyLabel={t("withdrawal.submitting")}
        cancel={{ href: detailHref, label: t("withdrawal.cancel") }}
      >
        {t("withdrawal.submit")}
      </SubmitButton>
    </ActionForm>
  );
}
