"use client";
/**
 * Correcting a recorded response: verdict, comments and proposed changes, checked with the schema
 * the server uses. The form saves over the version it loaded; when someone else saved first the
 * server refuses, the page reloads the stored response, and each field shows what they saved next
 * to what is typed here, so saving again is a choice made with both in view.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextAreaField } from "@/components/ui/field";
import { correctValidationResponse } from "@/lib/validation/actions";
import { LIMITS, VALIDATION_VERDICTS } from "@/lib/validation/types";
import { validationFailureMessages } from "./failure-messages";
import styles from "./validation.module.css";

type Values = { verdict: string; comments: string; proposedChanges: string };

/** The response as stored, with its version and whether its dispute carries a written resolution. */
export type StoredResponse = Values & { version: number; resolved: boolean };

const FIELDS = ["verdict", "comments", "proposedChanges"] as const;
const id = (field: string) => `correction-${field}`;

export function CorrectionForm({
  evaluationId,
  responseId,
  stored,
}: {
  evaluationId: string;
  responseId: string;
  stored: StoredResponse;
}) {
  const t = useTranslations("respondentValidation");
  const router = useRouter();
  const [values, setValues] = useState<Values>({
    verdict: stored.verdict,
    comments: stored.comments,
    proposedChanges: stored.proposedChanges,
  });
  // The version these values were loaded from; the page's `stored` moves on when someone else saves.
  const [loadedVersion, setLoadedVersion] = useState(stored.version);
  const [status, setStatus] = useState<string | null>(null);
  // Someone else saved after these values were loaded (our own save is ahead of the page until it reloads).
  const savedMeanwhile = stored.version > loadedVersion;

  const form = useActionForm(correctValidationResponse, {
    failureMessages: validationFailureMessages,
    clearOnStart: true,
    onStart: () => setStatus(null),
    focus: FIELDS.map((field) => [field, id(field)] as const),
    onFailure: (failure) => {
      if (failure.error === "REJECTED" && failure.reason === "EDITED_BY_SOMEONE_ELSE") router.refresh();
    },
    onSuccess: (data) => {
      const saved = data as { version: number; changed: boolean; storyMove: "REOPEN" | "RESTORE" | null };
      setLoadedVersion(saved.version);
      setStatus(
        !saved.changed
          ? t("correction.unchanged")
          : saved.storyMove
            ? t(`correction.saved${saved.storyMove}`, { version: saved.version })
            : t("correction.saved", { version: saved.version }),
      );
      router.refresh();
    },
  });

  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const theirs = (field: (typeof FIELDS)[number]) => {
    if (!savedMeanwhile || stored[field] === values[field]) return undefined;
    const value =
      field === "verdict" ? t(`verdict.${stored.verdict as "CONFIRMS"}`) : stored[field] || t("correction.empty");
    return t("correction.theirValue", { value });
  };
  const hint = (field: (typeof FIELDS)[number], own?: string) =>
    [own, theirs(field)].filter(Boolean).join(" ") || undefined;
  const consequence =
    values.verdict === "DISPUTES" && stored.verdict !== "DISPUTES"
      ? t("correction.becomesDispute")
      : values.verdict !== "DISPUTES" && stored.verdict === "DISPUTES"
        ? t(stored.resolved ? "correction.endsResolvedDispute" : "correction.endsDispute")
        : undefined;

  return (
    <ActionForm
      form={form}
      messageId="correction-form-error"
      className={styles.form}
      onSubmit={form.handleSubmit(() => ({
        evaluationId,
        responseId,
        expectedVersion: Math.max(stored.version, loadedVersion),
        ...values,
      }))}
    >
      {savedMeanwhile ? (
        <p className="notice" role="status">
          {t("correction.savedMeanwhile", { version: stored.version })}
        </p>
      ) : null}
      <p role="status" className={status ? "notice" : undefined}>
        {status}
      </p>
      <RadioGroup
        id={id("verdict")}
        legend={t("round.verdictLabel")}
        hint={hint("verdict", consequence)}
        error={form.fieldError("verdict")}
        options={VALIDATION_VERDICTS.map((verdict) => ({ value: verdict, label: t(`verdict.${verdict}`) }))}
        value={values.verdict}
        onChange={(verdict) => set({ verdict })}
      />
      <TextAreaField
        id={id("comments")}
        label={t("round.comments")}
        hint={hint("comments")}
        rows={4}
        maxLength={LIMITS.comments}
        value={values.comments}
        onValueChange={(comments) => set({ comments })}
        error={form.fieldError("comments")}
      />
      <TextAreaField
        id={id("proposedChanges")}
        label={t("round.proposedChanges")}
        hint={hint("proposedChanges")}
        rows={4}
        maxLength={LIMITS.comments}
        value={values.proposedChanges}
        onValueChange={(proposedChanges) => set({ proposedChanges })}
        error={form.fieldError("proposedChanges")}
      />
      <SubmitButton busy={form.busy} busyLabel={t("correction.saving")}>
        {savedMeanwhile ? t("correction.saveOver", { version: stored.version }) : t("correction.save")}
      </SubmitButton>
    </ActionForm>
  );
}
