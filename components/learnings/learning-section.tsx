"use client";

import { useTranslations } from "next-intl";
import { useLocale } from "@/lib/i18n/use-locale";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ListSection } from "@/components/ui/list-section";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { localized } from "@/lib/evaluations/format";
import { deleteLearning, reorderLearnings } from "@/lib/learnings/actions";
import { SINGLE_KINDS } from "@/lib/learnings/types";
import { learningFailureMessages } from "./failure-messages";
import { LearningForm } from "./learning-form";
import { LearningTexts } from "./learning-texts";
import styles from "./learnings.module.css";
import { briefOrder } from "@/lib/learnings/order";
import type { Language, LearningFormOptions, LearningKind, LearningRow } from "./types";

type Props = {
  evaluationId: string;
  kind: LearningKind;
  languages: readonly Language[];
  learnings: LearningRow[];
  /** Null for those who may only read. */
  options: LearningFormOptions | null;
};

/** Kinds the brief numbers, so their order is the team's to set. */
const ORDERED: ReadonlySet<LearningKind> = new Set(["KEY_LEARNING", "LESSON", "RECOMMENDATION"]);

/**
 * One kind of learning in the brief's order, each numbered where the brief numbers it. Editors move
 * items with buttons (keyboard and mouse alike; the new place is announced), edit them in place,
 * delete them, and add new ones at the end.
 */
export function LearningSection({ evaluationId, kind, languages, learnings, options }: Props) {
  const t = useTranslations("learnings");
  const locale = useLocale();
  const router = useRouter();
  const rows = briefOrder(kind, learnings);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [refocus, setRefocus] = useState<string | null>(null);
  const success = useRef("");
  const done = (message: string) => {
    setStatus(message);
    router.refresh();
  };
  const buttons = {
    clearOnStart: true,
    failureMessages: learningFailureMessages,
    onStart: () => setStatus(null),
    onSuccess: () => done(success.current),
    onFailure: () => router.refresh(),
  };
  const reorder = useActionForm(reorderLearnings, buttons);
  const remove = useActionForm(deleteLearning, buttons);

  useEffect(() => {
    if (!refocus) return;
    const button = document.getElementById(refocus) as HTMLButtonElement | null;
    const other = document.getElementById(
      refocus.endsWith("-up") ? refocus.replace(/-up$/, "-down") : refocus.replace(/-down$/, "-up"),
    );
    (button && !button.disabled ? button : other)?.focus();
    setRefocus(null);
  }, [refocus, learnings]);

  const nameAt = (index: number, group: { nameEs: string; nameEn: string } | null | undefined) =>
    t(`kinds.${kind}.item`, { number: index + 1, group: group ? localized(group, locale) : "" });
  const itemName = (row: LearningRow, index: number) => nameAt(index, row.atRiskGroup);
  // A recommendation's number depends on its audience's place, known once the page has reloaded.
  const addedName = (saved: { atRiskGroupId: string | null; audience: LearningRow["audience"]; position?: number }) =>
    kind === "RECOMMENDATION" && saved.audience
      ? t("recommendationFor", { audience: t(`audiences.${saved.audience}`) })
      : nameAt(
          (saved.position ?? 1) - 1,
          options?.atRiskGroups.find((group) => group.id === saved.atRiskGroupId),
        );
  const canMove = (index: number, delta: -1 | 1) => {
    const neighbour = rows[index + delta];
    // Recommendations move within their audience: the brief groups them by it.
    return neighbour !== undefined && neighbour.audience === rows[index]!.audience;
  };
  function move(index: number, delta: -1 | 1) {
    if (reorder.busy || !canMove(index, delta)) return;
    const seen = [...learnings].sort((a, b) => a.position - b.position).map((row) => row.id);
    const next = rows.map((row) => row.id);
    [next[index], next[index + delta]] = [next[index + delta]!, next[index]!];
    const row = rows[index]!;
    setRefocus(`learning-${row.id}-${delta < 0 ? "up" : "down"}`);
    success.current = t("moved", { item: itemName(row, index), position: index + delta + 1, count: rows.length });
    void reorder.submit({ evaluationId, kind, order: next, seenOrder: seen });
  }

  const headingId = `learnings-${kind}`;
  const takenGroups = rows.flatMap((row) => (row.atRiskGroup ? [row.atRiskGroup.id] : []));
  const full = SINGLE_KINDS.has(kind)
    ? rows.length > 0
    : kind === "AT_RISK_IMPACT" && takenGroups.length >= (options?.atRiskGroups.length ?? 0);
  const canAdd = options !== null && !full;
  // What the edit forms and the add form share.
  const formProps = { evaluationId, kind, languages, takenGroups };
  let audience: string | null = null;
  return (
    <ListSection
      titleId={headingId}
      title={t(`kinds.${kind}.title`)}
      intro={<p className="muted">{t(`kinds.${kind}.hint`)}</p>}
      status={status}
      error={reorder.formError ?? remove.formError}
      empty={rows.length === 0 ? t(`kinds.${kind}.empty`) : null}
    >
      <ol className={styles.list} aria-labelledby={headingId}>
        {rows.map((row, index) => {
          const name = itemName(row, index);
          const audienceHeading =
            kind === "RECOMMENDATION" && row.audience !== audience ? (audience = row.audience) : null;
          return (
            <li key={row.id} className={styles.item}>
              {audienceHeading ? <p className={styles.audience}>{t(`audiences.${audienceHeading}`)}</p> : null}
              <h3 className={styles.itemHeading}>{name}</h3>
              {editing === row.id && options ? (
                <LearningForm
                  {...formProps}
                  options={options}
                  learning={row}
                  title={t("editTitle", { item: name })}
                  onSaved={() => (setEditing(null), done(t("savedStatus", { item: name })))}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <LearningTexts learning={row} languages={languages} />
                  {options ? (
                    <div className="row-actions">
                      {ORDERED.has(kind) ? (
                        <>
                          <Button
                            variant="secondary"
                            id={`learning-${row.id}-up`}
                            disabled={!canMove(index, -1)}
                            onClick={() => move(index, -1)}
                          >
                            {t("moveUp", { item: name })}
                          </Button>
                          <Button
                            variant="secondary"
                            id={`learning-${row.id}-down`}
                            disabled={!canMove(index, 1)}
                            onClick={() => move(index, 1)}
                          >
                            {t("moveDown", { item: name })}
                          </Button>
                        </>
                      ) : null}
                      <Button variant="secondary" onClick={() => setEditing(row.id)}>
                        {t("edit", { item: name })}
                      </Button>
                      <ConfirmButton
                        label={t("delete", { item: name })}
                        confirmLabel={t("confirmDelete", { item: name })}
                        cancelLabel={t("cancel")}
                        busy={remove.busy}
                        onConfirm={() => {
                          success.current = t("deletedStatus", { item: name });
                          void remove.submit({ evaluationId, learningId: row.id, expectedVersion: row.version });
                        }}
                      />
                    </div>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ol>
      {canAdd && options ? (
        <LearningForm
          {...formProps}
          options={options}
          title={t("addTitle", { kind: t(`kinds.${kind}.title`) })}
          addLabel={t("addTo", { kind: t(`kinds.${kind}.title`) })}
          onSaved={(saved) => done(t("addedStatus", { item: addedName(saved) }))}
        />
      ) : null}
    </ListSection>
  );
}
