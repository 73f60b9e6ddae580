"use client";

/** The analyst's sign-off on the version of the story shown on the page. */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { signOffStoryTriangulation } from "@/lib/triangulation/actions";
import { TRIANGULATION_LIMITS } from "@/lib/triangulation/types";
import { triangulationFailureMessages } from "./failure-messages";
import styles from "./triangulation.module.css";
import { TextAreaField } from "@/components/ui/field";

export function SignOffForm({
  evaluationId,
  storyId,
  storyVersion,
}: {
  evaluationId: string;
  storyId: string;
  storyVersion: number;
}) {
  const t = useTranslations("triangulation");
  const router = useRouter();
  const [note, setNote] = useState("");
  const form = useActionForm(signOffStoryTriangulation, {
    failureMessages: triangulationFailureMessages,
    focus: [["note", "sign-off-note"]],
    clearOnStart: true,
    onSuccess: () => {
      setNote("");
      router.refresh();
    },
  });
  return (
    <ActionForm
      form={form}
      messageId="sign-off-form-error"
      className={styles.form}
      heading={<p className="muted">{t("signOff.help")}</p>}
      onSubmit={form.handleSubmit(() => ({ evaluationId, storyId, storyVersion, note }))}
    >
      <TextAreaField
        id="sign-off-note"
        label={t("signOff.note")}
        hint={t("signOff.noteHint")}
        rows={3}
        value={note}
        onValueChange={setNote}
        maxLength={TRIANGULATION_LIMITS.note}
        error={form.fieldError("note")}
      />
      <SubmitButton busy={form.busy} busyLabel={t("signOff.busy")}>
        {t("signOff.submit", { version: storyVersion })}
      </SubmitButton>
    </ActionForm>
  );
}
