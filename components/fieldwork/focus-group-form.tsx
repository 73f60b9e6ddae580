"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createFocusGroup, updateFocusGroup } from "@/lib/focus-groups/actions";
import { focusGroupInputSchema, MAX_ANONYMOUS_PARTICIPANTS, MAX_TOPIC_LENGTH } from "@/lib/focus-groups/schema";
import { MAX_NOTES_LENGTH } from "@/lib/interviews/fields";
import { ineligibleCodes, languageOptions, placeOptions, projectChoices, respondentChoices, teamChoices, teamOptions, type FormOptions } from "./choices";
import { CheckboxGroup, SelectField, TextAreaField } from "./form-parts";
import { TranscriptFields } from "./transcript-fields";
import { checked, text, useFieldworkForm } from "./use-fieldwork-form";
import styles from "./fieldwork.module.css";

export type FocusGroupFormValues = {
  id?: string;
  version?: number;
  date: string;
  placeId: string | null;
  topic: string;
  language: string;
  anonymousParticipantCount: number;
  notes: string | null;
  transcriptOriginal: string | null;
  transcriptLanguage: string | null;
  transcriptTranslation: string | null;
  translationLanguage: string | null;
  translatedById: string | null;
  facilitatorIds: string[];
  participantIds: string[];
  projectIds: string[];
};

const TEXT_FIELDS = [
  "date",
  "placeId",
  "topic",
  "language",
  "anonymousParticipantCount",
  "notes",
  "transcriptOriginal",
  "transcriptLanguage",
  "transcriptTranslation",
  "translationLanguage",
  "translatedById",
];
const FIELDS = ["date", "topic", "language", "placeId", "facilitatorIds", "participantIds", "anonymousParticipantCount", "projectIds", "notes", "transcriptOriginal", "transcriptLanguage", "transcriptTranslation", "translationLanguage", "translatedById"];

export function FocusGroupForm({ evaluationId, options, initial }: { evaluationId: string; options: FormOptions; initial: FocusGroupFormValues }) {
  const t = useTranslations("fieldwork");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const editing = Boolean(initial.id);
  const base = `/evaluations/${encodeURIComponent(evaluationId)}/focus-groups`;
  const cancelHref = initial.id ? `${base}/${encodeURIComponent(initial.id)}` : base;
  const tr = t as unknown as (key: string, values?: Record<string, string | number>) => string;

  const { busy, errors, formError, handleSubmit } = useFieldworkForm({
    schema: focusGroupInputSchema,
    idPrefix: "focus-group",
    fieldOrder: FIELDS,
    collect: (data) => ({
      evaluationId,
      ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(data, name)])),
      facilitatorIds: checked(data, "facilitatorIds"),
      participantIds: checked(data, "participantIds"),
      projectIds: checked(data, "projectIds"),
    }),
    submit: (values) =>
      initial.id ? updateFocusGroup({ ...values, focusGroupId: initial.id, version: initial.version }) : createFocusGroup(values),
    onSaved: (saved) => router.push(`${base}/${encodeURIComponent(saved.id)}`),
    describeRejection: (reason) => {
      if (reason === "VERSION_CONFLICT") return t("rejections.VERSION_CONFLICT_FOCUS_GROUP");
      if (reason !== "RESPONDENT_NOT_ELIGIBLE" || !formRef.current) return null;
      const codes = ineligibleCodes(options, checked(new FormData(formRef.current), "participantIds"), initial.participantIds);
      return codes.length > 0 ? t("rejections.RESPONDENT_NOT_ELIGIBLE_CODES", { codes: codes.join(", ") }) : null;
    },
  });

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-describedby="focus-group-form-error">
      <p className="form-error" role="alert" id="focus-group-form-error">
        {formError}
      </p>

      <h2 className={styles.sectionTitle}>{t("focusGroups.form.aboutSection")}</h2>
      <Field id="focus-group-topic" name="topic" label={t("fields.topic")} required maxLength={MAX_TOPIC_LENGTH} defaultValue={initial.topic} error={errors.topic} />
      <div className={styles.row}>
        <Field id="focus-group-date" name="date" type="date" label={t("fields.date")} required defaultValue={initial.date} error={errors.date} />
        <SelectField
          id="focus-group-language"
          name="language"
          label={t("fields.language")}
          required
          defaultValue={initial.language}
          options={languageOptions(tr, initial.language)}
          error={errors.language}
        />
      </div>
      <SelectField
        id="focus-group-placeId"
        name="placeId"
        label={t("fields.place")}
        hint={t("fields.placeHint")}
        defaultValue={initial.placeId}
        emptyLabel={t("fields.noPlace")}
        options={placeOptions(options)}
        error={errors.placeId}
      />

      <h2 className={styles.sectionTitle}>{t("focusGroups.form.peopleSection")}</h2>
      <CheckboxGroup
        id="focus-group-facilitatorIds"
        name="facilitatorIds"
        legend={t("fields.facilitators")}
        hint={t("fields.facilitatorsHint")}
        choices={teamChoices(options)}
        defaultValues={initial.facilitatorIds}
        error={errors.facilitatorIds}
      />
      <CheckboxGroup
        id="focus-group-participantIds"
        name="participantIds"
        legend={t("fields.participants")}
        hint={t("fields.participantsHint")}
        choices={respondentChoices(tr, options)}
        defaultValues={initial.participantIds}
        filterLabel={t("fields.filterRespondents")}
        emptyLabel={t("fields.noRespondents")}
        error={errors.participantIds}
      />
      <Field
        id="focus-group-anonymousParticipantCount"
        name="anonymousParticipantCount"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_ANONYMOUS_PARTICIPANTS}
        step={1}
        label={t("fields.anonymousParticipantCount")}
        hint={t("fields.anonymousParticipantCountHint")}
        defaultValue={initial.anonymousParticipantCount}
        error={errors.anonymousParticipantCount}
      />
      <CheckboxGroup
        id="focus-group-projectIds"
        name="projectIds"
        legend={t("fields.projects")}
        choices={projectChoices(options)}
        defaultValues={initial.projectIds}
        emptyLabel={t("fields.noProjects")}
        error={errors.projectIds}
      />
      <TextAreaField id="focus-group-notes" name="notes" label={t("fields.notes")} maxLength={MAX_NOTES_LENGTH} defaultValue={initial.notes} error={errors.notes} />

      <TranscriptFields idPrefix="focus-group" initial={initial} editing={editing} team={teamOptions(options)} errors={errors} />

      <div className="actions">
        <Button type="submit" busy={busy} busyLabel={t("form.saving")}>
          {editing ? t("focusGroups.form.saveChanges") : t("focusGroups.form.create")}
        </Button>
        <Link href={cancelHref}>{t("form.cancel")}</Link>
      </div>
    </form>
  );
}
