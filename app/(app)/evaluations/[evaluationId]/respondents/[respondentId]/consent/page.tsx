import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RespondentPageHeader } from "@/components/respondents/respondent-page";
import { ConsentForm } from "@/components/respondents/consent-form";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadRespondentConsent } from "@/lib/respondents/loaders";

type ConsentPageProps = { params: Promise<{ evaluationId: string; respondentId: string }> };

export async function generateMetadata({ params }: ConsentPageProps): Promise<Metadata> {
  const { evaluationId, respondentId } = await params;
  const [respondent, t] = await Promise.all([
    loadRespondentConsent(evaluationId, respondentId, await getAuthorizedUser()),
    getTranslations(),
  ]);
  return {
    title: respondent ? t("respondents.consentForm.metaTitle", { code: respondent.code }) : t("notFound.metaTitle"),
  };
}

export default async function RecordConsentPage({ params }: ConsentPageProps) {
  const { evaluationId, respondentId } = await params;
  const href = evaluationPath(evaluationId, "respondents", respondentId);
  const user = await requireUser(`${href}/consent`);
  const respondent = await loadRespondentConsent(evaluationId, respondentId, user);
  if (!respondent) notFound();
  const t = await getTranslations("respondents");
  const withdrawn = respondent.consents[0]?.withdrawnOn ?? null;

  return (
    <>
      <RespondentPageHeader
        evaluationId={evaluationId}
        evaluationName={respondent.evaluation.name}
        respondent={respondent}
        title={t("consentForm.title", { code: respondent.code })}
        description={t("consentForm.intro")}
      />
      {withdrawn ? (
        <p className="notice" role="note">
          {t("errors.consentWithdrawn")}
        </p>
      ) : (
        <ConsentForm evaluationId={evaluationId} respondentId={respondent.id} detailHref={href} />
      )}
    </>
  );
}
