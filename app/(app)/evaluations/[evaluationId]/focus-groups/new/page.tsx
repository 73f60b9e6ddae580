import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FocusGroupForm } from "@/components/fieldwork/focus-group-form";
import { blankRecord } from "@/components/fieldwork/record-values";
import { PageHeader } from "@/components/ui/page-header";
import { fieldworkPath, FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import { openNewRecordForm } from "@/lib/fieldwork/loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("focusGroups.newTitle") };
}

export default async function NewFocusGroupPage({ params }: Props) {
  const { evaluationId } = await params;
  const { evaluationName, options, ownTeam } = await openNewRecordForm(FOCUS_GROUP, evaluationId);
  const t = await getTranslations("fieldwork");
  const initial = { ...blankRecord(), topic: "", anonymousParticipantCount: 0, facilitatorIds: ownTeam, participantIds: [] };

  return (
    <>
      <PageHeader before={<Link href={fieldworkPath(FOCUS_GROUP, evaluationId)}>{t("focusGroups.backToList")}</Link>} title={t("focusGroups.newTitle")} description={evaluationName} />
      <FocusGroupForm evaluationId={evaluationId} options={options} initial={initial} />
    </>
  );
}
