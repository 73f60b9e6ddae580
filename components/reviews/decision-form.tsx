"use client";
/** The reviewer's decision on the revision shown: approve, or return with a comment. */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextAreaField } from "@/components/ui/field";
import { StatusLine, useStatusAction } from "@/components/validation/use-status-action";
import { decideStoryReview } from "@/lib/reviews/actions";
import { reviewDecisionFailureMessages as failureMessages } from "./failure-messages";

export function DecisionForm({
  evaluationId,
  storyId,
  storyRevisionId,
}: {
  evaluationId: string;
  storyId: string;
  storyRevisionId: string;
}) {
  const t = useTranslations("reviews");
  const [comment, setComment] = useState("");
  const action = useStatusAction(decideStoryReview, { failureMessages, done: () => t("story.decided") });
  const { busy } = action;
  const decide = (decision: "APPROVE" | "RETURN") =>
    action.submit({ evaluationId, storyId, storyRevisionId, decision, comment });
  return (
    <form method="post" ref={action.formRef} onSubmit={(event) => event.preventDefault()}>
      <TextAreaField
        id="review-comment"
        label={t("story.comment")}
        hint={t("story.commentHint")}
        rows={4}
        value={comment}
        onValueChange={setComment}
        error={action.fieldError("comment")}
      />
      <StatusLine error={action.formError} done={action.done} />
      <div className="actions">
        <ConfirmButton
          variant="primary"
          label={t("story.approve")}
          confirmLabel={t("story.confirmApprove")}
          cancelLabel={t("story.notYet")}
          consequence={t("story.approveHelp")}
          busy={busy}
          busyLabel={t("story.deciding")}
          onConfirm={() => decide("APPROVE")}
        />
        <ConfirmButton
          label={t("story.return")}
          confirmLabel={t("story.confirmReturn")}
          cancelLabel={t("story.notYet")}
          consequence={t("story.returnHelp")}
          busy={busy}
          busyLabel={t("story.deciding")}
          onConfirm={() => decide("RETURN")}
        />
      </div>
    </form>
  );
}
