"use client";
/** The lead's decisions around review: after a return, whether to validate again; sending a validated story to review. */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { decideStoryRevalidation, sendStoryToReview } from "@/lib/reviews/actions";
import { leadDecisionFailureMessages as failureMessages } from "./failure-messages";
import { StatusLine, useStatusAction } from "./use-status-action";

const CHOICES = ["NEW_VALIDATION", "NO_NEW_VALIDATION"] as const;

export function RevalidationForm({
  evaluationId,
  storyId,
  code,
}: {
  evaluationId: string;
  storyId: string;
  code: string;
}) {
  const t = useTranslations("respondentValidation");
  const [choice, setChoice] = useState<(typeof CHOICES)[number] | "">("");
  const action = useStatusAction(decideStoryRevalidation, {
    failureMessages,
    done: (decided) =>
      t(decided.stage === "VALIDATED" ? "awaiting.decidedNO_NEW_VALIDATION" : "awaiting.decidedNEW_VALIDATION"),
  });
  return (
    <form
      method="post"
      ref={action.formRef}
      onSubmit={(event) => {
        event.preventDefault();
        const comment = String(new FormData(event.currentTarget).get("comment") ?? "");
        void action.submit({ evaluationId, storyId, choice, comment });
      }}
    >
      <fieldset aria-invalid={action.fieldError("choice") ? true : undefined}>
        <legend>
          {code}: {t("awaiting.choice")}
        </legend>
        {CHOICES.map((value) => (
          <div key={value}>
            <input
              type="radio"
              name="choice"
              value={value}
              id={`choice-${storyId}-${value}`}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />{" "}
            <label htmlFor={`choice-${storyId}-${value}`}>{t(`awaiting.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <label className="field__label" htmlFor={`reason-${storyId}`}>
        {t("awaiting.reason")}
      </label>
      <textarea
        className="field__input"
        id={`reason-${storyId}`}
        name="comment"
        rows={2}
        aria-invalid={action.fieldError("comment") ? true : undefined}
      />
      <Button type="submit" variant="secondary" busy={action.busy} busyLabel={t("awaiting.deciding")}>
        {t("awaiting.decide")}
      </Button>
      <StatusLine error={action.formError} done={action.done} />
    </form>
  );
}

export function SendToReviewButton({
  evaluationId,
  storyId,
  code,
}: {
  evaluationId: string;
  storyId: string;
  code: string;
}) {
  const t = useTranslations("respondentValidation");
  const action = useStatusAction(sendStoryToReview, { failureMessages, done: () => t("awaiting.sent") });
  return (
    <>
      <Button
        variant="secondary"
        busy={action.busy}
        busyLabel={t("awaiting.sending")}
        onClick={() => action.submit({ evaluationId, storyId })}
      >
        {t("awaiting.sendToReview", { code })}
      </Button>
      <StatusLine error={action.formError} done={action.done} />
    </>
  );
}
