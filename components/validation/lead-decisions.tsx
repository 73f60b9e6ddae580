"use client";
/** The lead's decisions around review: after a return, whether to validate again; sending a validated story to review. */
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { formText } from "@/components/ui/form-data";
import { RadioGroup } from "@/components/ui/radio-group";
import { decideStoryRevalidation, sendStoryToReview } from "@/lib/reviews/actions";
import { leadDecisionFailureMessages as failureMessages } from "./failure-messages";
import { StatusLine, useStatusAction } from "./use-status-action";

const CHOICES = ["NEW_VALIDATION", "NO_NEW_VALIDATION"] as const;

/** The story waiting for the lead, as both decisions name it. */
type WaitingStory = { evaluationId: string; storyId: string; code: string };

export function RevalidationForm({ evaluationId, storyId, code }: WaitingStory) {
  const t = useTranslations("respondentValidation");
  const action = useStatusAction(decideStoryRevalidation, {
    failureMessages,
    done: (decided) =>
      t(decided.stage === "VALIDATED" ? "awaiting.decidedNO_NEW_VALIDATION" : "awaiting.decidedNEW_VALIDATION"),
  });
  return (
    <form
      method="post"
      noValidate
      ref={action.formRef}
      onSubmit={action.handleSubmit((data) => ({
        evaluationId,
        storyId,
        choice: formText(data, "choice"),
        comment: formText(data, "comment"),
      }))}
    >
      <RadioGroup
        id={`choice-${storyId}`}
        name="choice"
        legend={`${code}: ${t("awaiting.choice")}`}
        options={CHOICES.map((value) => ({ value, label: t(`awaiting.${value}`) }))}
        error={action.fieldError("choice")}
      />
      <TextAreaField
        id={`reason-${storyId}`}
        name="comment"
        label={t("awaiting.reason")}
        rows={2}
        error={action.fieldError("comment")}
      />
      <Button type="submit" variant="secondary" busy={action.busy} busyLabel={t("awaiting.deciding")}>
        {t("awaiting.decide")}
      </Button>
      <StatusLine error={action.formError} done={action.done} />
    </form>
  );
}

export function SendToReviewButton({ evaluationId, storyId, code }: WaitingStory) {
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
