import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FocusGroupForm } from "@/components/fieldwork/focus-group-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getFocusGroupForEdit } from "@/lib/focus-groups/data";
import { fieldworkAccess } from "@/lib/interviews/access";
import { getFieldworkFormOptions } from "@/lib/fieldwork/data";
import { recordTranscriptRead } from "@/lib/interviews/mutations";

type Props = { params: Promise<{ evaluationId: string; focusGroupId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("focusGroups.editTitle") };
}

export default async function EditFocusGroupPage({ params }: Props) {
  const { evaluationId, focusGroupId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}/focus-groups/${encodeURIComponent(focusGroupId)}`;
  const user = await requireUser(`${base}/edit`);
  if (!(await fieldworkAccess(evaluationId, user, "interview.edit"))) notFound();
  const [focusGroup, formOptions, t] = await Promise.all([
    getFocusGroupForEdit(evaluationId, focusGroupId),
    getFieldworkFormOptions(evaluationId),
    getTranslations("fieldwork"),
  ]);
  if (!focusGroup || !formOptions) notFound();
  if (focusGroup.transcriptOriginal || focusGroup.transcriptTranslation) {
    await recordTranscriptRead({ actorId: user.id, evaluationId, recordType: "FocusGroup", recordId: focusGroupId });
  }
  const { evaluationName, ...options } = formOptions;

  return (
    <>
      <PageHeader before={<Link href={base}>{t("focusGroups.backToFocusGroup")}</Link>} title={t("focusGroups.editTitle")} description={evaluationName} />
      <FocusGroupForm evaluationId={evaluationId} options={options} initial={focusGroup} />
    </>
  );
}
