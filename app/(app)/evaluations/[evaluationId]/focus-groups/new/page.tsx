import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FocusGroupForm } from "@/components/fieldwork/focus-group-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { fieldworkAccess } from "@/lib/interviews/access";
import { getFieldworkFormOptions } from "@/lib/fieldwork/data";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t("focusGroups.newTitle") };
}

export default async function NewFocusGroupPage({ params }: Props) {
  const { evaluationId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}/focus-groups`;
  const user = await requireUser(`${base}/new`);
  if (!(await fieldworkAccess(evaluationId, user, "interview.edit"))) notFound();
  const [formOptions, t] = await Promise.all([getFieldworkFormOptions(evaluationId), getTranslations("fieldwork")]);
  if (!formOptions) notFound();
  const { evaluationName, ...options } = formOptions;
  const onTeam = options.team.some((member) => member.userId === user.id);

  return (
    <>
      <PageHeader before={<Link href={base}>{t("focusGroups.backToList")}</Link>} title={t("focusGroups.newTitle")} description={evaluationName} />
      <FocusGroupForm
        evaluationId={evaluationId}
        options={options}
        initial={{
          date: "",
          placeId: null,
          topic: "",
          language: "es",
          anonymousParticipantCount: 0,
          notes: null,
          transcriptOriginal: null,
          transcriptLanguage: null,
          transcriptTranslation: null,
          translationLanguage: null,
          translatedById: null,
          facilitatorIds: onTeam ? [user.id] : [],
          participantIds: [],
          projectIds: [],
        }}
      />
    </>
  );
}
