import { FocusGroupForm } from "@/components/fieldwork/focus-group-form";
import { openNewRecordForm, RecordFormHeader, recordFormMetadata } from "@/components/fieldwork/record-pages";
import { blankRecord } from "@/components/fieldwork/record-values";
import { FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import { loadNewFocusGroupForm } from "@/lib/focus-groups/loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export const generateMetadata = () => recordFormMetadata(FOCUS_GROUP, "newTitle");

export default async function NewFocusGroupPage({ params }: Props) {
  const { evaluationId } = await params;
  const { evaluationName, options, ownTeam } = await openNewRecordForm(
    FOCUS_GROUP,
    evaluationId,
    loadNewFocusGroupForm,
  );
  const initial = {
    ...blankRecord(),
    topic: "",
    anonymousParticipantCount: 0,
    facilitatorIds: ownTeam,
    participantIds: [],
  };
  return (
    <>
      <RecordFormHeader kind={FOCUS_GROUP} evaluationId={evaluationId} evaluationName={evaluationName} />
      <FocusGroupForm evaluationId={evaluationId} options={options} initial={initial} />
    </>
  );
}
