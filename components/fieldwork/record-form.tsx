"use client";

/**
 * The form of a fieldwork record, the same for interviews and focus groups: place, the team
 * members who ran it, the respondents heard, projects, notes and transcript. Each kind brings
 * its server actions (whose schema checks the input), the words for its people, and its own fields (`about`, and
 * `afterRespondents` for what sits under the respondents).
 */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxGroup, SelectField } from "@/components/ui/choice-fields";
import { DateField } from "@/components/ui/date-field";
import { TextAreaField } from "@/components/ui/field";
import { formChoices, formText } from "@/components/ui/form-data";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions";
import { MAX_TRANSCRIPT_LENGTH } from "@/lib/excerpts/types";
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
import { fieldworkFailureMessages, type FieldworkConflictKey } from "./failure-messages";
import type { RecordFormValues } from "./record-values";
import { TranscriptFields } from "./transcript-fields";
import styles from "./fieldwork.module.css";

type Saved = ActionResult<{ id: string; version: number }>;

/** A field's message in the user's language, or nothing. */
export type FieldError = (field: string) => string | undefined;

/** A list of people on the record: its field, and its word in the messages ("fields.interviewers"). */
type People<Word extends string> = { field: string; word: Word };

export type RecordFormKind = {
  kind: FieldworkKind;
  conflict: FieldworkConflictKey;
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
  about: (error: FieldError) => ReactNode;
  afterRespondents?: (error: FieldError) => ReactNode;
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
  const { kind, team, respondents } = form;
  const id = (field: string) => `${kind.idPrefix}-${field}`;
  const editing = Boolean(initial.id);
  const fieldOrder = [...form.leadingFields, ...SHARED_FIELDS];
  const lists = new Set([team.field, respondents.field, "projectIds"]);
  const tr = t as unknown as (key: string, values?: Record<string, string | number>) => string;

  // The respondents chosen now who may not be heard, by code: the rejection names them.
  const ineligible = (): string[] =>
    action.formRef.current
      ? ineligibleCodes(options, formChoices(new FormData(action.formRef.current), respondents.field), respondentIds)
      : [];
  const action = useActionForm(
    (values: Record<string, unknown>) =>
      initial.id ? form.update(values, { id: initial.id, version: initial.version }) : form.create(values),
    {
      failureMessages: fieldworkFailureMessages(form.conflict, () => ineligible().length > 0),
      messageValues: () => ({ max: MAX_TRANSCRIPT_LENGTH, codes: ineligible().join(", ") }),
      focus: fieldOrder.map((name) => [name, id(name)] as const),
      busyAfterSuccess: true,
      onSuccess: (saved) => router.push(fieldworkPath(kind, evaluationId, saved.id)),
    },
  );
  const error: FieldError = (field) => action.fieldError(field) ?? undefined;

  const onSubmit = action.handleSubmit((data) => ({
    evaluationId,
    ...Object.fromEntries(
      fieldOrder.map((name) => [name, lists.has(name) ? formChoices(data, name) : formText(data, name)]),
    ),
  }));

  return (
    <ActionForm form={action} messageId={id("form-error")} onSubmit={onSubmit}>
      <h2 className={styles.sectionTitle}>{t(`${kind.messages}.form.aboutSection`)}</h2>
      {about(error)}
      <SelectField
        id={id("placeId")}
        name="placeId"
        label={t("fields.place")}
        hint={t("fields.placeHint")}
        defaultValue={initial.placeId ?? ""}
        placeholder={t("fields.noPlace")}
        options={placeOptions(options)}
        error={error("placeId")}
      />

      <h2 className={styles.sectionTitle}>{t(`${kind.messages}.form.peopleSection`)}</h2>
      <CheckboxGroup
        id={id(team.field)}
        name={team.field}
        legend={t(`fields.${team.word}`)}
        hint={t(`fields.${team.word}Hint`)}
        options={teamChoices(options)}
        defaultValues={teamIds}
        error={error(team.field)}
      />
      <CheckboxGroup
        id={id(respondents.field)}
        name={respondents.field}
        legend={t(`fields.${respondents.word}`)}
        hint={t(`fields.${respondents.word}Hint`)}
        options={respondentChoices(tr, options)}
        defaultValues={respondentIds}
        filterLabel={t("fields.filterRespondents")}
        emptyLabel={t("fields.noRespondents")}
        error={error(respondents.field)}
      />
      {afterRespondents?.(error)}
      <CheckboxGroup
        id={id("projectIds")}
        name="projectIds"
        legend={t("fields.projects")}
        options={projectChoices(options, initial.projectIds)}
        defaultValues={initial.projectIds}
        emptyLabel={t("fields.noProjects")}
        error={error("projectIds")}
      />
      <TextAreaField
        id={id("notes")}
        name="notes"
        label={t("fields.notes")}
        rows={4}
        maxLength={MAX_NOTES_LENGTH}
        defaultValue={initial.notes ?? ""}
        error={error("notes")}
      />

      <TranscriptFields
        idPrefix={kind.idPrefix}
        initial={initial}
        editing={editing}
        team={teamOptions(options)}
        error={error}
      />

      <SubmitButton
        busy={action.busy}
        busyLabel={t("form.saving")}
        cancel={{
          href: initial.id ? fieldworkPath(kind, evaluationId, initial.id) : fieldworkPath(kind, evaluationId),
          label: t("form.cancel"),
        }}
      >
        {editing ? t(`${kind.messages}.form.saveChanges`) : t(`${kind.messages}.form.create`)}
      </SubmitButton>
    </ActionForm>
  );
}

/** The language spoken, offered the same way in both kinds' forms. */
/** The day the record's session took place. */
export function RecordDateField({ idPrefix, initial, error }: { idPrefix: string; initial: string; error?: string }) {
  const t = useTranslations("fieldwork");
  return (
    <DateField
      id={`${idPrefix}-date`}
      name="date"
      label={t("fields.date")}
      required
      defaultValue={initial}
      error={error}
    />
  );
}

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
