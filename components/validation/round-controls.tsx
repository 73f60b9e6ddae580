"use client";
/**
 * The lead's and evaluators' controls on one round: add, remove, open/close, record
 * (draw: draw-sample-form.tsx; disputes: dispute-card.tsx). Each goes through the form kit's submit path and says what happened.
 */
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/choice-fields";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, TextAreaField } from "@/components/ui/field";
import { formText } from "@/components/ui/form-data";
import { RadioGroup } from "@/components/ui/radio-group";
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
      onSubmit={action.handleSubmit((data) => {
        typed.current = formText(data, "respondentCode");
        return { evaluationId, roundId, respondentCode: typed.current };
      })}
    >
      <Field
        id="add-member-code"
        name="respondentCode"
        label={t("round.addByCode")}
        hint={t("round.addHint")}
        maxLength={12}
        autoComplete="off"
        error={error}
      />
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
  const error = (field: string) => action.fieldError(field);
  return (
    <form
      method="post"
      className={styles.form}
      ref={action.formRef}
      onSubmit={action.handleSubmit((data) => {
        const storyId = formText(data, "storyId");
        return {
          evaluationId,
          roundId,
          respondentId: formText(data, "respondentId"),
          storyId,
          storyRevisionId: stories.find((candidate) => candidate.id === storyId)?.revisionId ?? "",
          verdict: formText(data, "verdict"),
          comments: formText(data, "comments"),
          proposedChanges: formText(data, "proposedChanges"),
        };
      })}
    >
      <p className="field__hint">{t("round.recordHint")}</p>
      <div className={styles.row}>
        <SelectField
          id="response-respondent"
          name="respondentId"
          label={t("round.respondent")}
          defaultValue=""
          placeholder={t("round.chooseRespondent")}
          options={respondents.map((option) => ({ value: option.id, label: option.label }))}
          error={error("respondentId")}
        />
        <SelectField
          id="response-story"
          name="storyId"
          label={t("round.story")}
          defaultValue=""
          placeholder={t("round.chooseStory")}
          options={stories.map((option) => ({ value: option.id, label: option.label }))}
          error={error("storyId")}
        />
      </div>
      <RadioGroup
        id="response-verdict"
        name="verdict"
        legend={t("round.verdictLabel")}
        options={VALIDATION_VERDICTS.map((verdict) => ({ value: verdict, label: t(`verdict.${verdict}`) }))}
        error={error("verdict")}
      />
      <TextAreaField
        id="response-comments"
        name="comments"
        label={t("round.comments")}
        rows={3}
        error={error("comments")}
      />
      <TextAreaField
        id="response-changes"
        name="proposedChanges"
        label={t("round.proposedChanges")}
        rows={3}
        error={error("proposedChanges")}
      />
      <StatusLine error={action.formError} done={action.done} />
      <div className="actions">
        <Button type="submit" busy={action.busy} busyLabel={t("round.saving")}>
          {t("round.save")}
        </Button>
      </div>
    </form>
  );
}
