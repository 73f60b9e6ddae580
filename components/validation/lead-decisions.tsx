"use client";
/** The lead's decisions around review: after a return, whether to validate again; sending a validated story to review. */
import { Button } from "@/components/ui/button";
import { decideStoryRevalidation, sendStoryToReview } from "@/lib/reviews/actions";
import { StatusLine, useStatusAction } from "./use-status-action";

export function RevalidationForm({
  evaluationId,
  storyId,
  code,
}: {
  evaluationId: string;
  storyId: string;
  code: string;
}) {
  const { run, busy, error, done, t } = useStatusAction("respondentValidation");
  return (
    <form
      method="post"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        await run(() =>
          decideStoryRevalidation({
            evaluationId,
            storyId,
            choice: String(data.get("choice") ?? "") as never,
            comment: String(data.get("comment") ?? ""),
          }),
        );
      }}
    >
      <fieldset>
        <legend>
          {code}: {t("awaiting.choice")}
        </legend>
        {(["NEW_VALIDATION", "NO_NEW_VALIDATION"] as const).map((choice) => (
          <div key={choice}>
            <input type="radio" name="choice" value={choice} id={`choice-${storyId}-${choice}`} />{" "}
            <label htmlFor={`choice-${storyId}-${choice}`}>{t(`awaiting.${choice}`)}</label>
          </div>
        ))}
      </fieldset>
      <label className="field__label" htmlFor={`reason-${storyId}`}>
        {t("awaiting.reason")}
      </label>
      <textarea className="field__input" id={`reason-${storyId}`} name="comment" rows={2} />
      <Button type="submit" variant="secondary" busy={busy} busyLabel={t("awaiting.deciding")}>
        {t("awaiting.decide")}
      </Button>
      <StatusLine error={error} done={done} />
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
  const { run, busy, error, done, t } = useStatusAction("respondentValidation");
  return (
    <>
      <Button
        variant="secondary"
        busy={busy}
        busyLabel={t("awaiting.sending")}
        onClick={() => run(() => sendStoryToReview({ evaluationId, storyId }))}
      >
        {t("awaiting.sendToReview", { code })}
      </Button>
      <StatusLine error={error} done={done} />
    </>
  );
}
