"use client";

/**
 * A panelist's ballots on one round, one per candidate, each with a reason. Ranking is done with
 * "move up" / "move down" buttons (keyboard and screen reader friendly; no dragging needed) or, for
 * mouse and touch, by dragging a story by its handle (the drag code loads when a pointer first
 * comes over the list: use-drag-and-drop.ts); each move is announced. Stories the panelist may not vote on (conflict of interest) are listed
 * apart with the reason; the server refuses them too.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import type { VotingMethod } from "@/lib/generated/prisma/enums";
import { castSelectionBallots } from "@/lib/selection/actions";
import { SELECTION_LIMITS } from "@/lib/selection/types";
import { selectionFailureMessages } from "./failure-messages";
import { moveStory } from "./ranking-order";
import { DragHandle } from "./drag-handle";
import { useDragAndDrop } from "./use-drag-and-drop";
import styles from "./selection.module.css";
import { CheckboxField, SelectField } from "@/components/ui/choice-fields";
import { TextAreaField } from "@/components/ui/field";
import { Section } from "@/components/ui/section";

/** `details`: what changed, why, where, when and the figures, rendered by the page (candidate-details.tsx). */
export type BallotCandidate = {
  id: string;
  code: string;
  title: string;
  conflict: "WROTE" | "COLLECTED" | null;
  details?: ReactNode;
};
export type OwnBallot = {
  storyId: string;
  rank: number | null;
  score: number | null;
  approved: boolean | null;
  reason: string;
};

type Props = {
  evaluationId: string;
  roundId: string;
  method: VotingMethod;
  scaleMax: number | null;
  candidates: BallotCandidate[];
  ballots: OwnBallot[];
};

function initialOrder(candidates: BallotCandidate[], ballots: OwnBallot[]): string[] {
  const rank = new Map(ballots.map((ballot) => [ballot.storyId, ballot.rank ?? Number.MAX_SAFE_INTEGER]));
  return candidates
    .filter((candidate) => !candidate.conflict)
    .map((candidate, index) => ({ id: candidate.id, index }))
    .sort(
      (a, b) =>
        (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER) || a.index - b.index,
    )
    .map((entry) => entry.id);
}

export function BallotForm({ evaluationId, roundId, method, scaleMax, candidates, ballots }: Props) {
  const t = useTranslations("selection");
  const router = useRouter();
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const own = new Map(ballots.map((ballot) => [ballot.storyId, ballot]));
  const [order, setOrder] = useState(() => initialOrder(candidates, ballots));
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(ballots.map((b) => [b.storyId, b.score ? String(b.score) : ""])),
  );
  const [approvals, setApprovals] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(ballots.map((b) => [b.storyId, b.approved ?? false])),
  );
  const [reasons, setReasons] = useState<Record<string, string>>(() =>
    Object.fromEntries(ballots.map((b) => [b.storyId, b.reason])),
  );
  const [announcement, setAnnouncement] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const listFrame = useRef<HTMLDivElement>(null);
  const { dragAndDrop, prefetch, handleEntered, handleLeft } = useDragAndDrop(listFrame);
  const form = useActionForm(castSelectionBallots, {
    failureMessages: selectionFailureMessages,
    onStart: () => setSaved(null),
    focus: (fields) => {
      const first = Object.keys(fields).find((field) => /^votes\.\d+/.test(field));
      const index = first ? Number(first.split(".")[1]) : -1;
      document.getElementById(index >= 0 ? `reason-${order[index]}` : "ballot-error")?.focus();
    },
    onSuccess: () => {
      setSaved(t("ballot.saved"));
      router.refresh();
    },
  });

  function move(id: string, by: -1 | 1) {
    const from = order.indexOf(id);
    const to = from + by;
    if (to < 0 || to >= order.length) return;
    const moved = moveStory(order, id, to)!;
    setOrder(moved.order);
    setAnnouncement(t("ballot.movedTo", { code: byId.get(id)!.code, position: to + 1, total: moved.order.length }));
    // Keep focus on the same button of the moved story, so repeated presses keep moving it.
    requestAnimationFrame(() => document.getElementById(`move-${by < 0 ? "up" : "down"}-${id}`)?.focus());
  }

  /** A story let go by the mouse or a finger: at index `to`, or back where it was (`to` null). */
  function drop(id: string, to: number | null) {
    const moved = to === null ? null : moveStory(order, id, to);
    const code = byId.get(id)?.code;
    if (!code) return;
    if (!moved || moved.from === moved.to) {
      setAnnouncement(t("ballot.stayedAt", { code, position: order.indexOf(id) + 1, total: order.length }));
      return;
    }
    setOrder(moved.order);
    setAnnouncement(t("ballot.movedTo", { code, position: moved.to + 1, total: moved.order.length }));
  }

  const blocked = candidates.filter((candidate) => candidate.conflict);
  const votes = order.map((storyId, index) => ({
    storyId,
    rank: method === "RANKING" ? index + 1 : null,
    score: method === "SCORING" ? Number(scores[storyId] || 0) || null : null,
    approved: method === "APPROVAL" ? (approvals[storyId] ?? false) : null,
    reason: reasons[storyId] ?? "",
  }));
  const fieldError = (index: number, field: string) => form.fieldError(`votes.${index}.${field}`);

  function itemContent(storyId: string, index: number, handle: ReactNode = null) {
    const candidate = byId.get(storyId)!;
    return (
      <>
        <h3 className={styles.ballotTitle}>
          {method === "RANKING" ? (
            <span className={styles.rank}>{t("ballot.rankLabel", { rank: index + 1 })}</span>
          ) : null}{" "}
          <span className="code">{candidate.code}</span> {candidate.title}
        </h3>
        {candidate.details}
        {method === "RANKING" ? (
          <div className={styles.moveButtons}>
            {handle}
            <Button
              id={`move-up-${storyId}`}
              variant="secondary"
              disabled={index === 0}
              onClick={() => move(storyId, -1)}
              aria-label={t("ballot.moveUp", { code: candidate.code })}
            >
              ↑ {t("ballot.up")}
            </Button>
            <Button
              id={`move-down-${storyId}`}
              variant="secondary"
              disabled={index === order.length - 1}
              onClick={() => move(storyId, 1)}
              aria-label={t("ballot.moveDown", { code: candidate.code })}
            >
              ↓ {t("ballot.down")}
            </Button>
          </div>
        ) : null}
        {method === "SCORING" ? (
          <SelectField
            id={`score-${storyId}`}
            label={t("ballot.score", { code: candidate.code, max: scaleMax ?? 5 })}
            value={scores[storyId] ?? ""}
            onValueChange={(value) => setScores({ ...scores, [storyId]: value })}
            placeholder={t("ballot.chooseScore")}
            options={Array.from({ length: scaleMax ?? 5 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
          />
        ) : null}
        {method === "APPROVAL" ? (
          <CheckboxField
            id={`approve-${storyId}`}
            label={t("ballot.approve", { code: candidate.code })}
            checked={approvals[storyId] ?? false}
            onChange={(checked) => setApprovals({ ...approvals, [storyId]: checked })}
          />
        ) : null}
        <TextAreaField
          id={`reason-${storyId}`}
          label={t("ballot.reason", { code: candidate.code })}
          hint={own.has(storyId) ? t("ballot.reasonHintChange") : t("ballot.reasonHint")}
          rows={3}
          maxLength={SELECTION_LIMITS.reason}
          value={reasons[storyId] ?? ""}
          error={fieldError(index, "reason") ?? fieldError(index, "score")}
          onValueChange={(value) => setReasons({ ...reasons, [storyId]: value })}
        />
      </>
    );
  }

  return (
    <ActionForm
      // A problem with the ballot as a whole ("votes") is said on top.
      form={{ ...form, formError: form.formError ?? form.fieldError("votes") }}
      messageId="ballot-error"
      className=""
      onSubmit={form.handleSubmit(() => ({ evaluationId, roundId, votes }))}
    >
      <p role="status" className={saved ? "notice" : undefined}>
        {saved}
      </p>
      <p className="muted">{t(`ballot.instructions.${method}`, { max: scaleMax ?? 5 })}</p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div ref={listFrame}>
        {method === "RANKING" && dragAndDrop ? (
          <dragAndDrop.SortableBallotList
            ids={order}
            className={styles.ballotList}
            instructions={t("ballot.dragInstructions")}
            onDrop={drop}
          >
            {order.map((storyId, index) => (
              <dragAndDrop.SortableBallotItem
                key={storyId}
                id={storyId}
                className={styles.ballotItem}
                handleLabel={t("ballot.dragHandle", { code: byId.get(storyId)!.code })}
                handleRole={t("ballot.dragRole")}
              >
                {(handle) => itemContent(storyId, index, handle)}
              </dragAndDrop.SortableBallotItem>
            ))}
          </dragAndDrop.SortableBallotList>
        ) : (
          // Until a pointer comes onto a handle, the ranking list is a plain one with inert handles.
          <ol className={styles.ballotList} onPointerOver={method === "RANKING" ? prefetch : undefined}>
            {order.map((storyId, index) => (
              <li key={storyId} className={styles.ballotItem}>
                {itemContent(
                  storyId,
                  index,
                  method === "RANKING" ? (
                    <DragHandle
                      storyId={storyId}
                      label={t("ballot.dragHandle", { code: byId.get(storyId)!.code })}
                      roleDescription={t("ballot.dragRole")}
                      onPointerEnter={handleEntered}
                      onPointerLeave={handleLeft}
                    />
                  ) : null,
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
      {blocked.length ? (
        <Section id="conflicts-title" title={t("ballot.conflictsTitle")} level={3} className={null}>
          <ul>
            {blocked.map((candidate) => (
              <li key={candidate.id}>
                <span className="code">{candidate.code}</span> {candidate.title}: {t(`conflict.${candidate.conflict!}`)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {order.length ? (
        <SubmitButton busy={form.busy} busyLabel={t("saving")}>
          {ballots.length ? t("ballot.update") : t("ballot.submit")}
        </SubmitButton>
      ) : null}
    </ActionForm>
  );
}
