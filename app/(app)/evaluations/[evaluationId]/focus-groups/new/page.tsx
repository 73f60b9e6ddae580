import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FocusGroupForm } from "@/components/fieldwork/focus-group-form";
import { blankRecord } from "@/components/fieldwork/record-values";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { fieldworkPath, FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import { loadNewFocusGroupForm } from "@/lib/focus-groups/loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("focusGroups.newTitle") };
}

export default async function NewFocusGroupPage({ params }: Props) {
  const { evaluationId } = await params;
  const user = await requireUser(`${fieldworkPath(FOCUS_GROUP, evaluationId)}/new`);
  const form = await loadNewFocusGroupForm(evaluationId, user);
  if (!form) notFound();
  const { evaluationName, options, ownTeam } = form;
  const t = await getTranslations("fieldwork");
  const initial = {
    ...blankRecord(),
    topic: "",
    anonymousParticipantCount: 0,
    facilitatorIds: ownTeam,
    participantIds: [],
  };

  return (
    <>
      <PageHeader
        before={<Link href={fieldworkPath(FOCUS_GROUP, evaluationId)}>{t("focusGroups.backToList")}</Link>}
        title={t("focusGroups.newTitle")}
        description={evaluationName}
      />
      <FocusGroupForm evaluationId={evaluationId} options={options} initial={initial} />
    </>
  );
}
