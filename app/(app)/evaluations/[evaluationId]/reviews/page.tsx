import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DecidedOutcomes } from "@/components/reviews/decided-outcomes";
import { VerdictSummary } from "@/components/reviews/verdict-summary";
import { PageHeader } from "@/components/ui/page-header";
import { StaticTable } from "@/components/ui/static-table";
import { OutcomeLink } from "@/components/reviews/outcome-link";
import { requireUser } from "@/lib/auth/session";
import { evaluationApiPath, evaluationPath } from "@/lib/evaluations/paths";
import { loadDecidedOutcomes, loadReviewQueue } from "@/lib/reviews/loaders";
import { reviewQueueParams } from "@/lib/reviews/schema";
import { Section } from "@/components/ui/section";

type Props = {
  params: Promise<{ evaluationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reviews");
  return { title: t("meta.queue") };
}

export default async function ReviewQueuePage({ params, searchParams }: Props) {
  const { evaluationId } = await params;
  const base = evaluationPath(evaluationId, "reviews");
  const user = await requireUser(base);
  const { page, decided: decidedPage } = reviewQueueParams.parse(await searchParams);
  const [queue, decided] = await Promise.all([
    loadReviewQueue(evaluationId, user, page),
    loadDecidedOutcomes(evaluationId, user, decidedPage),
  ]);
  if (!queue || !decided) notFound();
  const [t, tExports] = await Promise.all([getTranslations("reviews"), getTranslations("exports.control")]);
  // Approved outcomes only, whoever asks (a lead would otherwise get every story): the door checks it again.
  const download = (file: string) => `${evaluationApiPath(evaluationId, "exports", file)}?stage=APPROVED`;
  return (
    <>
      <PageHeader title={t("queue.title")} description={t("queue.intro")} />
      <StaticTable
        empty={queue.rows.length === 0 ? t("queue.empty") : null}
        captionId="queue-caption"
        caption={t("queue.caption", { total: queue.total })}
        columns={(["story", "evidence", "validation", "reasons"] as const).map((column) =>
          t(`queue.columns.${column}`),
        )}
      >
        {queue.rows.map((row) => (
          <tr key={row.id}>
            <td>
              <OutcomeLink base={base} outcome={row} />
            </td>
            <td>{t("queue.evidenceCount", { count: row.evidence })}</td>
            <td>
              <VerdictSummary verdicts={row.verdicts} />
            </td>
            <td>{t("queue.reasonsCount", { count: row.reasons })}</td>
          </tr>
        ))}
      </StaticTable>
      {queue.pages > 1 ? (
        <nav aria-label={t("queue.caption", { total: queue.total })}>
          {page > 1 ? (
            <Link href={`${base}?page=${page - 1}&decided=${decidedPage}`}>{t("queue.previous")}</Link>
          ) : null}{" "}
          <span>{t("queue.page", { page, pages: queue.pages })}</span>{" "}
          {page < queue.pages ? (
            <Link href={`${base}?page=${page + 1}&decided=${decidedPage}`}>{t("queue.next")}</Link>
          ) : null}
        </nav>
      ) : null}
      <DecidedOutcomes base={base} decided={decided} queuePage={page} page={decidedPage} />
      <Section id="approved-downloads" title={tExports("approvedTitle")} description={tExports("approvedHint")}>
        <ul>
          <li>
            <a href={download("stories.xlsx")}>{tExports("approvedXlsx")}</a>
          </li>
          <li>
            <a href={download("stories.zip")}>{tExports("approvedZip")}</a>
          </li>
          <li>
            <a href={download("evidence.csv")}>{tExports("approvedEvidence")}</a>
          </li>
        </ul>
      </Section>
    </>
  );
}
