"use client";
/**
 * One disputed response on the round's page (decision 0042): the respondent's words, and for the
 * lead one form that settles it (outcome and written resolution, confirmed, since it cannot be
 * undone). After the step the card keeps a message with the story's next step; the page reloads
 * behind it and the card shows the dispute settled, with the story's stage now.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { ActionForm } from "@/components/ui/action-form";
import { useActionForm } from "@/components/ui/use-action-form";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextAreaField } from "@/components/ui/field";
import { StageBadge } from "@/components/stories/stage-badge";
import type { DisputeOutcome, StoryStage } from "@/lib/generated/prisma/enums";
import { resolveValidationDispute } from "@/lib/validation/actions";
import { disputeNextStep } from "@/lib/validation/policy";
import { DISPUTE_OUTCOMES, LIMITS } from "@/lib/validation/types";
import { validationFailureMessages } from "./failure-messages";
import styles from "./validation.module.css";

export type DisputeCardData = {
  id: string;
  respondent: string;
  story: { code: string; title: string; stage: StoryStage };
  shownVersion: number;
  comments: string | null;
  proposedChanges: string | null;
  resolved: boolean;
  outcome: DisputeOutcome | null;
  resolution: string | null;
  /** Open disputes of the same story in this round, this one included. */
  openForStory: number;
};

export function DisputeCard({
  evaluationId,
  dispute,
  canResolve,
}: {
  evaluationId: string;
  dispute: DisputeCardData;
  canResolve: boolean;
}) {
  const t = useTranslations("respondentValidation.disputes");
  const tStages = useTranslations("stories.stages");
  const router = useRouter();
  const [outcome, setOutcome] = useState<DisputeOutcome | "">("");
  const [resolution, setResolution] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const id = (field: string) => `dispute-${dispute.id}-${field}`;

  const form = useActionForm(resolveValidationDispute, {
    failureMessages: validationFailureMessages,
    clearOnStart: true,
    onStart: () => setDone(null),
    focus: [
      ["outcome", id("outcome")],
      ["resolution", id("resolution")],
    ],
    onSuccess(data: { story: string; stage: StoryStage; openLeft: number }, input: { outcome: DisputeOutcome }) {
      const next = disputeNextStep(data.stage, data.openLeft);
      setDone(
        t("done", {
          outcome: t(`outcomes.${input.outcome}`),
          next: t(`next.${next}`, { story: data.story, count: data.openLeft }),
        }),
      );
      router.refresh();
    },
  });

  const headingId = id("heading");
  const next = disputeNextStep(dispute.story.stage, dispute.openForStory);
  return (
    <article className={styles.dispute} aria-labelledby={headingId}>
      <h3 id={headingId}>{t("heading", { respondent: dispute.respondent, story: dispute.story.code })}</h3>
      <p className="muted">{t("shown", { title: dispute.story.title, version: dispute.shownVersion })}</p>
      <dl className={styles.words}>
        <dt>{t("comments")}</dt>
        <dd>{dispute.comments || t("nothingSaid")}</dd>
        <dt>{t("proposedChanges")}</dt>
        <dd>{dispute.proposedChanges || t("nothingSaid")}</dd>
      </dl>
      <p>
        {t("storyNow")} <StageBadge stage={dispute.story.stage} name={tStages(dispute.story.stage)} />{" "}
        {dispute.resolved ? t(`next.${next}`, { story: dispute.story.code, count: dispute.openForStory }) : null}
      </p>
      <p role="status" className={done ? "notice" : undefined}>
        {done}
      </p>
      {dispute.resolved ? (
        <p>
          {dispute.outcome ? t("settled", { outcome: t(`outcomes.${dispute.outcome}`) }) : t("resolvedLegacy")}{" "}
          {t("resolvedWith", { resolution: dispute.resolution ?? "" })}
        </p>
      ) : canResolve ? (
        <ActionForm
          form={form}
          messageId={id("error")}
          className={styles.form}
          onSubmit={form.handleSubmit(() => ({
            evaluationId,
            responseId: dispute.id,
            outcome: outcome as DisputeOutcome,
            resolution,
          }))}
        >
          <RadioGroup
            id={id("outcome")}
            legend={t("outcomeLabel")}
            hint={outcome ? t(`outcomeHelp.${outcome}`) : undefined}
            error={form.fieldError("outcome")}
            options={DISPUTE_OUTCOMES.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
            value={outcome || null}
            onChange={(value) => setOutcome(value as DisputeOutcome)}
          />
          <TextAreaField
            id={id("resolution")}
            label={t("resolution")}
            hint={t("resolutionHint")}
            rows={3}
            maxLength={LIMITS.resolution}
            value={resolution}
            onValueChange={setResolution}
            error={form.fieldError("resolution")}
          />
          <ConfirmButton
            submit
            variant="primary"
            label={t("settle")}
            confirmLabel={t("confirm")}
            cancelLabel={t("cancel")}
            consequence={
              outcome
                ? t("consequence", { outcome: t(`outcomes.${outcome}`), help: t(`outcomeHelp.${outcome}`) })
                : undefined
            }
            busy={form.busy}
            busyLabel={t("settling")}
          />
        </ActionForm>
      ) : null}
    </article>
  );
}
