import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { languageLabel } from "@/components/fieldwork/choices";
import { Fact } from "@/components/fieldwork/fieldwork-facts";
import { RecordTranscripts } from "@/components/fieldwork/record-transcripts";
import styles from "@/components/fieldwork/fieldwork.module.css";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { listExcerpts } from "@/lib/excerpts/data";
import { fieldworkAccess } from "@/lib/interviews/access";
import { getInterviewDetail } from "@/lib/interviews/data";
import { recordTranscriptRead } from "@/lib/interviews/mutations";

type Props = { params: Promise<{ evaluationId: string; interviewId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, interviewId } = await params;
  const [t, format, user] = await Promise.all([getTranslations(), getFormatter(), getCurrentUser()]);
  const access = user ? await fieldworkAccess(evaluationId, user, "interview.view") : null;
  const interview = access ? await getInterviewDetail(evaluationId, interviewId) : null;
  if (!interview) return { title: t("notFound.metaTitle") };
  return { title: t("fieldwork.interviews.detailTitle", { date: format.dateTime(interview.date, { dateStyle: "long" }) }) };
}

export default async function InterviewPage({ params }: Props) {
  const { evaluationId, interviewId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}`;
  const user = await requireUser(`${base}/interviews/${encodeURIComponent(interviewId)}`);
  const access = await fieldworkAccess(evaluationId, user, "interview.view");
  if (!access) notFound();
  const interview = await getInterviewDetail(evaluationId, interviewId);
  if (!interview) notFound();

  const [t, format, excerpts] = await Promise.all([
    getTranslations("fieldwork"),
    getFormatter(),
    listExcerpts(evaluationId, { interviewId }, { original: interview.transcriptOriginal, translation: interview.transcriptTranslation }),
  ]);
  if (interview.transcriptOriginal || interview.transcriptTranslation) {
    await recordTranscriptRead({ actorId: user.id, evaluationId, recordType: "Interview", recordId: interviewId });
  }
  const tr = t as unknown as (key: string) => string;
  const none = t("detail.none");

  return (
    <>
      <PageHeader
        before={<Link href={`${base}/interviews`}>{t("interviews.backToList")}</Link>}
        title={t("interviews.detailTitle", { date: format.dateTime(interview.date, { dateStyle: "long" }) })}
        description={interview.evaluationName}
      >
        {access.canEdit ? (
          <p className="actions">
            <Link className="button button--secondary" href={`${base}/interviews/${encodeURIComponent(interviewId)}/edit`}>
              {t("interviews.edit")}
            </Link>
          </p>
        ) : null}
      </PageHeader>

      <section className="section" aria-labelledby="interview-facts-title">
        <h2 id="interview-facts-title">{t("interviews.factsTitle")}</h2>
        <dl className="facts">
          <Fact label={t("fields.date")}>{format.dateTime(interview.date, { dateStyle: "long" })}</Fact>
          <Fact label={t("fields.mode")}>{t(`modes.${interview.mode}`)}</Fact>
          <Fact label={t("fields.place")}>{interview.place ?? none}</Fact>
          <Fact label={t("fields.language")}>{languageLabel(tr, interview.language)}</Fact>
          <Fact label={t("fields.durationMinutes")}>
            {interview.durationMinutes ? t("detail.minutes", { count: interview.durationMinutes }) : none}
          </Fact>
          <Fact label={t("fields.interviewers")}>{format.list(interview.interviewers.map((person) => person.name)) || none}</Fact>
          <Fact label={t("fields.respondents")}>
            {interview.respondents.length > 0 ? (
              <ul className={styles.peopleList}>
                {interview.respondents.map((respondent) => (
                  <li key={respondent.id} className="code">
                    {respondent.code}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </Fact>
          <Fact label={t("fields.projects")}>
            {interview.projects.length > 0 ? (
              <ul className={styles.peopleList}>
                {interview.projects.map((project) => (
                  <li key={project.id}>
                    <abbr title={project.name}>{project.acronym}</abbr> — {project.name}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </Fact>
          <Fact label={t("fields.transcriptLanguage")}>{interview.transcriptLanguage ? languageLabel(tr, interview.transcriptLanguage) : none}</Fact>
          <Fact label={t("fields.translationLanguage")}>{interview.translationLanguage ? languageLabel(tr, interview.translationLanguage) : none}</Fact>
          <Fact label={t("fields.translatedBy")}>{interview.translatedBy ?? none}</Fact>
          <Fact label={t("detail.lastSaved")}>
            {t("detail.versionLine", { version: interview.version, date: format.dateTime(interview.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </Fact>
        </dl>
      </section>

      <section className="section" aria-labelledby="interview-notes-title">
        <h2 id="interview-notes-title">{t("fields.notes")}</h2>
        {interview.notes ? <p className={styles.notes}>{interview.notes}</p> : <p className="muted">{t("detail.noNotes")}</p>}
      </section>

      <RecordTranscripts
        evaluationId={evaluationId}
        source="INTERVIEW"
        sourceId={interviewId}
        transcriptOriginal={interview.transcriptOriginal}
        transcriptLanguage={interview.transcriptLanguage}
        transcriptTranslation={interview.transcriptTranslation}
        translationLanguage={interview.translationLanguage}
        excerpts={excerpts}
        canEdit={access.canEdit}
        viewerName={user.name}
      />
    </>
  );
}
