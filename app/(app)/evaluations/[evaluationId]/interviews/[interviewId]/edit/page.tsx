import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InterviewForm } from "@/components/fieldwork/interview-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { fieldworkPath, INTERVIEW } from "@/lib/fieldwork/kinds";
import { loadInterviewForm } from "@/lib/interviews/loaders";

type Props = { params: Promise<{ evaluationId: string; interviewId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("interviews.editTitle") };
}

export default async function EditInterviewPage({ params }: Props) {
  const { evaluationId, interviewId } = await params;
  const user = await requireUser(`${fieldworkPath(INTERVIEW, evaluationId, interviewId)}/edit`);
  const form = await loadInterviewForm(evaluationId, interviewId, user);
  if (!form) notFound();
  const { record, options, evaluationName } = form;
  const t = await getTranslations("fieldwork");
  const back = (
    <Link href={fieldworkPath(INTERVIEW, evaluationId, interviewId)}>{t("interviews.backToInterview")}</Link>
  );

  return (
    <>
      <PageHeader before={back} title={t("interviews.editTitle")} description={evaluationName} />
      <InterviewForm evaluationId={evaluationId} options={options} initial={record} />
    </>
  );
}
