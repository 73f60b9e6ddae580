import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  Fact,
  PlaceFacts,
  ProjectsFact,
  RespondentCodes,
  TranscriptFacts,
} from "@/components/fieldwork/fieldwork-facts";
import { RecordView } from "@/components/fieldwork/record-view";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { fieldworkPath, INTERVIEW } from "@/lib/fieldwork/kinds";
import { loadInterviewPage } from "@/lib/interviews/loaders";

type Props = { params: Promise<{ evaluationId: string; interviewId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, interviewId } = await params;
  const [t, format, view] = await Promise.all([
    getTranslations(),
    getFormatter(),
    loadInterviewPage(evaluationId, interviewId, await getAuthorizedUser()),
  ]);
  if (!view) return { title: t("notFound.metaTitle") };
  return {
    title: t("fieldwork.interviews.detailTitle", { date: format.dateTime(view.record.date, { dateStyle: "long" }) }),
  };
}

export default async function InterviewPage({ params }: Props) {
  const { evaluationId, interviewId } = await params;
  const user = await requireUser(fieldworkPath(INTERVIEW, evaluationId, interviewId));
  const view = await loadInterviewPage(evaluationId, interviewId, user);
  if (!view) notFound();
  const { record: interview, excerpts } = view;
  const [t, format] = await Promise.all([getTranslations("fieldwork"), getFormatter()]);
  const none = t("detail.none");
  const date = format.dateTime(interview.date, { dateStyle: "long" });

  return (
    <RecordView
      kind={INTERVIEW}
      evaluationId={evaluationId}
      recordId={interviewId}
      record={interview}
      title={t("interviews.detailTitle", { date })}
      description={interview.evaluationName}
      excerpts={excerpts}
      canEdit={view.canEdit}
      viewerName={user.name}
    >
      <Fact label={t("fields.date")}>{date}</Fact>
      <Fact label={t("fields.mode")}>{t(`modes.${interview.mode}`)}</Fact>
      <PlaceFacts record={interview} />
      <Fact label={t("fields.durationMinutes")}>
        {interview.durationMinutes ? t("detail.minutes", { count: interview.durationMinutes }) : none}
      </Fact>
      <Fact label={t("fields.interviewers")}>
        {format.list(interview.interviewers.map((person) => person.name)) || none}
      </Fact>
      <Fact label={t("fields.respondents")}>
        {interview.respondents.length > 0 ? <RespondentCodes respondents={interview.respondents} /> : none}
      </Fact>
      <ProjectsFact projects={interview.projects} />
      <TranscriptFacts record={interview} />
    </RecordView>
  );
}
