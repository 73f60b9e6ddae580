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
import { getFocusGroupDetail } from "@/lib/focus-groups/data";
import { fieldworkAccess } from "@/lib/interviews/access";
import { recordTranscriptRead } from "@/lib/interviews/mutations";

type Props = { params: Promise<{ evaluationId: string; focusGroupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, focusGroupId } = await params;
  const [t, format, user] = await Promise.all([getTranslations(), getFormatter(), getCurrentUser()]);
  const access = user ? await fieldworkAccess(evaluationId, user, "interview.view") : null;
  const focusGroup = access ? await getFocusGroupDetail(evaluationId, focusGroupId) : null;
  if (!focusGroup) return { title: t("notFound.metaTitle") };
  return { title: t("fieldwork.focusGroups.detailTitle", { date: format.dateTime(focusGroup.date, { dateStyle: "long" }) }) };
}

export default async function FocusGroupPage({ params }: Props) {
  const { evaluationId, focusGroupId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}`;
  const user = await requireUser(`${base}/focus-groups/${encodeURIComponent(focusGroupId)}`);
  const access = await fieldworkAccess(evaluationId, user, "interview.view");
  if (!access) notFound();
  const focusGroup = await getFocusGroupDetail(evaluationId, focusGroupId);
  if (!focusGroup) notFound();

  const [t, format, excerpts] = await Promise.all([
    getTranslations("fieldwork"),
    getFormatter(),
    listExcerpts(evaluationId, { focusGroupId }, { original: focusGroup.transcriptOriginal, translation: focusGroup.transcriptTranslation }),
  ]);
  if (focusGroup.transcriptOriginal || focusGroup.transcriptTranslation) {
    await recordTranscriptRead({ actorId: user.id, evaluationId, recordType: "FocusGroup", recordId: focusGroupId });
  }
  const tr = t as unknown as (key: string) => string;
  const none = t("detail.none");

  return (
    <>
      <PageHeader
        before={<Link href={`${base}/focus-groups`}>{t("focusGroups.backToList")}</Link>}
        title={focusGroup.topic}
        description={t("focusGroups.detailTitle", { date: format.dateTime(focusGroup.date, { dateStyle: "long" }) })}
      >
        {access.canEdit ? (
          <p className="actions">
            <Link className="button button--secondary" href={`${base}/focus-groups/${encodeURIComponent(focusGroupId)}/edit`}>
              {t("focusGroups.edit")}
            </Link>
          </p>
        ) : null}
      </PageHeader>

      <section className="section" aria-labelledby="focus-group-facts-title">
        <h2 id="focus-group-facts-title">{t("focusGroups.factsTitle")}</h2>
        <dl className="facts">
          <Fact label={t("fields.topic")}>{focusGroup.topic}</Fact>
          <Fact label={t("fields.date")}>{format.dateTime(focusGroup.date, { dateStyle: "long" })}</Fact>
          <Fact label={t("fields.place")}>{focusGroup.place ?? none}</Fact>
          <Fact label={t("fields.language")}>{languageLabel(tr, focusGroup.language)}</Fact>
          <Fact label={t("fields.facilitators")}>{format.list(focusGroup.facilitators.map((person) => person.name)) || none}</Fact>
          <Fact label={t("fields.participants")}>
            <p className={styles.notes}>
              {t("detail.participantsLine", { registered: focusGroup.participants.length, anonymous: focusGroup.anonymousParticipantCount })}
            </p>
            {focusGroup.participants.length > 0 ? (
              <ul className={styles.peopleList}>
                {focusGroup.participants.map((respondent) => (
                  <li key={respondent.id} className="code">
                    {respondent.code}
                  </li>
                ))}
              </ul>
            ) : null}
          </Fact>
          <Fact label={t("fields.projects")}>
            {focusGroup.projects.length > 0 ? (
              <ul className={styles.peopleList}>
                {focusGroup.projects.map((project) => (
                  <li key={project.id}>
                    <abbr title={project.name}>{project.acronym}</abbr> — {project.name}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </Fact>
          <Fact label={t("fields.transcriptLanguage")}>{focusGroup.transcriptLanguage ? languageLabel(tr, focusGroup.transcriptLanguage) : none}</Fact>
          <Fact label={t("fields.translationLanguage")}>{focusGroup.translationLanguage ? languageLabel(tr, focusGroup.translationLanguage) : none}</Fact>
          <Fact label={t("fields.translatedBy")}>{focusGroup.translatedBy ?? none}</Fact>
          <Fact label={t("detail.lastSaved")}>
            {t("detail.versionLine", { version: focusGroup.version, date: format.dateTime(focusGroup.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </Fact>
        </dl>
      </section>

      <section className="section" aria-labelledby="focus-group-notes-title">
        <h2 id="focus-group-notes-title">{t("fields.notes")}</h2>
        {focusGroup.notes ? <p className={styles.notes}>{focusGroup.notes}</p> : <p className="muted">{t("detail.noNotes")}</p>}
      </section>

      <RecordTranscripts
        evaluationId={evaluationId}
        source="FOCUS_GROUP"
        sourceId={focusGroupId}
        transcriptOriginal={focusGroup.transcriptOriginal}
        transcriptLanguage={focusGroup.transcriptLanguage}
        transcriptTranslation={focusGroup.transcriptTranslation}
        translationLanguage={focusGroup.translationLanguage}
        excerpts={excerpts}
        canEdit={access.canEdit}
        viewerName={user.name}
      />
    </>
  );
}
