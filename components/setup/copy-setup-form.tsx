"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { SelectField } from "@/components/ui/choice-fields";
import { copyEvaluationSetup } from "@/lib/evaluations/actions";
import { setupFailureMessages } from "./failure-messages";

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
  const { submit, busy, fieldError, formError } = useActionForm(copyEvaluationSetup, {
    focus: [["sourceEvaluationId", "copy-source"]],
    failureMessages: setupFailureMessages,
    onStart: () => setDone(null),
    onSuccess: (copied) => {
      setDone(t("done", copied));
      router.refresh();
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit({ evaluationId, sourceEvaluationId });
  }

  return (
    <section className="section" aria-labelledby="copy-title">
      <h2 id="copy-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      {sources.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <form method="post" className="form" noValidate onSubmit={handleSubmit} aria-describedby="copy-error">
          <FormError id="copy-error" message={formError} />
          <SelectField
            id="copy-source"
            label={t("source")}
            value={sourceEvaluationId}
            onValueChange={setSource}
            placeholder={t("choose")}
            options={sources.map((source) => ({ value: source.id, label: source.name }))}
            error={fieldError("sourceEvaluationId")}
          />
          <SubmitButton busy={busy} busyLabel={t("submitting")}>
            {t("submit")}
          </SubmitButton>
        </form>
      )}
      <p role="status" className="muted">
        {done}
      </p>
    </section>
  );
}
