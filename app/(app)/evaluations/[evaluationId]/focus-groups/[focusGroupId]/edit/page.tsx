import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FocusGroupForm } from "@/components/fieldwork/focus-group-form";
import { PageHeader } from "@/components/ui/page-header";
import { getFocusGroupForEdit } from "@/lib/focus-groups/data";
import { fieldworkPath, FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import { openRecordForm } from "@/lib/fieldwork/loaders";

type Props = { params: Promise<{ evaluationId: string; focusGroupId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("focusGroups.editTitle") };
}

export default async function EditFocusGroupPage({ params }: Props) {
  const { evaluationId, focusGroupId } = await params;
  const { record, options, evaluationName } = await openRecordForm(FOCUS_GROUP, evaluationId, focusGroupId, getFocusGroupForEdit);
  const t = await getTranslations("fieldwork");
  const back = <Link href={fieldworkPath(FOCUS_GROUP, evaluationId, focusGroupId)}>{t("focusGroups.backToFocusGroup")}</Link>;

  return (
    <>
      <PageHeader before={back} title={t("focusGroups.editTitle")} description={evaluationName} />
      <FocusGroupForm evaluationId={evaluationId} options={options} initial={record} />
    </>
  );
}
