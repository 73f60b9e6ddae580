import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StaticTable } from "@/components/ui/static-table";
import { RevalidationForm, SendToReviewButton } from "@/components/validation/lead-decisions";
import styles from "@/components/validation/validation.module.css";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadValidationRounds } from "@/lib/validation/loaders";
import { pageNumber } from "@/lib/validation/schema";
import { Section } from "@/components/ui/section";

type Props = { params: Promise<{ evaluationId: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("respondentValidation");
  return { title: t("meta.list") };
}

export default async function ValidationRoundsPage({ params, searchParams }: Props) {
  const { evaluationId } = await params;
  const base = evaluationPath(evaluationId, "validation");
  const user = await requireUser(base);
  const page = pageNumber((await searchParams).page);
  const view = await loadValidationRounds(evaluationId, page, user);
  if (!view) notFound();
  const { rounds, awaiting, pageCount: pages } = view;
  const [t, format] = await Promise.all([getTranslations("respondentValidation"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });

  return (
    <>
      <PageHeader title={t("list.title")} description={t("list.intro")} />
      {view.canCreate ? (
        <p>
          <Link href={`${base}/new`}>{t("list.newRound")}</Link>
        </p>
      ) : null}
      <StaticTable
        empty={rounds.length === 0 ? t("list.empty") : null}
        captionId="rounds-caption"
        caption={t("list.caption")}
        columns={(["name", "status", "method", "dates", "stories", "sample", "responses"] as const).map((column) =>
          t(`list.columns.${column}`),
        )}
      >
        {rounds.map((round) => (
          <tr key={round.id}>
            <td>
              <Link href={evaluationPath(evaluationId, "validation", round.id)}>{round.name}</Link>
            </td>
            <td>{t(`status.${round.status}`)}</td>
            <td>{t(`method.${round.method}`)}</td>
            <td>
              {day(round.startsOn)} – {day(round.endsOn)}
            </td>
            <td>{round._count.stories}</td>
            <td>{round._count.sampleMembers}</td>
            <td>{round._count.responses}</td>
          </tr>
        ))}
      </StaticTable>
      {pages > 1 ? (
        <nav aria-label={t("list.caption")} className={styles.inline}>
          {page > 1 ? <Link href={`${base}?page=${page - 1}`}>←</Link> : null}
          <span>
            {page} / {pages}
          </span>
          {page < pages ? <Link href={`${base}?page=${page + 1}`}>→</Link> : null}
        </nav>
      ) : null}

      {awaiting ? (
        <Section id="awaiting-title" title={t("awaiting.title")} className={styles.section}>
          <h3>{t("awaiting.returned")}</h3>
          <p className="field__hint">{t("awaiting.returnedHint")}</p>
          {awaiting.returned.length === 0 ? <p className="muted">{t("awaiting.none")}</p> : null}
          {awaiting.returned.map((story) => (
            <div key={story.id} className={styles.section}>
              <p>
                <strong>{story.code}</strong> · {story.title}
              </p>
              <RevalidationForm evaluationId={evaluationId} storyId={story.id} code={story.code} />
            </div>
          ))}
          <h3>{t("awaiting.validated")}</h3>
          {awaiting.validated.length === 0 ? <p className="muted">{t("awaiting.none")}</p> : null}
          <ul>
            {awaiting.validated.map((story) => (
              <li key={story.id}>
                {story.code} · {story.title}{" "}
                {awaiting.canSendToReview ? (
                  <SendToReviewButton evaluationId={evaluationId} storyId={story.id} code={story.code} />
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
