import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { StaticTable } from "@/components/ui/static-table";
import { CorrectionForm } from "@/components/validation/correction-form";
import styles from "@/components/validation/validation.module.css";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadValidationResponse } from "@/lib/validation/loaders";
import { Section } from "@/components/ui/section";

type Props = { params: Promise<{ evaluationId: string; roundId: string; responseId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, roundId, responseId } = await params;
  const [t, view] = await Promise.all([
    getTranslations(),
    loadValidationResponse(evaluationId, roundId, responseId, await getAuthorizedUser()),
  ]);
  const response = view?.response;
  return {
    title: response
      ? t("respondentValidation.meta.response", { respondent: response.respondent.code, story: response.story.code })
      : t("notFound.metaTitle"),
  };
}

/** One recorded response: its correction form while the round is not closed, and every earlier version. */
export default async function ValidationResponsePage({ params }: Props) {
  const { evaluationId, roundId, responseId } = await params;
  const roundHref = evaluationPath(evaluationId, "validation", roundId);
  const user = await requireUser(evaluationPath(evaluationId, "validation", roundId, "responses", responseId));
  const view = await loadValidationResponse(evaluationId, roundId, responseId, user);
  if (!view) notFound();
  const { response, revisions } = view;
  const [t, format] = await Promise.all([getTranslations("respondentValidation"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader
        before={<Link href={roundHref}>{response.validationRound.name}</Link>}
        title={t("correction.title", { respondent: response.respondent.code, story: response.story.code })}
        description={t("correction.description", {
          title: response.story.title,
          revision: response.storyRevision.version,
          version: response.version,
        })}
      />
      {!view.canCorrect ? (
        <p className="notice">{t("correction.closed")}</p>
      ) : (
        <CorrectionForm
          evaluationId={evaluationId}
          responseId={response.id}
          stored={{
            version: response.version,
            verdict: response.verdict,
            comments: response.comments ?? "",
            proposedChanges: response.proposedChanges ?? "",
            resolved: response.resolvedAt !== null,
          }}
        />
      )}

      <Section id="response-history" title={t("correction.history")} className={styles.section}>
        <StaticTable
          empty={revisions.length === 0 ? t("correction.noHistory") : null}
          captionId="history-caption"
          caption={t("correction.historyCaption", { total: revisions.length })}
          compact
          columns={(
            ["version", "change", "verdict", "comments", "proposedChanges", "resolution", "savedBy"] as const
          ).map((column) => t(`correction.columns.${column}`))}
        >
          {revisions.map((revision) => (
            <tr key={revision.version}>
              <th scope="row">{revision.version}</th>
              <td>{t(`correction.changes.${revision.change}`)}</td>
              <td>{t(`verdict.${revision.verdict}`)}</td>
              <td>{revision.comments}</td>
              <td>{revision.proposedChanges}</td>
              <td>{revision.disputeResolution}</td>
              <td>{t("correction.savedBy", { name: revision.savedBy.name, when: when(revision.createdAt) })}</td>
            </tr>
          ))}
        </StaticTable>
      </Section>
    </>
  );
}
