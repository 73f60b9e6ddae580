"use client";

/** The analyst's three controls on a quotation: choose a passage, translate it, remove it. */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/choice-fields";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { ActionForm } from "@/components/ui/action-form";
import { ActionError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { addQuotation, dropQuotation, saveQuotationTranslation } from "@/lib/quotations/actions";
import { QUOTATION_LANGUAGES, QUOTATION_LIMITS, type QuotationLanguage } from "@/lib/quotations/types";
import { quotationFailureMessages } from "./failure-messages";

export function ChooseQuotation({
  evaluationId,
  storyId,
  excerptId,
}: {
  evaluationId: string;
  storyId: string;
  excerptId: string;
}) {
  const t = useTranslations("quotations");
  const router = useRouter();
  const action = useActionForm(addQuotation, {
    failureMessages: quotationFailureMessages,
    clearOnStart: true,
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <Button
        busy={action.busy}
        busyLabel={t("choose.busy")}
        onClick={() => action.submit({ evaluationId, storyId, excerptId })}
      >
        {t("choose.submit")}
      </Button>
      <ActionError message={action.formError} />
    </>
  );
}

export function QuotationTranslationForm({
  evaluationId,
  quotation,
}: {
  evaluationId: string;
  quotation: {
    id: string;
    version: number;
    language: string;
    translation: string | null;
    translationLanguage: string | null;
  };
}) {
  const t = useTranslations("quotations");
  const router = useRouter();
  const own = quotation.language.toLowerCase().split("-")[0];
  const [translation, setTranslation] = useState(quotation.translation ?? "");
  const [language, setLanguage] = useState<QuotationLanguage>(
    (quotation.translationLanguage as QuotationLanguage | null) ?? (own === "en" ? "es" : "en"),
  );
  const prefix = `quotation-${quotation.id}`;
  const form = useActionForm(saveQuotationTranslation, {
    failureMessages: quotationFailureMessages,
    focus: [
      ["translation", `${prefix}-translation`],
      ["translationLanguage", `${prefix}-language`],
    ],
    clearOnStart: true,
    onSuccess: () => router.refresh(),
  });
  return (
    <ActionForm
      form={form}
      messageId={`${prefix}-error`}
      className=""
      onSubmit={form.handleSubmit(() => ({
        evaluationId,
        quotationId: quotation.id,
        expectedVersion: quotation.version,
        translation,
        translationLanguage: language,
      }))}
    >
      <TextAreaField
        id={`${prefix}-translation`}
        label={t("translate.label")}
        hint={t("translate.hint")}
        rows={3}
        value={translation}
        onValueChange={setTranslation}
        maxLength={QUOTATION_LIMITS.translation}
        lang={language}
        error={form.fieldError("translation")}
      />
      <SelectField
        id={`${prefix}-language`}
        label={t("translate.language")}
        value={language}
        onValueChange={(value) => setLanguage(value as QuotationLanguage)}
        options={QUOTATION_LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) }))}
        error={form.fieldError("translationLanguage")}
      />
      <SubmitButton busy={form.busy} busyLabel={t("translate.busy")}>
        {t("translate.submit")}
      </SubmitButton>
    </ActionForm>
  );
}

export function RemoveQuotation({
  evaluationId,
  quotationId,
  version,
}: {
  evaluationId: string;
  quotationId: string;
  version: number;
}) {
  const t = useTranslations("quotations");
  const tCommon = useTranslations("triangulation");
  const router = useRouter();
  const action = useActionForm(dropQuotation, {
    failureMessages: quotationFailureMessages,
    clearOnStart: true,
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmButton
        label={t("remove.submit")}
        confirmLabel={t("remove.submit")}
        cancelLabel={tCommon("evidence.cancel")}
        busy={action.busy}
        busyLabel={t("remove.busy")}
        onConfirm={() => action.submit({ evaluationId, quotationId, expectedVersion: version })}
      />
      <ActionError message={action.formError} />
    </>
  );
}
