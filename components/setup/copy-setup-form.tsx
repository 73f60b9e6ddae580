"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { SelectField } from "@/components/ui/choice-fields";
import { copyEvaluationSetup } from "@/lib/evaluations/actions";
import { setupFailureMessages } from "./failure-messages";
import { Section } from "@/components/ui/section";

/** Copies another evaluation's lists into this one; says what it copied. */
export function CopySetupForm({
  evaluationId,
  sources,
}: {
  evaluationId: string;
  sources: Array<{ id: string; name: string }>;
}) {
  const t = useTranslations("setup.copy");
  const router = useRouter();
  const [sourceEvaluationId, setSource] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useActionForm(copyEvaluationSetup, {
    focus: [["sourceEvaluationId", "copy-source"]],
    failureMessages: setupFailureMessages,
    onStart: () => setDone(null),
    onSuccess: (copied) => {
      setDone(t("done", copied));
      router.refresh();
    },
  });

  return (
    <Section id="copy-title" title={t("title")} description={t("intro")}>
      {sources.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ActionForm
          form={form}
          messageId="copy-error"
          onSubmit={form.handleSubmit(() => ({ evaluationId, sourceEvaluationId }))}
        >
          <SelectField
            id="copy-source"
            label={t("source")}
            value={sourceEvaluationId}
            onValueChange={setSource}
            placeholder={t("choose")}
            options={sources.map((source) => ({ value: source.id, label: source.name }))}
            error={form.fieldError("sourceEvaluationId")}
          />
          <SubmitButton busy={form.busy} busyLabel={t("submitting")}>
            {t("submit")}
          </SubmitButton>
        </ActionForm>
      )}
      <p role="status" className="muted">
        {done}
      </p>
    </Section>
  );
}
