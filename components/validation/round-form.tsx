"use client";
/**
 * The lead's form for a validation round: new (the triangulated stories start checked) or an
 * existing round (its own values; stories can change only while it is planned — the server says so).
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/choice-fields";
import { Field, TextAreaField } from "@/components/ui/field";
import { createValidationRound, updateValidationRound } from "@/lib/validation/actions";
import { VALIDATION_METHODS } from "@/lib/validation/types";
import { validationFailureMessages as failureMessages } from "./failure-messages";
import styles from "./validation.module.css";
import { StatusLine, useStatusAction } from "./use-status-action";

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
  const roundsPath = `/evaluations/${encodeURIComponent(evaluationId)}/validation`;
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
  const [checked, setChecked] = useState<Set<string>>(
    new Set(round ? round.storyIds : stories.map((story) => story.id)),
  );

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    const fields = {
      name: value("name"),
      startsOn: value("startsOn"),
      endsOn: value("endsOn"),
      method: value("method"),
      targetSize: value("targetSize"),
      notes: value("notes"),
      storyIds: [...checked],
    };
    if (round)
      await updating.submit({ evaluationId, roundId: round.id, expectedVersion: round.version, round: fields });
    else await creating.submit({ evaluationId, round: fields });
  }

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
        <Field
          id="round-starts"
          name="startsOn"
          type="date"
          label={t("form.startsOn")}
          required
          defaultValue={round?.startsOn}
          error={fieldError("startsOn")}
        />
        <Field
          id="round-ends"
          name="endsOn"
          type="date"
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
        <Field
          id="round-target"
          name="targetSize"
          type="number"
          label={t("form.targetSize")}
          min={1}
          max={10000}
          defaultValue={round?.targetSize ?? Math.max(1, Math.min(91, stories.length * 10))}
          required
          error={fieldError("targetSize")}
        />
      </div>
      <TextAreaField id="round-notes" name="notes" label={t("form.notes")} rows={3} defaultValue={round?.notes ?? ""} />
      <fieldset className={styles.fieldset}>
        <legend>{t("form.stories")}</legend>
        <p className="field__hint">{t("form.storiesHint")}</p>
        {stories.length === 0 ? <p className="muted">{t("form.noStories")}</p> : null}
        {stories.map((story) => (
          <div key={story.id}>
            <input
              type="checkbox"
              id={`round-story-${story.id}`}
              checked={checked.has(story.id)}
              onChange={(event) => {
                const next = new Set(checked);
                if (event.target.checked) next.add(story.id);
                else next.delete(story.id);
                setChecked(next);
              }}
            />{" "}
            <label htmlFor={`round-story-${story.id}`}>
              {story.code} · {story.title}
            </label>
          </div>
        ))}
      </fieldset>
      <StatusLine error={action.formError} done={action.done} />
      <div className="actions">
        <Button type="submit" busy={action.busy} busyLabel={round ? t("form.saving") : t("form.creating")}>
          {round ? t("form.save") : t("form.create")}
        </Button>
      </div>
    </form>
  );
}
