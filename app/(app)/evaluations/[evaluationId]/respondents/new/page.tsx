import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { evaluationPath } from "@/lib/evaluations/paths";
import { getLocale } from "@/lib/i18n/locale";
import { RespondentPageHeader, respondentFormChoices } from "@/components/respondents/respondent-page";
import { RespondentForm } from "@/components/respondents/respondent-form";
import { requireUser } from "@/lib/auth/session";
import { loadNewRespondentForm } from "@/lib/respondents/loaders";

type NewRespondentPageProps = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("respondents.new");
  return { title: t("metaTitle") };
}

export default async function NewRespondentPage({ params }: NewRespondentPageProps) {
  const { evaluationId } = await params;
  const list = evaluationPath(evaluationId, "respondents");
  const user = await requireUser(`${list}/new`);
  const options = await loadNewRespondentForm(evaluationId, user);
  if (!options) notFound();
  const [t, locale] = await Promise.all([getTranslations("respondents.new"), getLocale()]);

  return (
    <>
      <RespondentPageHeader
        evaluationId={evaluationId}
        evaluationName={options.evaluationName}
        title={t("title")}
        description={t("intro")}
      />
      <RespondentForm
        mode="create"
        evaluationId={evaluationId}
        {...respondentFormChoices(options, locale)}
        cancelHref={list}
      />
    </>
  );
}
