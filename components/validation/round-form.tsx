"use client";
/** The lead's form for a new validation round; the triangulated stories start checked. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { createValidationRound } from "@/lib/validation/actions";
import { VALIDATION_METHODS } from "@/lib/validation/schema";
import styles from "./validation.module.css";
import { StatusLine, useStatusAction } from "./use-status-action";

type Story = { id: string; code: string; title: string };

export function RoundForm({ evaluationId, stories }: { evaluationId: string; stories: Story[] }) {
  const router = useRouter();
  const { run, busy, error, done, t } = useStatusAction("respondentValidation");
  const [checked, setChecked] = useState<Set<string>>(new Set(stories.map((story) => story.id)));

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    await run(
      () =>
        createValidationRound({
          evaluationId,
          round: { name: value("name"), startsOn: value("startsOn"), endsOn: value("endsOn"), method: value("method"), targetSize: value("targetSize"), notes: value("notes"), storyIds: [...checked] } as never,
        }),
      (data) => {
        router.push(`/evaluations/${encodeURIComponent(evaluationId)}/validation/${encodeURIComponent((data as { roundId: string }).roundId)}`);
      },
    );
  }

  return (
    <form onSubmit={submit} className={styles.form} noValidate>
      <div className="field">
        <label className="field__label" htmlFor="round-name">{t("form.name")}</label>
        <input className="field__input" id="round-name" name="name" required maxLength={200} />
      </div>
      <div className={styles.row}>
        <div className="field">
          <label className="field__label" htmlFor="round-starts">{t("form.startsOn")}</label>
          <input className="field__input" id="round-starts" name="startsOn" type="date" required />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="round-ends">{t("form.endsOn")}</label>
          <input className="field__input" id="round-ends" name="endsOn" type="date" required />
        </div>
      </div>
      <div className={styles.row}>
        <div className="field">
          <label className="field__label" htmlFor="round-method">{t("form.method")}</label>
          <select className="field__input" id="round-method" name="method">
            {VALIDATION_METHODS.map((method) => (
              <option key={method} value={method}>{t(`method.${method}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="round-target">{t("form.targetSize")}</label>
          <input className="field__input" id="round-target" name="targetSize" type="number" min={1} max={10000} defaultValue={Math.max(1, Math.min(91, stories.length * 10))} required />
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="round-notes">{t("form.notes")}</label>
        <textarea className="field__input" id="round-notes" name="notes" rows={3} />
      </div>
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
      <StatusLine error={error} done={done} />
      <div className="actions">
        <Button type="submit" busy={busy} busyLabel={t("form.creating")}>{t("form.create")}</Button>
      </div>
    </form>
  );
}
