"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/choice-fields";
import { WholeNumberField } from "@/components/ui/whole-number-field";
import { INTERVIEW } from "@/lib/fieldwork/kinds";
import { createInterview, updateInterview } from "@/lib/interviews/actions";
import { INTERVIEW_MODES, MAX_DURATION_MINUTES } from "@/lib/interviews/types";
import type { FormOptions } from "./choices";
import { RecordDateField, RecordForm, SpokenLanguageField, type RecordFormKind } from "./record-form";
import type { RecordFormValues } from "./record-values";
import styles from "./fieldwork.module.css";

export type InterviewFormValues = RecordFormValues & {
  mode: string;
  durationMinutes: number | null;
  interviewerIds: string[];
  respondentIds: string[];
};

const INTERVIEW_FORM: RecordFormKind = {
  kind: INTERVIEW,
  conflict: "rejections.VERSION_CONFLICT_INTERVIEW",
  team: { field: "interviewerIds", word: "interviewers" },
  respondents: { field: "respondentIds", word: "respondents" },
  leadingFields: ["date", "mode", "placeId", "language", "durationMinutes", "interviewerIds", "respondentIds"],
  create: createInterview,
  update: (values, record) => updateInterview({ ...values, interviewId: record.id, version: record.version }),
};

/** An interview: besides what every fieldwork record has, its mode and duration. */
export function InterviewForm({
  evaluationId,
  options,
  initial,
}: {
  evaluationId: string;
  options: FormOptions;
  initial: InterviewFormValues;
}) {
  const t = useTranslations("fieldwork");
  return (
    <RecordForm
      form={INTERVIEW_FORM}
      evaluationId={evaluationId}
      options={options}
      initial={initial}
      teamIds={initial.interviewerIds}
      respondentIds={initial.respondentIds}
      about={(error) => (
        <div className={styles.row}>
          <RecordDateField idPrefix="interview" initial={initial.date} error={error("date")} />
          <SelectField
            id="interview-mode"
            name="mode"
            label={t("fields.mode")}
            required
            defaultValue={initial.mode}
            options={INTERVIEW_MODES.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))}
            error={error("mode")}
          />
          <SpokenLanguageField idPrefix="interview" initial={initial.language} error={error("language")} />
          <WholeNumberField
            id="interview-durationMinutes"
            name="durationMinutes"
            min={1}
            max={MAX_DURATION_MINUTES}
            label={t("fields.durationMinutes")}
            defaultValue={initial.durationMinutes ?? ""}
            error={error("durationMinutes")}
          />
        </div>
      )}
    />
  );
}
