"use client";
/**
 * The lead's form for a validation round: new (the triangulated stories start checked) or an
 * existing round (its own values; stories can change only while it is planned — the server says so).
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, SelectField } from "@/components/ui/choice-fields";
import { DateField } from "@/components/ui/date-field";
import { Field, TextAreaField } from "@/components/ui/field";
import { formText } from "@/components/ui/form-data";
import { WholeNumberField } from "@/components/ui/whole-number-field";
import { createValidationRound, updateValidationRound } from "@/lib/validation/actions";
import { LIMITS, VALIDATION_METHODS } from "@/lib/validation/types";
import { validationFailureMessages as failureMessages } from "./failure-messages";
import styles from "./validation.module.css";
import { StatusLine, useStatusAction } from "./use-status-action";
import { evaluationPath } from "@/lib/evaluations/paths";

type Story = { id: string; code: string; title: string };

/** The round being edited, as its form shows it. */
export type RoundValues = {
  id: string;
  version: number;
  name: string;
  startsOn: string;
  endsOn: string;
  method: string;
  targetSize: number | null;
  notes: string | null;
  storyIds: string[];
};

export function RoundForm({
  evaluationId,
  stories,
  round,
}: {
  evaluationId: string;
  stories: Story[];
  round?: RoundValues;
}) {
  const router = useRouter();
  const t = useTranslations("respondentValidation");
  const roundsPath = evaluationPath(evaluationId, "validation");
  const goTo = (roundId: string) => router.push(`${roundsPath}/${encodeURIComponent(roundId)}`);
  // One submit path per action; the form uses the one that fits (a new round, or this one).
  const creating = useStatusAction(createValidationRound, {
    failureMessages,
    after: (created) => goTo(created.roundId),
  });
  const updating = useStatusAction(updateValidationRound, {
    failureMessages,
    done: () => t("form.saved"),
    after: () => round && goTo(round.id),
  });
  const action = round ? updating : creating;
  // Field errors come by the schema's path ("round.name"); each shows under its own field.
  const fieldError = (field: string) => action.fieldError(`round.${field}`);
  const [checked, setChecked] = useState<string[]>(round ? round.storyIds : stories.map((story) => story.id));
  const fields = (data: FormData) => ({
    name: formText(data, "name"),
    startsOn: formText(data, "startsOn"),
    endsOn: formText(data, "endsOn"),
    method: formText(data, "method"),
    targetSize: formText(data, "targetSize"),
    notes: formText(data, "notes"),
    storyIds: checked,
  });
  const submit = round
    ? updating.handleSubmit((data) => ({
        evaluationId,
        roundId: round.id,
        expectedVersion: round.version,
        round: fields(data),
      }))
    : creating.handleSubmit((data) => ({ evaluationId, round: fields(data) }));

  return (
    <form method="post" onSubmit={submit} className={styles.form} noValidate ref={action.formRef}>
      <Field
        id="round-name"
        name="name"
        label={t("form.name")}
        required
        maxLength={200}
        defaultValue={round?.name}
        error={fieldError("name")}
      />
      <div className={styles.row}>
        <DateField
          id="round-starts"
          name="startsOn"
          label={t("form.startsOn")}
          required
          defaultValue={round?.startsOn}
          error={fieldError("startsOn")}
        />
        <DateField
          id="round-ends"
          name="endsOn"
          label={t("form.endsOn")}
          required
          defaultValue={round?.endsOn}
          error={fieldError("endsOn")}
        />
      </div>
      <div className={styles.row}>
        <SelectField
          id="round-method"
          name="method"
          label={t("form.method")}
          defaultValue={round?.method}
          options={VALIDATION_METHODS.map((method) => ({ value: method, label: t(`method.${method}`) }))}
        />
        <WholeNumberField
          id="round-target"
          name="targetSize"
          label={t("form.targetSize")}
          min={1}
          max={LIMITS.targetSize}
          defaultValue={round?.targetSize ?? Math.max(1, Math.min(91, stories.length * 10))}
          required
          error={fieldError("targetSize")}
        />
      </div>
      <TextAreaField id="round-notes" name="notes" label={t("form.notes")} rows={3} defaultValue={round?.notes ?? ""} />
      <CheckboxGroup
        id="round-stories"
        legend={t("form.stories")}
        hint={t("form.storiesHint")}
        emptyLabel={t("form.noStories")}
        options={stories.map((story) => ({ value: story.id, label: `${story.code} · ${story.title}` }))}
        selected={checked}
        onChange={setChecked}
        error={fieldError("storyIds")}
      />
      <StatusLine error={action.formError} done={action.done} />
      <div className="actions">
        <Button type="submit" busy={action.busy} busyLabel={round ? t("form.saving") : t("form.creating")}>
          {round ? t("form.save") : t("form.create")}
        </Button>
      </div>
    </form>
  );
}
