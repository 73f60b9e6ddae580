"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import styles from "./fieldwork.module.css";

export type ExcerptItem = {
  id: string;
  startOffset: number;
  endOffset: number;
  quotedText: string;
  note: string | null;
  createdBy: string;
  /** ISO timestamp. */
  createdAt: string;
  storyCount: number;
  needsAttention: boolean;
};

/** The excerpts of one transcript, with a clear warning on those that need attention. */
export function ExcerptList({
  idPrefix,
  excerpts,
  lang,
  canEdit,
  newStoryPath,
  onShow,
  onRemove,
}: {
  idPrefix: string;
  excerpts: ExcerptItem[];
  lang: string | null;
  canEdit: boolean;
  /** The new-story page, for those who may write stories: each excerpt links to it with its id. */
  newStoryPath: string | null;
  onShow: (excerpt: ExcerptItem) => void;
  onRemove: (excerpt: ExcerptItem) => void;
}) {
  const t = useTranslations("fieldwork");
  const format = useFormatter();
  const attention = excerpts.filter((excerpt) => excerpt.needsAttention).length;
  return (
    <>
      <h3 className={styles.listTitle}>{t("excerpts.listTitle", { count: excerpts.length })}</h3>
      {attention > 0 ? <p className={styles.warning}>{t("excerpts.attentionSummary", { count: attention })}</p> : null}
      {excerpts.length === 0 ? (
        <p className="muted">{t("excerpts.empty")}</p>
      ) : (
        <ol className={styles.excerpts}>
          {excerpts.map((excerpt) => (
            <li
              key={excerpt.id}
              className={[styles.excerpt, excerpt.needsAttention ? styles.excerptAttention : null]
                .filter(Boolean)
                .join(" ")}
            >
              {excerpt.needsAttention ? (
                <p className={styles.warning}>
                  <span aria-hidden="true">⚠ </span>
                  {t("excerpts.needsAttention")}
                </p>
              ) : null}
              <blockquote id={`${idPrefix}-quote-${excerpt.id}`} className={styles.quote} lang={lang ?? undefined}>
                {excerpt.quotedText}
              </blockquote>
              {excerpt.note ? (
                <p>
                  <strong>{t("excerpts.note")}</strong> {excerpt.note}
                </p>
              ) : null}
              <p className={styles.excerptMeta}>
                {t("excerpts.meta", {
                  start: excerpt.startOffset + 1,
                  end: excerpt.endOffset,
                  name: excerpt.createdBy,
                  date: format.dateTime(new Date(excerpt.createdAt), { dateStyle: "medium" }),
                  stories: excerpt.storyCount,
                })}
              </p>
              <div className={styles.excerptActions}>
                {excerpt.needsAttention ? null : (
                  <Button
                    variant="secondary"
                    onClick={() => onShow(excerpt)}
                    aria-describedby={`${idPrefix}-quote-${excerpt.id}`}
                  >
                    {t("excerpts.showInTranscript")}
                  </Button>
                )}
                {newStoryPath ? (
                  <Link
                    href={`${newStoryPath}?excerpt=${encodeURIComponent(excerpt.id)}`}
                    aria-describedby={`${idPrefix}-quote-${excerpt.id}`}
                  >
                    {t("excerpts.writeStory")}
                  </Link>
                ) : null}
                {canEdit && excerpt.storyCount === 0 ? (
                  <Button
                    variant="secondary"
                    onClick={() => onRemove(excerpt)}
                    aria-describedby={`${idPrefix}-quote-${excerpt.id}`}
                  >
                    {t("excerpts.remove")}
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
