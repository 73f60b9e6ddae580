"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { refusalMessageKey, type RefusalMessages } from "@/components/ui/refusal-messages";
import { Button } from "@/components/ui/button";
import { moveChangeStory } from "@/lib/stories/actions";
import { moveStoryInTriangulation } from "@/lib/triangulation/actions";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { isTriangulationStep, type NextStep, type StageBlocker } from "@/lib/stories/stage-machine";
import type { MoveRefusal } from "@/lib/stories/stage-mutations";
import { LIMITS } from "@/lib/stories/types";
import { hasRuntimeKey, isOneOf, runtimeKeys } from "@/lib/i18n/labels";
import { EVALUATION_ROLES } from "@/lib/members/types";
import { dynamic, type StoriesT } from "./form-types";
import styles from "./stories.module.css";
import { TextAreaField } from "@/components/ui/field";

type PathT = ReturnType<typeof useTranslations<"selection.path">>;

/** How a refused step reads; a step a round or the review takes is worded under selection.path. */
export const STAGE_REFUSAL_MESSAGES: RefusalMessages<MoveRefusal> = {
  NO_SUCH_STEP: "stories.errors.NO_SUCH_STEP",
  ROUND_STEP: "selection.path.roundStepRefused",
  COMMENT_REQUIRED: "stories.errors.COMMENT_REQUIRED",
  BLOCKED: "stories.errors.BLOCKED",
  NOT_FOUND: "stories.errors.NOT_FOUND",
  INVALID: "stories.errors.invalid",
  CONFLICT: "stories.stage.conflict",
  UNAUTHENTICATED: "stories.errors.UNAUTHENTICATED",
  FORBIDDEN: "stories.errors.FORBIDDEN",
  UNEXPECTED: "stories.errors.UNEXPECTED",
};

/** Blockers of the first rows are worded under stories.stage; those of selection and roles under selection.path. */
export function blockerText(
  blocker: StageBlocker,
  t: StoriesT,
  tp?: PathT,
  roleName?: (role: string) => string,
): string {
  const values: Record<string, string> = {};
  if ("respondent" in blocker) values.respondent = blocker.respondent;
  if ("scope" in blocker) values.scope = dynamic(t, `consentScopes.${blocker.scope}`);
  if ("roles" in blocker) values.roles = blocker.roles.map((role) => roleName?.(role) ?? role).join(", ");
  for (const [key, value] of Object.entries(blocker)) if (typeof value === "number") values[key] = String(value);
  if (hasRuntimeKey(t, `stage.blockers.${blocker.code}`) || !tp)
    return dynamic(t, `stage.blockers.${blocker.code}`, values);
  return runtimeKeys(tp)(`blockers.${blocker.code}`, values);
}

/** A step's words: the first rows under stories.stage.steps, the later ones under selection.path.steps. */
function stepText(step: NextStep, part: "title" | "help" | "action", t: StoriesT, tp: PathT): string {
  const values = { stage: dynamic(t, `stages.${step.to}`) };
  if (hasRuntimeKey(t, `stage.steps.${step.key}.${part}`)) return dynamic(t, `stage.steps.${step.key}.${part}`, values);
  return runtimeKeys(tp)(`steps.${step.key}.${part}`, values);
}

/** The steps this person may take now, and for the others what is still missing. */
export function StageControls({
  evaluationId,
  storyId,
  stage,
  steps,
}: {
  evaluationId: string;
  storyId: string;
  stage: StoryStage;
  steps: NextStep[];
}) {
  const t = useTranslations("stories");
  const tp = useTranslations("selection.path");
  const tr = useTranslations("roles");
  const tAll = useTranslations();
  // Administrators are no evaluation role and have no name there: they read as their code.
  const roleName = (role: string) => (isOneOf(EVALUATION_ROLES, role) ? tr(role) : role);
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [commentError, setCommentError] = useState<string | null>(null);

  async function move(step: NextStep) {
    const comment = comments[step.to]?.trim() ?? "";
    if (step.needsComment && !comment) {
      setCommentError(t("errors.COMMENT_REQUIRED"));
      document.getElementById(`stage-comment-${step.to}`)?.focus();
      return;
    }
    setCommentError(null);
    setBusy(step.to);
    try {
      const take = isTriangulationStep(step.permission) ? moveStoryInTriangulation : moveChangeStory;
      const result = await take({
        evaluationId,
        storyId,
        from: stage,
        to: step.to,
        comment: step.needsComment ? comment : null,
      });
      if (result.ok) setStatus(t("stage.moved", { stage: dynamic(t, `stages.${result.data.stage}`) }));
      else setStatus(tAll(refusalMessageKey(STAGE_REFUSAL_MESSAGES, result)));
      router.refresh();
    } catch {
      setStatus(t("errors.UNEXPECTED"));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div>
      <p role="status" aria-live="polite" className={status ? "notice" : undefined}>
        {status}
      </p>
      {steps.length === 0 ? <p className="muted">{t("stage.noSteps")}</p> : null}
      {steps.length > 0 && !steps.some((step) => step.mine) ? <p className="muted">{tp("noneYours")}</p> : null}
      <ul className={styles.steps}>
        {steps.map((step) => {
          const title = stepText(step, "title", t, tp);
          return (
            <li key={step.to} className={styles.step}>
              <h3>{title}</h3>
              {step.trigger !== "story" ? <p className="muted">{stepText(step, "help", t, tp)}</p> : null}
              {step.blockers.length > 0 ? (
                <>
                  <p>{t("stage.notYet")}</p>
                  <ul className={styles.blockers}>
                    {step.blockers.map((blocker, index) => (
                      <li key={index}>{blockerText(blocker, t, tp, roleName)}</li>
                    ))}
                  </ul>
                </>
              ) : !step.mine ? (
                step.trigger === "round" ? (
                  <p>{tp("roundWillTakeIt")}</p>
                ) : null
              ) : (
                <>
                  <p className="muted">{stepText(step, "help", t, tp)}</p>
                  {step.needsComment ? (
                    <TextAreaField
                      id={`stage-comment-${step.to}`}
                      label={t("stage.comment")}
                      hint={t("stage.commentHint")}
                      rows={3}
                      maxLength={LIMITS.rationale}
                      value={comments[step.to] ?? ""}
                      error={commentError}
                      onValueChange={(value) => setComments({ ...comments, [step.to]: value })}
                    />
                  ) : null}
                  <Button
                    variant={step.needsComment ? "secondary" : "primary"}
                    busy={busy === step.to}
                    busyLabel={t("stage.moving")}
                    disabled={busy !== null}
                    onClick={() => void move(step)}
                  >
                    {stepText(step, "action", t, tp)}
                  </Button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
