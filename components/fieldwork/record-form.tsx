"use client";

/**
 * The form of a fieldwork record, the same for interviews and focus groups: place, the team
 * members who ran it, the respondents heard, projects, notes and transcript. Each kind brings
 * its server actions (whose schema checks the input), the words for its people, and its own fields (`about`, and
 * `afterRespondents` for what sits under the respondents).
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import { fieldworkPath, type FieldworkKind } from "@/lib/fieldwork/kinds";
import { MAX_NOTES_LENGTH } from "@/lib/fieldwork/types";
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
import type { RecordFormValues } from "./record-values";
import { TranscriptFields } from "./transcript-fields";
import { checked, text, useFieldworkForm, type FieldErrorMap } from "./use-fieldwork-form";
import styles from "./fieldwork.module.css";

type Saved = ActionResult<{ id: string; version: number }>;

/** A list of people on the record: its field, and its word in the messages ("fields.interviewers"). */
type People<Word extends string> = { field: string; word: Word };

export type RecordFormKind = {
  kind: FieldworkKind;
  conflict: "rejections.VERSION_CONFLICT_INTERVIEW" | "rejections.VERSION_CONFLICT_FOCUS_GROUP";
  team: People<"interviewers" | "facilitators">;
  respondents: People<"respondents" | "participants">;
  /** The fields above the projects, in the order used to focus the first error. */
  leadingFields: readonly string[];
  create(values: Record<string, unknown>): Promise<Saved>;
  update(values: Record<string, unknown>, record: { id: string; version?: number }): Promise<Saved>;
};

/** Below the people, every kind has the same fields in the same order. */
const SHARED_FIELDS = [
  "projectIds",
  "notes",
  "transcriptOriginal",
  "transcriptLanguage",
  "transcriptTranslation",
  "translationLanguage",
  "translatedById",
];

type Props = {
  form: RecordFormKind;
  evaluationId: string;
  options: FormOptions;
  initial: RecordFormValues;
  teamIds: readonly string[];
  respondentIds: readonly string[];
  about: (errors: FieldErrorMap) => ReactNode;
  afterRespondents?: (errors: FieldErrorMap) => ReactNode;
};

export function RecordForm({
  form,
  evaluationId,
  options,
  initial,
  teamIds,
  respondentIds,
  about,
  afterRespondents,
}: Props) {
  const t = useTranslations("fieldwork");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { kind, team, respondents } = form;
  const id = (field: string) => `${kind.idPrefix}-${field}`;
  const editing = Boolean(initial.id);
  const fieldOrder = [...form.leadingFields, ...SHARED_FIELDS];
  const lists = new Set([team.field, respondents.field, "projectIds"]);
  const tr = t as unknown as (key: string, values?: Record<string, string | number>) => string;

  const { busy, errors, formError, handleSubmit } = useFieldworkForm({
    idPrefix: kind.idPrefix,
    fieldOrder,
    collect: (data) => ({
      evaluationId,
      ...Object.fromEntries(fieldOrder.map((name) => [name, lists.has(name) ? checked(data, name) : text(data, name)])),
    }),
    submit: (values) =>
      initial.id ? form.update(values, { id: initial.id, version: initial.version }) : form.create(values),
    onSaved: (saved) => router.push(fieldworkPath(kind, evaluationId, saved.id)),
    describeRejection: (reason) => {
      if (reason === "VERSION_CONFLICT") return t(form.conflict);
      if (reason !== "RESPONDENT_NOT_ELIGIBLE" || !formRef.current) return null;
      const codes = ineligibleCodes(options, checked(new FormData(formRef.current), respondents.field), respondentIds);
      return codes.length > 0 ? t("rejections.RESPONDENT_NOT_ELIGIBLE_CODES", { codes: codes.join(", ") }) : null;
    },
  });

  return (
    <form
      method="post"
      ref={formRef}
      className="form"
      noValidate
      onSubmit={handleSubmit}
      aria-describedby={id("form-error")}
    >
      <p className="form-error" role="alert" id={id("form-error")}>
        {formError}
      </p>

      <h2 className={styles.sectionTitle}>{t(`${kind.messages}.form.aboutSection`)}</h2>
      {about(errors)}
      <SelectField
        id={id("placeId")}
        name="placeId"
        label={t("fields.place")}
        hint={t("fields.placeHint")}
        defaultValue={initial.placeId}
        emptyLabel={t("fields.noPlace")}
        options={placeOptions(options)}
        error={errors.placeId}
      />

      <h2 className={styles.sectionTitle}>{t(`${kind.messages}.form.peopleSection`)}</h2>
      <CheckboxGroup
        id={id(team.field)}
        name={team.field}
        legend={t(`fields.${team.word}`)}
        hint={t(`fields.${team.word}Hint`)}
        choices={teamChoices(options)}
        defaultValues={teamIds}
        error={errors[team.field]}
      />
      <CheckboxGroup
        id={id(respondents.field)}
        name={respondents.field}
        legend={t(`fields.${respondents.word}`)}
        hint={t(`fields.${respondents.word}Hint`)}
        choices={respondentChoices(tr, options)}
        defaultValues={respondentIds}
        filterLabel={t("fields.filterRespondents")}
        emptyLabel={t("fields.noRespondents")}
        error={errors[respondents.field]}
      />
      {afterRespondents?.(errors)}
      <CheckboxGroup
        id={id("projectIds")}
        name="projectIds"
        legend={t("fields.projects")}
        choices={projectChoices(options, initial.projectIds)}
        defaultValues={initial.projectIds}
        emptyLabel={t("fields.noProjects")}
        error={errors.projectIds}
      />
      <TextAreaField
        id={id("notes")}
        name="notes"
        label={t("fields.notes")}
        maxLength={MAX_NOTES_LENGTH}
        defaultValue={initial.notes}
        error={errors.notes}
      />

      <TranscriptFields
        idPrefix={kind.idPrefix}
        initial={initial}
        editing={editing}
        team={teamOptions(options)}
        errors={errors}
      />

      <div className="actions">
        <Button type="submit" busy={busy} busyLabel={t("form.saving")}>
          {editing ? t(`${kind.messages}.form.saveChanges`) : t(`${kind.messages}.form.create`)}
        </Button>
        <Link href={initial.id ? fieldworkPath(kind, evaluationId, initial.id) : fieldworkPath(kind, evaluationId)}>
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}

/** The language spoken, offered the same way in both kinds' forms. */
export function SpokenLanguageField({
  idPrefix,
  initial,
  error,
}: {
  idPrefix: string;
  initial: string;
  error?: string;
}) {
  const t = useTranslations("fieldwork");
  const tr = t as unknown as (key: string) => string;
  return (
    <SelectField
      id={`${idPrefix}-language`}
      name="language"
      label={t("fields.language")}
      required
      defaultValue={initial}
      options={languageOptions(tr, initial)}
      error={error}
    />
  );
}
