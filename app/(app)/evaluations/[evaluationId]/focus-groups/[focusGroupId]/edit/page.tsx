import { FocusGroupForm } from "@/components/fieldwork/focus-group-form";
import { openRecordForm, RecordFormHeader, recordFormMetadata } from "@/components/fieldwork/record-pages";
import { FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import { loadFocusGroupForm } from "@/lib/focus-groups/loaders";

type Props = { params: Promise<{ evaluationId: string; focusGroupId: string }> };

export const generateMetadata = () => recordFormMetadata(FOCUS_GROUP, "editTitle");

export default async function EditFocusGroupPage({ params }: Props) {
  const { evaluationId, focusGroupId } = await params;
  const { record, options, evaluationName } = await openRecordForm(
    FOCUS_GROUP,
    evaluationId,
    focusGroupId,
    loadFocusGroupForm,
  );
  return (
    <>
      <RecordFormHeader
        kind={FOCUS_GROUP}
        evaluationId={evaluationId}
        recordId={focusGroupId}
        evaluationName={evaluationName}
      />
      <FocusGroupForm evaluationId={evaluationId} options={options} initial={record} />
    </>
  );
}
