import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InterviewForm } from "@/components/fieldwork/interview-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { fieldworkAccess } from "@/lib/interviews/access";
import { getFieldworkFormOptions } from "@/lib/fieldwork/data";
import { getInterviewForEdit } from "@/lib/interviews/data";
import { recordTranscriptRead } from "@/lib/interviews/mutations";

type Props = { params: Promise<{ evaluationId: string; interviewId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("interviews.editTitle") };
}

export default async function EditInterviewPage({ params }: Props) {
  const { evaluationId, interviewId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}/interviews/${encodeURIComponent(interviewId)}`;
  const user = await requireUser(`${base}/edit`);
  if (!(await fieldworkAccess(evaluationId, user, "interview.edit"))) notFound();
  const [interview, formOptions, t] = await Promise.all([
    getInterviewForEdit(evaluationId, interviewId),
    getFieldworkFormOptions(evaluationId),
    getTranslations("fieldwork"),
  ]);
  if (!interview || !formOptions) notFound();
  if (interview.transcriptOriginal || interview.transcriptTranslation) {
    await recordTranscriptRead({ actorId: user.id, evaluationId, recordType: "Interview", recordId: interviewId });
  }
  const { evaluationName, ...options } = formOptions;

  return (
    <>
      <PageHeader before={<Link href={base}>{t("interviews.backToInterview")}</Link>} title={t("interviews.editTitle")} description={evaluationName} />
      <InterviewForm evaluationId={evaluationId} options={options} initial={interview} />
    </>
  );
}
