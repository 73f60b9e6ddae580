"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { WholeNumberField } from "@/components/ui/whole-number-field";
import { createFocusGroup, updateFocusGroup } from "@/lib/focus-groups/actions";
import { MAX_ANONYMOUS_PARTICIPANTS, MAX_TOPIC_LENGTH } from "@/lib/focus-groups/types";
import { FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import type { FormOptions } from "./choices";
import { RecordDateField, RecordForm, SpokenLanguageField, type RecordFormKind } from "./record-form";
import type { RecordFormValues } from "./record-values";
import styles from "./fieldwork.module.css";

export type FocusGroupFormValues = RecordFormValues & {
  topic: string;
  anonymousParticipantCount: number;
  facilitatorIds: string[];
  participantIds: string[];
};

const FOCUS_GROUP_FORM: RecordFormKind = {
  kind: FOCUS_GROUP,
  conflict: "rejections.VERSION_CONFLICT_FOCUS_GROUP",
  team: { field: "facilitatorIds", word: "facilitators" },
  respondents: { field: "participantIds", word: "participants" },
  leadingFields: [
    "date",
    "topic",
    "language",
    "placeId",
    "facilitatorIds",
    "participantIds",
    "anonymousParticipantCount",
  ],
  create: createFocusGroup,
  update: (values, record) => updateFocusGroup({ ...values, focusGroupId: record.id, version: record.version }),
};

/** A focus group: besides what every fieldwork record has, its topic and how many others took part unregistered. */
export function FocusGroupForm({
  evaluationId,
  options,
  initial,
}: {
  evaluationId: string;
  options: FormOptions;
  initial: FocusGroupFormValues;
}) {
  const t = useTranslations("fieldwork");
  return (
    <RecordForm
      form={FOCUS_GROUP_FORM}
      evaluationId={evaluationId}
      options={options}
      initial={initial}
      teamIds={initial.facilitatorIds}
      respondentIds={initial.participantIds}
      about={(error) => (
        <>
          <Field
            id="focus-group-topic"
            name="topic"
            label={t("fields.topic")}
            required
            maxLength={MAX_TOPIC_LENGTH}
            defaultValue={initial.topic}
            error={error("topic")}
          />
          <div className={styles.row}>
            <RecordDateField idPrefix="focus-group" initial={initial.date} error={error("date")} />
            <SpokenLanguageField idPrefix="focus-group" initial={initial.language} error={error("language")} />
          </div>
        </>
      )}
      afterRespondents={(error) => (
        <WholeNumberField
          id="focus-group-anonymousParticipantCount"
          name="anonymousParticipantCount"
          min={0}
          max={MAX_ANONYMOUS_PARTICIPANTS}
          label={t("fields.anonymousParticipantCount")}
          hint={t("fields.anonymousParticipantCountHint")}
          defaultValue={initial.anonymousParticipantCount}
          error={error("anonymousParticipantCount")}
        />
      )}
    />
  );
}
