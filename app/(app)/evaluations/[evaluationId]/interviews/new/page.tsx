import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InterviewForm } from "@/components/fieldwork/interview-form";
import { blankRecord } from "@/components/fieldwork/record-values";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { fieldworkPath, INTERVIEW } from "@/lib/fieldwork/kinds";
import { loadNewInterviewForm } from "@/lib/interviews/loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("interviews.newTitle") };
}

export default async function NewInterviewPage({ params }: Props) {
  const { evaluationId } = await params;
  const user = await requireUser(`${fieldworkPath(INTERVIEW, evaluationId)}/new`);
  const form = await loadNewInterviewForm(evaluationId, user);
  if (!form) notFound();
  const { evaluationName, options, ownTeam } = form;
  const t = await getTranslations("fieldwork");
  const initial = {
    ...blankRecord(),
    mode: "IN_PERSON",
    durationMinutes: null,
    interviewerIds: ownTeam,
    respondentIds: [],
  };

  return (
    <>
      <PageHeader
        before={<Link href={fieldworkPath(INTERVIEW, evaluationId)}>{t("interviews.backToList")}</Link>}
        title={t("interviews.newTitle")}
        description={evaluationName}
      />
      <InterviewForm evaluationId={evaluationId} options={options} initial={initial} />
    </>
  );
}
