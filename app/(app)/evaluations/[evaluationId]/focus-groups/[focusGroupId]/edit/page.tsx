import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FocusGroupForm } from "@/components/fieldwork/focus-group-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { fieldworkPath, FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import { loadFocusGroupForm } from "@/lib/focus-groups/loaders";

type Props = { params: Promise<{ evaluationId: string; focusGroupId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("focusGroups.editTitle") };
}

export default async function EditFocusGroupPage({ params }: Props) {
  const { evaluationId, focusGroupId } = await params;
  const user = await requireUser(`${fieldworkPath(FOCUS_GROUP, evaluationId, focusGroupId)}/edit`);
  const form = await loadFocusGroupForm(evaluationId, focusGroupId, user);
  if (!form) notFound();
  const { record, options, evaluationName } = form;
  const t = await getTranslations("fieldwork");
  const back = (
    <Link href={fieldworkPath(FOCUS_GROUP, evaluationId, focusGroupId)}>{t("focusGroups.backToFocusGroup")}</Link>
  );

  return (
    <>
      <PageHeader before={back} title={t("focusGroups.editTitle")} description={evaluationName} />
      <FocusGroupForm evaluationId={evaluationId} options={options} initial={record} />
    </>
  );
}
