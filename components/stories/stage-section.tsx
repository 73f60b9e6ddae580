/** Where the story stands on its path, the steps the reader may take next, and the steps taken so far. */
import type { StoryStage } from "@/lib/generated/prisma/enums";
import type { StageStep } from "@/lib/stories/history-data";
import type { NextStep } from "@/lib/stories/stage-machine";
import { dynamic, type StoriesT } from "./form-types";
import type { Formatter } from "./format";
import { StageBadge } from "./stage-badge";
import { StageControls } from "./stage-controls";
import { Section } from "@/components/ui/section";

type Props = {
  evaluationId: string;
  storyId: string;
  stage: StoryStage;
  stageChangedAt: Date;
  steps: NextStep[];
  history: StageStep[];
  t: StoriesT;
  format: Formatter;
};

export function StageSection({ evaluationId, storyId, stage, stageChangedAt, steps, history, t, format }: Props) {
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const stageName = (value: string) => (value ? dynamic(t, `stages.${value}`) : "");
  return (
    <Section id="story-stage-title" title={t("stage.title")}>
      <p>
        {t("stage.current")} <StageBadge stage={stage} name={stageName(stage)} />{" "}
        <span className="muted">{t("stage.since", { date: when(stageChangedAt) })}</span>
      </p>
      <StageControls evaluationId={evaluationId} storyId={storyId} stage={stage} steps={steps} />
      {history.length ? (
        <>
          <h3>{t("stage.history")}</h3>
          <ol className="plain-list">
            {history.map((step, index) => (
              <li key={index}>
                <time dateTime={step.at.toISOString()}>{when(step.at)}</time>:{" "}
                {t("stage.historyStep", {
                  from: stageName(step.from),
                  to: stageName(step.to),
                  actor: step.actorName ?? t("stage.someone"),
                })}
                {step.comment ? <span className="muted"> — «{step.comment}»</span> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </Section>
  );
}
