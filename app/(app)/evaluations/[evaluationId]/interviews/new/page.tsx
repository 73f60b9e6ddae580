import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InterviewForm } from "@/components/fieldwork/interview-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { fieldworkAccess } from "@/lib/interviews/access";
import { getFieldworkFormOptions } from "@/lib/fieldwork/data";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("interviews.newTitle") };
}

export default async function NewInterviewPage({ params }: Props) {
  const { evaluationId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}/interviews`;
  const user = await requireUser(`${base}/new`);
  if (!(await fieldworkAccess(evaluationId, user, "interview.edit"))) notFound();
  const [formOptions, t] = await Promise.all([getFieldworkFormOptions(evaluationId), getTranslations("fieldwork")]);
  if (!formOptions) notFound();
  const { evaluationName, ...options } = formOptions;
  const onTeam = options.team.some((member) => member.userId === user.id);

  return (
    <>
      <PageHeader before={<Link href={base}>{t("interviews.backToList")}</Link>} title={t("interviews.newTitle")} description={evaluationName} />
      <InterviewForm
        evaluationId={evaluationId}
        options={options}
        initial={{
          date: "",
          mode: "IN_PERSON",
          placeId: null,
          language: "es",
          durationMinutes: null,
          notes: null,
          transcriptOriginal: null,
          transcriptLanguage: null,
          transcriptTranslation: null,
          translationLanguage: null,
          translatedById: null,
          interviewerIds: onTeam ? [user.id] : [],
          respondentIds: [],
          projectIds: [],
        }}
      />
    </>
  );
}
