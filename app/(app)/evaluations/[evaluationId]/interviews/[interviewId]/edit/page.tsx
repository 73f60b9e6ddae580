import { InterviewForm } from "@/components/fieldwork/interview-form";
import { openRecordForm, RecordFormHeader, recordFormMetadata } from "@/components/fieldwork/record-pages";
import { INTERVIEW } from "@/lib/fieldwork/kinds";
import { loadInterviewForm } from "@/lib/interviews/loaders";

type Props = { params: Promise<{ evaluationId: string; interviewId: string }> };

export const generateMetadata = () => recordFormMetadata(INTERVIEW, "editTitle");

export default async function EditInterviewPage({ params }: Props) {
  const { evaluationId, interviewId } = await params;
  const { record, options, evaluationName } = await openRecordForm(
    INTERVIEW,
    evaluationId,
    interviewId,
    loadInterviewForm,
  );
  return (
    <>
      <RecordFormHeader
        kind={INTERVIEW}
        evaluationId={evaluationId}
        recordId={interviewId}
        evaluationName={evaluationName}
      />
      <InterviewForm evaluationId={evaluationId} options={options} initial={record} />
    </>
  );
}
