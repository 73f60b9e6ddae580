import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InterviewForm } from "@/components/fieldwork/interview-form";
import { PageHeader } from "@/components/ui/page-header";
import { fieldworkPath, INTERVIEW } from "@/lib/fieldwork/kinds";
import { openRecordForm } from "@/lib/fieldwork/loaders";
import { getInterviewForEdit } from "@/lib/interviews/data";

type Props = { params: Promise<{ evaluationId: string; interviewId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("interviews.editTitle") };
}

export default async function EditInterviewPage({ params }: Props) {
  const { evaluationId, interviewId } = await params;
  const { record, options, evaluationName } = await openRecordForm(INTERVIEW, evaluationId, interviewId, getInterviewForEdit);
  const t = await getTranslations("fieldwork");
  const back = <Link href={fieldworkPath(INTERVIEW, evaluationId, interviewId)}>{t("interviews.backToInterview")}</Link>;

  return (
    <>
      <PageHeader before={back} title={t("interviews.editTitle")} description={evaluationName} />
      <InterviewForm evaluationId={evaluationId} options={options} initial={record} />
    </>
  );
}
