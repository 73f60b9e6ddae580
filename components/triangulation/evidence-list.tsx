/** A story's evidence items as cards: what each shows, its stance, the figure it backs, its attachment. */
import Link from "next/link";
import type { getFormatter, getTranslations } from "next-intl/server";
import type { EvidenceListItem } from "@/lib/triangulation/data";
import styles from "./triangulation.module.css";
import { evaluationApiPath } from "@/lib/evaluations/paths";

type T = Awaited<ReturnType<typeof getTranslations<"triangulation">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

export function fileSize(bytes: number, format: Format): string {
  return format.number(Math.max(1, Math.round(bytes / 1024)), {
    style: "unit",
    unit: "kilobyte",
    maximumFractionDigits: 0,
  });
}

export function EvidenceList({
  items,
  evaluationId,
  editBase,
  t,
  format,
}: {
  items: EvidenceListItem[];
  evaluationId: string;
  editBase: string | null;
  t: T;
  format: Format;
}) {
  if (items.length === 0) return <p className="muted">{t("evidence.empty")}</p>;
  return (
    <ul className={styles.evidenceList}>
      {items.map((item) => (
        <li key={item.id} className={styles.evidenceItem}>
          <h3>
            {t(`sourceTypes.${item.sourceType}`)} ·{" "}
            <span
              className={[styles.stance, item.stance === "CONTRADICTS" ? styles.stanceContradicts : null]
                .filter(Boolean)
                .join(" ")}
            >
              {t(`stances.${item.stance}`)}
            </span>
          </h3>
          <dl className="facts">
            <div className="facts__item">
              <dt>{t("evidence.citation")}</dt>
              <dd>{item.citation}</dd>
            </div>
            <div className="facts__item">
              <dt>{t("evidence.whatItShows")}</dt>
              <dd>{item.whatItShows}</dd>
            </div>
            <div className="facts__item">
              <dt>{t("evidence.strength")}</dt>
              <dd>{t(`strengths.${item.strength}`)}</dd>
            </div>
            {item.figure ? (
              <div className="facts__item">
                <dt>{t("evidence.figure")}</dt>
                <dd>{item.figure.label}</dd>
              </div>
            ) : null}
            {item.response ? (
              <div className="facts__item">
                <dt>{t("evidence.response")}</dt>
                <dd>{item.response}</dd>
              </div>
            ) : null}
            {item.stance === "MIXED" ? (
              <div className="facts__item">
                <dt>{t("evidence.supportNote")}</dt>
                <dd>{item.supportNote ?? <span className="muted">{t("evidence.noSupportNote")}</span>}</dd>
              </div>
            ) : null}
          </dl>
          <p className="muted">
            {t("evidence.addedBy", {
              name: item.addedBy.name,
              date: format.dateTime(item.createdAt, { dateStyle: "medium" }),
            })}
          </p>
          <p className="actions">
            {item.fileName && item.sizeBytes !== null ? (
              <a href={evaluationApiPath(evaluationId, "evidence", item.id, "file")} download>
                {t("evidence.download", { name: item.fileName, size: fileSize(item.sizeBytes, format) })}
              </a>
            ) : null}
            {editBase ? (
              <Link
                href={`${editBase}/${encodeURIComponent(item.id)}`}
                aria-label={t("evidence.editLabel", { citation: item.citation })}
              >
                {t("evidence.edit")}
              </Link>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
