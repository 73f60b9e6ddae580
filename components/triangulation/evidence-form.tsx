"use client";

/**
 * Adds or edits one evidence item, with an optional attachment. The file is checked again on the
 * server by its content; here only its size, so a file over the limit is not sent at all.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions";
import { addEvidence, editEvidence } from "@/lib/triangulation/actions";
import { type EvidenceFieldsInput } from "@/lib/triangulation/schema";
import { isOneOf } from "@/lib/i18n/labels";
import { SOURCE_TYPES, STANCES, STRENGTHS, TRIANGULATION_LIMITS } from "@/lib/triangulation/types";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/file-check-limits";
import { triangulationFailureMessages } from "./failure-messages";
import styles from "./triangulation.module.css";
import { Field, TextAreaField } from "@/components/ui/field";
import { CheckboxField, SelectField } from "@/components/ui/choice-fields";

type Figure = { id: string; label: string };

type Props = {
  evaluationId: string;
  storyId: string;
  figures: Figure[];
  /** Set when editing: the stored item. */
  stored?: { id: string; version: number; values: EvidenceFieldsInput; file: string | null };
  /** Where to go after saving an edit. */
  returnTo: string;
};

/** The form's values: a choice not yet made is "", which the server's schema refuses next to its field. */
type Values = Omit<EvidenceFieldsInput, "sourceType" | "stance" | "strength"> & {
  sourceType: EvidenceFieldsInput["sourceType"] | "";
  stance: EvidenceFieldsInput["stance"] | "";
  strength: EvidenceFieldsInput["strength"] | "";
};

const EMPTY: Values = {
  sourceType: "",
  citation: "",
  whatItShows: "",
  whatItShowsTranslation: "",
  stance: "",
  strength: "",
  figureId: "",
  response: "",
  supportNote: "",
};

const ORDER = [
  ["sourceType", "evidence-sourceType"],
  ["citation", "evidence-citation"],
  ["whatItShows", "evidence-whatItShows"],
  ["whatItShowsTranslation", "evidence-whatItShowsTranslation"],
  ["stance", "evidence-stance"],
  ["strength", "evidence-strength"],
  ["figureId", "evidence-figureId"],
  ["response", "evidence-response"],
  ["supportNote", "evidence-supportNote"],
  ["file", "evidence-file"],
] as const;

export function EvidenceForm({ evaluationId, storyId, figures, stored, returnTo }: Props) {
  const t = useTranslations("triangulation");
  const router = useRouter();
  const [values, setValues] = useState<Values>(stored?.values ?? EMPTY);
  const [removeFile, setRemoveFile] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const prefix = stored ? `evidence-${stored.id}` : "evidence";

  const form = useActionForm(
    async (input: { file: File | null }): Promise<ActionResult<unknown>> => {
      // A file over the limit is not sent at all: it is refused here as the server refuses it.
      if (input.file && input.file.size > MAX_UPLOAD_BYTES)
        return { ok: false, error: "REJECTED", reason: "FILE_TOO_LARGE", field: "file" };
      return stored
        ? editEvidence({
            evaluationId,
            evidenceId: stored.id,
            expectedVersion: stored.version,
            evidence: values,
            file: input.file,
            removeFile,
          })
        : addEvidence({ evaluationId, storyId, evidence: values, file: input.file });
    },
    {
      failureMessages: triangulationFailureMessages,
      onStart: () => setStatus(null),
      focus: ORDER.map(([field, id]) => [field, id.replace("evidence", prefix)] as const),
      clearOnStart: true,
      busyAfterSuccess: Boolean(stored),
      onSuccess: () => {
        if (stored) {
          router.push(returnTo);
          return;
        }
        setValues(EMPTY);
        if (fileInput.current) fileInput.current.value = "";
        setStatus(t("evidence.added"));
        router.refresh();
      },
    },
  );

  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const id = (field: string) => `${prefix}-${field}`;
  const error = (field: string) => form.fieldError(field);
  const options = <T extends string>(list: readonly T[], label: (value: T) => string) =>
    list.map((value) => ({ value, label: label(value) }));

  return (
    <ActionForm
      form={form}
      messageId={`${prefix}-form-error`}
      className={styles.form}
      onSubmit={form.handleSubmit(() => ({ file: fileInput.current?.files?.[0] ?? null }))}
    >
      <p role="status" className={status ? "notice" : undefined}>
        {status}
      </p>
      <div className={styles.twoColumns}>
        <SelectField
          id={id("sourceType")}
          label={t("evidence.sourceType")}
          required
          value={values.sourceType ?? ""}
          onValueChange={(value) => set({ sourceType: isOneOf(SOURCE_TYPES, value) ? value : "" })}
          options={options(SOURCE_TYPES, (value) => t(`sourceTypes.${value}`))}
          placeholder=""
          error={error("sourceType")}
        />
        <SelectField
          id={id("stance")}
          label={t("evidence.stance")}
          required
          value={values.stance ?? ""}
          onValueChange={(value) => set({ stance: isOneOf(STANCES, value) ? value : "" })}
          options={options(STANCES, (value) => t(`stances.${value}`))}
          placeholder=""
          error={error("stance")}
        />
        <SelectField
          id={id("strength")}
          label={t("evidence.strength")}
          required
          value={values.strength ?? ""}
          onValueChange={(value) => set({ strength: isOneOf(STRENGTHS, value) ? value : "" })}
          options={options(STRENGTHS, (value) => t(`strengths.${value}`))}
          placeholder=""
          error={error("strength")}
        />
        <SelectField
          id={id("figureId")}
          label={t("evidence.figure")}
          value={values.figureId ?? ""}
          onValueChange={(value) => set({ figureId: value })}
          options={figures.map((figure) => ({ value: figure.id, label: figure.label }))}
          placeholder={t("evidence.noFigure")}
          error={error("figureId")}
        />
      </div>
      <Field
        id={id("citation")}
        label={t("evidence.citation")}
        hint={t("evidence.citationHint")}
        required
        value={values.citation ?? ""}
        onValueChange={(value) => set({ citation: value })}
        maxLength={TRIANGULATION_LIMITS.citation}
        error={error("citation")}
      />
      <TextAreaField
        id={id("whatItShows")}
        label={t("evidence.whatItShows")}
        required
        rows={3}
        value={values.whatItShows ?? ""}
        onValueChange={(value) => set({ whatItShows: value })}
        maxLength={TRIANGULATION_LIMITS.text}
        error={error("whatItShows")}
      />
      <TextAreaField
        id={id("whatItShowsTranslation")}
        label={t("evidence.whatItShowsTranslation")}
        hint={t("evidence.whatItShowsTranslationHint")}
        rows={3}
        value={values.whatItShowsTranslation ?? ""}
        onValueChange={(value) => set({ whatItShowsTranslation: value })}
        maxLength={TRIANGULATION_LIMITS.text}
        error={error("whatItShowsTranslation")}
      />
      <TextAreaField
        id={id("response")}
        label={t("evidence.response")}
        hint={t("evidence.responseHint")}
        rows={3}
        value={values.response ?? ""}
        onValueChange={(value) => set({ response: value })}
        maxLength={TRIANGULATION_LIMITS.text}
        error={error("response")}
      />
      {values.stance === "MIXED" ? (
        <TextAreaField
          id={id("supportNote")}
          label={t("evidence.supportNote")}
          hint={t("evidence.supportNoteHint")}
          rows={3}
          value={values.supportNote ?? ""}
          onValueChange={(value) => set({ supportNote: value })}
          maxLength={TRIANGULATION_LIMITS.text}
          error={error("supportNote")}
        />
      ) : null}
      <Field
        ref={fileInput}
        id={id("file")}
        type="file"
        label={t("evidence.file")}
        hint={t("evidence.fileHint")}
        accept=".pdf,.png,.jpg,.jpeg,.webp,.xlsx,.csv,application/pdf,image/png,image/jpeg,image/webp,text/csv"
        error={error("file")}
      />
      {stored?.file ? (
        <div className="field">
          <p className="muted">{stored.file}</p>
          <CheckboxField
            id={id("removeFile")}
            label={t("evidence.removeFile")}
            checked={removeFile}
            onChange={setRemoveFile}
          />
        </div>
      ) : null}
      <SubmitButton busy={form.busy} busyLabel={t("evidence.busy")}>
        {stored ? t("evidence.submitEdit") : t("evidence.submitAdd")}
      </SubmitButton>
    </ActionForm>
  );
}
