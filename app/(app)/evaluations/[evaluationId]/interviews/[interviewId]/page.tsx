import type { Metadata } from "next";
import { Fact, PlaceFacts, RespondentCodes } from "@/components/fieldwork/fieldwork-facts";
import { openRecordPage, recordPageMetadata } from "@/components/fieldwork/record-pages";
import { RecordView } from "@/components/fieldwork/record-view";
import { getAuthorizedUser } from "@/lib/auth/session";
import { INTERVIEW } from "@/lib/fieldwork/kinds";
import { loadInterviewPage } from "@/lib/interviews/loaders";

type Props = { params: Promise<{ evaluationId: string; interviewId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, interviewId } = await params;
  return recordPageMetadata(INTERVIEW, await loadInterviewPage(evaluationId, interviewId, await getAuthorizedUser()));
}

export default async function InterviewPage({ params }: Props) {
  const { evaluationId, interviewId } = await params;
  const {
    record: interview,
    t,
    format,
    none,
    date,
    viewProps,
  } = await openRecordPage(INTERVIEW, evaluationId, interviewId, loadInterviewPage);

  return (
    <RecordView {...viewProps} title={t("interviews.detailTitle", { date })} description={interview.evaluationName}>
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
    </RecordView>
  );
}
