import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Fact, PlaceFacts, ProjectsFact, RespondentCodes, TranscriptFacts } from "@/components/fieldwork/fieldwork-facts";
import { RecordView } from "@/components/fieldwork/record-view";
import { INTERVIEW } from "@/lib/fieldwork/kinds";
import { openRecordPage, recordMetadata } from "@/lib/fieldwork/loaders";
import { getInterviewDetail } from "@/lib/interviews/data";

type Props = { params: Promise<{ evaluationId: string; interviewId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, interviewId } = await params;
  return recordMetadata(INTERVIEW, evaluationId, interviewId, getInterviewDetail);
}

export default async function InterviewPage({ params }: Props) {
  const { evaluationId, interviewId } = await params;
  const { user, access, record: interview, excerpts } = await openRecordPage(INTERVIEW, evaluationId, interviewId, getInterviewDetail);
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
      canEdit={access.canEdit}
      viewerName={user.name}
    >
      <Fact label={t("fields.date")}>{date}</Fact>
      <Fact label={t("fields.mode")}>{t(`modes.${interview.mode}`)}</Fact>
      <PlaceFacts record={interview} />
      <Fact label={t("fields.durationMinutes")}>{interview.durationMinutes ? t("detail.minutes", { count: interview.durationMinutes }) : none}</Fact>
      <Fact label={t("fields.interviewers")}>{format.list(interview.interviewers.map((person) => person.name)) || none}</Fact>
      <Fact label={t("fields.respondents")}>{interview.respondents.length > 0 ? <RespondentCodes respondents={interview.respondents} /> : none}</Fact>
      <ProjectsFact projects={interview.projects} />
      <TranscriptFacts record={interview} />
    </RecordView>
  );
}
