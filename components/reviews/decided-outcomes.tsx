import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StaticTable } from "@/components/ui/static-table";
import { OutcomeLink } from "@/components/reviews/outcome-link";
import type { DecidedOutcome } from "@/lib/reviews/decided-data";
import { StageBadge } from "@/components/stories/stage-badge";
import { Section } from "@/components/ui/section";

type Props = {
  base: string;
  decided: { rows: DecidedOutcome[]; total: number; pages: number };
  /** The queue's page, kept in the address when the reviewer pages through the decided ones. */
  queuePage: number;
  page: number;
};

/** The outcomes already decided, newest decision first, with what became of each since. */
export async function DecidedOutcomes({ base, decided, queuePage, page }: Props) {
  const [t, tStories, format] = await Promise.all([
    getTranslations("reviews"),
    getTranslations("stories"),
    getFormatter(),
  ]);
  const href = (decidedPage: number) => `${base}?page=${queuePage}&decided=${decidedPage}#decided`;
  return (
    <Section id="decided" title={t("decided.title")} className={null}>
      {decided.rows.length === 0 ? (
        <p className="muted">{t("decided.empty")}</p>
      ) : (
        <StaticTable
          captionId="decided-caption"
          caption={t("decided.caption", { total: decided.total })}
          columns={(["story", "decision", "date", "reviewer", "now"] as const).map((column) =>
            t(`decided.columns.${column}`),
          )}
        >
          {decided.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <OutcomeLink base={base} outcome={row} />
              </td>
              <td>
                {t(`decision.${row.decision}`)} · {t("story.revisionShort", { version: row.revisionVersion })}
                {row.decisions > 1 ? ` · ${t("decided.earlier", { count: row.decisions - 1 })}` : ""}
              </td>
              <td>{format.dateTime(row.decidedAt, { dateStyle: "medium" })}</td>
              <td>{row.reviewerName}</td>
              <td>
                <StageBadge stage={row.stage} name={tStories(`stages.${row.stage}`)} />
              </td>
            </tr>
          ))}
        </StaticTable>
      )}
      {decided.pages > 1 ? (
        <nav aria-label={t("decided.caption", { total: decided.total })}>
          {page > 1 ? <Link href={href(page - 1)}>{t("queue.previous")}</Link> : null}{" "}
          <span>{t("queue.page", { page, pages: decided.pages })}</span>{" "}
          {page < decided.pages ? <Link href={href(page + 1)}>{t("queue.next")}</Link> : null}
        </nav>
      ) : null}
    </Section>
  );
}
