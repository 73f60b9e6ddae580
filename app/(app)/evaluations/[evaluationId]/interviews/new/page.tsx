import { InterviewForm } from "@/components/fieldwork/interview-form";
import { openNewRecordForm, RecordFormHeader, recordFormMetadata } from "@/components/fieldwork/record-pages";
import { blankRecord } from "@/components/fieldwork/record-values";
import { INTERVIEW } from "@/lib/fieldwork/kinds";
import { loadNewInterviewForm } from "@/lib/interviews/loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export const generateMetadata = () => recordFormMetadata(INTERVIEW, "newTitle");

export default async function NewInterviewPage({ params }: Props) {
  const { evaluationId } = await params;
  const { evaluationName, options, ownTeam } = await openNewRecordForm(INTERVIEW, evaluationId, loadNewInterviewForm);
  const initial = {
    ...blankRecord(),
    mode: "IN_PERSON",
    durationMinutes: null,
    interviewerIds: ownTeam,
    respondentIds: [],
  };
  return (
    <>
      <RecordFormHeader kind={INTERVIEW} evaluationId={evaluationId} evaluationName={evaluationName} />
      <InterviewForm evaluationId={evaluationId} options={options} initial={initial} />
    </>
  );
}
