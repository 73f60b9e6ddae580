"use client";
/**
 * The lead's and evaluators' controls on one round: add, remove, open/close, record
 * (draw: draw-sample-form.tsx; disputes: dispute-card.tsx). Each goes through the form kit's submit path and says what happened.
 */
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import {
  addValidationSampleMember,
  recordValidationResponse,
  removeValidationSampleMember,
  stepValidationRound,
} from "@/lib/validation/actions";
import { VALIDATION_VERDICTS } from "@/lib/validation/types";
import { validationFailureMessages as failureMessages } from "./failure-messages";
import styles from "./validation.module.css";
import { StatusLine, useStatusAction } from "./use-status-action";

type Ref = { evaluationId: string; roundId: string };

export function AddMemberForm({ evaluationId, roundId }: Ref) {
  const t = useTranslations("respondentValidation");
  // The code as typed, for the message once the server has added it.
  const typed = useRef("");
  const action = useStatusAction(addValidationSampleMember, {
    failureMessages,
    done: () => t("round.added", { code: typed.current.trim().toUpperCase() }),
  });
  const error = action.fieldError("respondentCode");
  return (
    <form
      method="post"
      className={styles.inline}
      ref={action.formRef}
      onSubmit={(event) => {
        event.preventDefault();
        const respondentCode = String(new FormData(event.currentTarget).get("respondentCode") ?? "");
        typed.current = respondentCode;
        void action.submit({ evaluationId, roundId, respondentCode });
      }}
    >
      <div className={["field", error ? "field--invalid" : null].filter(Boolean).join(" ")}>
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
          aria-describedby={error ? "add-member-hint add-member-error" : "add-member-hint"}
          aria-invalid={error ? true : undefined}
          maxLength={12}
          autoComplete="off"
        />
        {error ? (
          <p className="field__error" id="add-member-error">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="secondary" busy={action.busy} busyLabel={t("round.adding")}>
        {t("round.add")}
      </Button>
      <StatusLine error={error ? null : action.formError} done={action.done} />
    </form>
  );
}

export function RemoveMemberButton({
  evaluationId,
  roundId,
  respondentId,
  code,
}: Ref & { respondentId: string; code: string }) {
  const t = useTranslations("respondentValidation");
  const action = useStatusAction(removeValidationSampleMember, {
    failureMessages,
    done: () => t("round.removed", { code }),
  });
  return (
    <>
      <Button
        variant="secondary"
        busy={action.busy}
        busyLabel={t("round.removing")}
        onClick={() => action.submit({ evaluationId, roundId, respondentId })}
      >
        {t("round.remove", { code })}
      </Button>
      {action.formError ? (
        <span role="alert" className="field__error">
          {action.formError}
        </span>
      ) : null}
    </>
  );
}

/** Opening is a step forward; closing cannot be undone, so it asks first and says what it does. */
export function RoundStepButton({
  evaluationId,
  roundId,
  step,
  version,
}: Ref & { step: "open" | "close" | null; version: number }) {
  const t = useTranslations("respondentValidation");
  const action = useStatusAction(stepValidationRound, {
    failureMessages,
    done: (result) =>
      result.status === "OPEN"
        ? t("round.opened")
        : t("round.closedSummary", { validated: result.validated.length, notValidated: result.notValidated.length }),
  });
  const run = () => step && action.submit({ evaluationId, roundId, step, expectedVersion: version });
  return (
    <div>
      {step === null ? null : step === "close" ? (
        <>
          <p className="field__hint">{t("round.closeHint")}</p>
          <ConfirmButton
            variant="primary"
            label={t("round.close")}
            confirmLabel={t("round.confirmClose")}
            cancelLabel={t("disputes.cancel")}
            consequence={t("round.closeConsequence")}
            busy={action.busy}
            busyLabel={t("round.closing")}
            onConfirm={run}
          />
        </>
      ) : (
        <Button busy={action.busy} busyLabel={t("round.opening")} onClick={run}>
          {t("round.open")}
        </Button>
      )}
      <StatusLine error={action.formError} done={action.done} />
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
  const t = useTranslations("respondentValidation");
  const action = useStatusAction(recordValidationResponse, {
    failureMessages,
    done: (recorded) => {
      // Recorded: the form is ready for the next answer on the sheet.
      action.formRef.current?.reset();
      return t(recorded.reopened ? "round.reopened" : "round.recorded");
    },
  });
  const invalid = (field: string) => (action.fieldError(field) ? true : undefined);
  const errorLine = (field: string) =>
    action.fieldError(field) ? (
      <p className="field__error" id={`response-${field}-error`}>
        {action.fieldError(field)}
      </p>
    ) : null;
  const describedBy = (field: string) => (action.fieldError(field) ? `response-${field}-error` : undefined);
  return (
    <form
      method="post"
      className={styles.form}
      ref={action.formRef}
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const value = (name: string) => String(data.get(name) ?? "");
        const story = stories.find((candidate) => candidate.id === value("storyId"));
        await action.submit({
          evaluationId,
          roundId,
          respondentId: value("respondentId"),
          storyId: value("storyId"),
          storyRevisionId: story?.revisionId ?? "",
          verdict: value("verdict"),
          comments: value("comments"),
          proposedChanges: value("proposedChanges"),
        });
      }}
    >
      <p className="field__hint">{t("round.recordHint")}</p>
      <div className={styles.row}>
        <div className="field">
          <label className="field__label" htmlFor="response-respondent">
            {t("round.respondent")}
          </label>
          <select
            className="field__input"
            id="response-respondent"
            name="respondentId"
            defaultValue=""
            aria-invalid={invalid("respondentId")}
            aria-describedby={describedBy("respondentId")}
          >
            <option value="" disabled>
              {t("round.chooseRespondent")}
            </option>
            {respondents.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          {errorLine("respondentId")}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="response-story">
            {t("round.story")}
          </label>
          <select
            className="field__input"
            id="response-story"
            name="storyId"
            defaultValue=""
            aria-invalid={invalid("storyId")}
            aria-describedby={describedBy("storyId")}
          >
            <option value="" disabled>
              {t("round.chooseStory")}
            </option>
            {stories.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          {errorLine("storyId")}
        </div>
      </div>
      <fieldset className={styles.fieldset} aria-describedby={describedBy("verdict")}>
        <legend>{t("round.verdictLabel")}</legend>
        {VALIDATION_VERDICTS.map((verdict) => (
          <div key={verdict}>
            <input
              type="radio"
              name="verdict"
              value={verdict}
              id={`verdict-${verdict}`}
              aria-invalid={invalid("verdict")}
            />{" "}
            <label htmlFor={`verdict-${verdict}`}>{t(`verdict.${verdict}`)}</label>
          </div>
        ))}
        {errorLine("verdict")}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor="response-comments">
          {t("round.comments")}
        </label>
        <textarea className="field__input" id="response-comments" name="comments" rows={3} />
        {errorLine("comments")}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="response-changes">
          {t("round.proposedChanges")}
        </label>
        <textarea className="field__input" id="response-changes" name="proposedChanges" rows={3} />
        {errorLine("proposedChanges")}
      </div>
      <StatusLine error={action.formError} done={action.done} />
      <div className="actions">
        <Button type="submit" busy={action.busy} busyLabel={t("round.saving")}>
          {t("round.save")}
        </Button>
      </div>
    </form>
  );
}
