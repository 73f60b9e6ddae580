"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createInterview, updateInterview } from "@/lib/interviews/actions";
import { MAX_NOTES_LENGTH } from "@/lib/interviews/fields";
import { INTERVIEW_MODES, interviewInputSchema, MAX_DURATION_MINUTES } from "@/lib/interviews/schema";
import {
  ineligibleCodes,
  languageOptions,
  placeOptions,
  projectChoices,
  respondentChoices,
  teamChoices,
  teamOptions,
  type FormOptions,
} from "./choices";
import { CheckboxGroup, SelectField, TextAreaField } from "./form-parts";
import { TranscriptFields } from "./transcript-fields";
import { checked, text, useFieldworkForm } from "./use-fieldwork-form";
import styles from "./fieldwork.module.css";

export type InterviewFormValues = {
  id?: string;
  version?: number;
  date: string;
  mode: string;
  placeId: string | null;
  language: string;
  durationMinutes: number | null;
  notes: string | null;
  transcriptOriginal: string | null;
  transcriptLanguage: string | null;
  transcriptTranslation: string | null;
  translationLanguage: string | null;
  translatedById: string | null;
  interviewerIds: string[];
  respondentIds: string[];
  projectIds: string[];
};

const FIELDS = [
  "date",
  "mode",
  "placeId",
  "language",
  "durationMinutes",
  "interviewerIds",
  "respondentIds",
  "projectIds",
  "notes",
  "transcriptOriginal",
  "transcriptLanguage",
  "transcriptTranslation",
  "translationLanguage",
  "translatedById",
];

export function InterviewForm({ evaluationId, options, initial }: { evaluationId: string; options: FormOptions; initial: InterviewFormValues }) {
  const t = useTranslations("fieldwork");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const editing = Boolean(initial.id);
  const base = `/evaluations/${encodeURIComponent(evaluationId)}/interviews`;
  const cancelHref = initial.id ? `${base}/${encodeURIComponent(initial.id)}` : base;

  const { busy, errors, formError, handleSubmit } = useFieldworkForm({
    schema: interviewInputSchema,
    idPrefix: "interview",
    fieldOrder: FIELDS,
    collect: (data) => ({
      evaluationId,
      ...Object.fromEntries(
        ["date", "mode", "placeId", "language", "durationMinutes", "notes", "transcriptOriginal", "transcriptLanguage", "transcriptTranslation", "translationLanguage", "translatedById"].map(
          (name) => [name, text(data, name)],
        ),
      ),
      interviewerIds: checked(data, "interviewerIds"),
      respondentIds: checked(data, "respondentIds"),
      projectIds: checked(data, "projectIds"),
    }),
    submit: (values) =>
      initial.id
        ? updateInterview({ ...values, interviewId: initial.id, version: initial.version })
        : createInterview(values),
    onSaved: (saved) => router.push(`${base}/${encodeURIComponent(saved.id)}`),
    describeRejection: (reason) => {
      if (reason === "VERSION_CONFLICT") return t("rejections.VERSION_CONFLICT_INTERVIEW");
      if (reason !== "RESPONDENT_NOT_ELIGIBLE" || !formRef.current) return null;
      const codes = ineligibleCodes(options, checked(new FormData(formRef.current), "respondentIds"), initial.respondentIds);
      return codes.length > 0 ? t("rejections.RESPONDENT_NOT_ELIGIBLE_CODES", { codes: codes.join(", ") }) : null;
    },
  });
  const tr = t as unknown as (key: string, values?: Record<string, string | number>) => string;

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-describedby="interview-form-error">
      <p className="form-error" role="alert" id="interview-form-error">
        {formError}
      </p>

      <h2 className={styles.sectionTitle}>{t("interviews.form.aboutSection")}</h2>
      <div className={styles.row}>
        <Field id="interview-date" name="date" type="date" label={t("fields.date")} required defaultValue={initial.date} error={errors.date} />
        <SelectField
          id="interview-mode"
          name="mode"
          label={t("fields.mode")}
          required
          defaultValue={initial.mode}
          options={INTERVIEW_MODES.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))}
          error={errors.mode}
        />
        <SelectField
          id="interview-language"
          name="language"
          label={t("fields.language")}
          required
          defaultValue={initial.language}
          options={languageOptions(tr, initial.language)}
          error={errors.language}
        />
        <Field
          id="interview-durationMinutes"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_DURATION_MINUTES}
          step={1}
          label={t("fields.durationMinutes")}
          defaultValue={initial.durationMinutes ?? ""}
          error={errors.durationMinutes}
        />
      </div>
      <SelectField
        id="interview-placeId"
        name="placeId"
        label={t("fields.place")}
        hint={t("fields.placeHint")}
        defaultValue={initial.placeId}
        emptyLabel={t("fields.noPlace")}
        options={placeOptions(options)}
        error={errors.placeId}
      />

      <h2 className={styles.sectionTitle}>{t("interviews.form.peopleSection")}</h2>
      <CheckboxGroup
        id="interview-interviewerIds"
        name="interviewerIds"
        legend={t("fields.interviewers")}
        hint={t("fields.interviewersHint")}
        choices={teamChoices(options)}
        defaultValues={initial.interviewerIds}
        error={errors.interviewerIds}
      />
      <CheckboxGroup
        id="interview-respondentIds"
        name="respondentIds"
        legend={t("fields.respondents")}
        hint={t("fields.respondentsHint")}
        choices={respondentChoices(tr, options)}
        defaultValues={initial.respondentIds}
        filterLabel={t("fields.filterRespondents")}
        emptyLabel={t("fields.noRespondents")}
        error={errors.respondentIds}
      />
      <CheckboxGroup
        id="interview-projectIds"
        name="projectIds"
        legend={t("fields.projects")}
        choices={projectChoices(options)}
        defaultValues={initial.projectIds}
        emptyLabel={t("fields.noProjects")}
        error={errors.projectIds}
      />
      <TextAreaField id="interview-notes" name="notes" label={t("fields.notes")} maxLength={MAX_NOTES_LENGTH} defaultValue={initial.notes} error={errors.notes} />

      <TranscriptFields idPrefix="interview" initial={initial} editing={editing} team={teamOptions(options)} errors={errors} />

      <div className="actions">
        <Button type="submit" busy={busy} busyLabel={t("form.saving")}>
          {editing ? t("interviews.form.saveChanges") : t("interviews.form.create")}
        </Button>
        <Link href={cancelHref}>{t("form.cancel")}</Link>
      </div>
    </form>
  );
}
