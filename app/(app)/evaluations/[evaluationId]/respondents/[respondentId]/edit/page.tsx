import { evaluationPath } from "@/lib/evaluations/paths";
import { regionToken } from "@/lib/places/regions";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getLocale } from "@/lib/i18n/locale";
import { RespondentPageHeader, respondentFormChoices } from "@/components/respondents/respondent-page";
import { RespondentForm } from "@/components/respondents/respondent-form";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { loadRespondentForm } from "@/lib/respondents/loaders";

type EditRespondentPageProps = { params: Promise<{ evaluationId: string; respondentId: string }> };

export async function generateMetadata({ params }: EditRespondentPageProps): Promise<Metadata> {
  const { evaluationId, respondentId } = await params;
  const [form, t] = await Promise.all([
    loadRespondentForm(evaluationId, respondentId, await getAuthorizedUser()),
    getTranslations(),
  ]);
  return { title: form ? t("respondents.edit.metaTitle", { code: form.respondent.code }) : t("notFound.metaTitle") };
}

export default async function EditRespondentPage({ params }: EditRespondentPageProps) {
  const { evaluationId, respondentId } = await params;
  const href = evaluationPath(evaluationId, "respondents", respondentId);
  const user = await requireUser(`${href}/edit`);
  const form = await loadRespondentForm(evaluationId, respondentId, user);
  if (!form) notFound();
  const { respondent, options } = form;
  const [t, locale] = await Promise.all([getTranslations("respondents.edit"), getLocale()]);

  return (
    <>
      <RespondentPageHeader
        evaluationId={evaluationId}
        evaluationName={respondent.evaluation.name}
        respondent={respondent}
        title={t("title", { code: respondent.code })}
      />
      <RespondentForm
        mode="edit"
        evaluationId={evaluationId}
        respondentId={respondent.id}
        version={respondent.version}
        initial={{
          type: respondent.type,
          gender: respondent.gender,
          state: regionToken(respondent),
          placeId: respondent.placeId,
          sectorId: respondent.sectorId,
          language: respondent.language,
          atRiskGroupIds: respondent.atRiskGroups.map((link) => link.groupId),
        }}
        {...respondentFormChoices(options, locale)}
        cancelHref={href}
      />
    </>
  );
}
