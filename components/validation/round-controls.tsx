"use client";
/** The lead's and evaluators' controls on one round: add, remove, open/close, record, resolve (draw: draw-sample-form.tsx). */
import { Button } from "@/components/ui/button";
import {
  addValidationSampleMember,
  recordValidationResponse,
  removeValidationSampleMember,
  resolveValidationDispute,
  stepValidationRound,
} from "@/lib/validation/actions";
import { VALIDATION_VERDICTS } from "@/lib/validation/types";
import styles from "./validation.module.css";
import { StatusLine, useStatusAction } from "./use-status-action";

type Ref = { evaluationId: string; roundId: string };

export function AddMemberForm({ evaluationId, roundId }: Ref) {
  const { run, busy, error, done, t } = useStatusAction("respondentValidation");
  return (
    <form
      method="post"
      className={styles.inline}
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const respondentCode = String(new FormData(form).get("respondentCode") ?? "");
        if (await run(() => addValidationSampleMember({ evaluationId, roundId, respondentCode }))) form.reset();
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="add-member-code">
          {t("round.addByCode")}
        </label>
        <p className="field__hint" id="add-member-hint">
          {t("round.addHint")}
        </p>
        <input
          className="field__input"
          id="add-member-code"
          name="respondentCode"
          aria-describedby="add-member-hint"
          maxLength={12}
          autoComplete="off"
        />
      </div>
      <Button type="submit" variant="secondary" busy={busy} busyLabel={t("round.adding")}>
        {t("round.add")}
      </Button>
      <StatusLine error={error} done={done} />
    </form>
  );
}

export function RemoveMemberButton({
  evaluationId,
  roundId,
  respondentId,
  code,
}: Ref & { respondentId: string; code: string }) {
  const { run, busy, error, t } = useStatusAction("respondentValidation");
  return (
    <>
      <Button
        variant="secondary"
        busy={busy}
        busyLabel={t("round.removing")}
        onClick={() => run(() => removeValidationSampleMember({ evaluationId, roundId, respondentId }))}
      >
        {t("round.remove", { code })}
      </Button>
      {error ? (
        <span role="alert" className="field__error">
          {error}
        </span>
      ) : null}
    </>
  );
}

export function RoundStepButton({
  evaluationId,
  roundId,
  step,
  version,
}: Ref & { step: "open" | "close"; version: number }) {
  const { run, busy, error, done, t } = useStatusAction("respondentValidation");
  return (
    <div>
      {step === "close" ? <p className="field__hint">{t("round.closeHint")}</p> : null}
      <Button
        busy={busy}
        busyLabel={t(step === "open" ? "round.opening" : "round.closing")}
        onClick={() => run(() => stepValidationRound({ evaluationId, roundId, step, expectedVersion: version }))}
      >
        {t(step === "open" ? "round.open" : "round.close")}
      </Button>
      <StatusLine error={error} done={done} />
    </div>
  );
}

type Option = { id: string; label: string };

export function ResponseForm({
  evaluationId,
  roundId,
  respondents,
  stories,
}: Ref & { respondents: Option[]; stories: Array<Option & { revisionId: string }> }) {
  const { run, busy, error, done, t } = useStatusAction("respondentValidation");
  return (
    <form
      method="post"
      className={styles.form}
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const value = (name: string) => String(data.get(name) ?? "");
        const story = stories.find((candidate) => candidate.id === value("storyId"));
        const ok = await run(
          () =>
            recordValidationResponse({
              evaluationId,
              roundId,
              respondentId: value("respondentId"),
              storyId: value("storyId"),
              storyRevisionId: story?.revisionId ?? "",
              verdict: value("verdict"),
              comments: value("comments"),
              proposedChanges: value("proposedChanges"),
            } as never),
          (d) => t((d as { reopened: boolean }).reopened ? "round.reopened" : "round.recorded"),
        );
        if (ok) form.reset();
      }}
    >
      <p className="field__hint">{t("round.recordHint")}</p>
      <div className={styles.row}>
        <div className="field">
          <label className="field__label" htmlFor="response-respondent">
            {t("round.respondent")}
          </label>
          <select className="field__input" id="response-respondent" name="respondentId" defaultValue="">
            <option value="" disabled>
              {t("round.chooseRespondent")}
            </option>
            {respondents.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="response-story">
            {t("round.story")}
          </label>
          <select className="field__input" id="response-story" name="storyId" defaultValue="">
            <option value="" disabled>
              {t("round.chooseStory")}
            </option>
            {stories.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className={styles.fieldset}>
        <legend>{t("round.verdictLabel")}</legend>
        {VALIDATION_VERDICTS.map((verdict) => (
          <div key={verdict}>
            <input type="radio" name="verdict" value={verdict} id={`verdict-${verdict}`} />{" "}
            <label htmlFor={`verdict-${verdict}`}>{t(`verdict.${verdict}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor="response-comments">
          {t("round.comments")}
        </label>
        <textarea className="field__input" id="response-comments" name="comments" rows={3} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="response-changes">
          {t("round.proposedChanges")}
        </label>
        <textarea className="field__input" id="response-changes" name="proposedChanges" rows={3} />
      </div>
      <StatusLine error={error} done={done} />
      <div className="actions">
        <Button type="submit" busy={busy} busyLabel={t("round.saving")}>
          {t("round.save")}
        </Button>
      </div>
    </form>
  );
}

export function ResolveDisputeForm({ evaluationId, responseId }: { evaluationId: string; responseId: string }) {
  const { run, busy, error, done, t } = useStatusAction("respondentValidation");
  const id = `resolution-${responseId}`;
  return (
    <form
      method="post"
      onSubmit={async (event) => {
        event.preventDefault();
        const resolution = String(new FormData(event.currentTarget).get("resolution") ?? "");
        await run(() => resolveValidationDispute({ evaluationId, responseId, resolution }));
      }}
    >
      <label className="field__label" htmlFor={id}>
        {t("round.resolution")}
      </label>
      <textarea className="field__input" id={id} name="resolution" rows={2} />
      <Button type="submit" variant="secondary" busy={busy} busyLabel={t("round.resolving")}>
        {t("round.resolve")}
      </Button>
      <StatusLine error={error} done={done} />
    </form>
  );
}
