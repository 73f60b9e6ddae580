import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RespondentPageHeader } from "@/components/respondents/respondent-page";
import styles from "@/components/respondents/respondents.module.css";
import { WithdrawalForm } from "@/components/respondents/withdrawal-form";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadRespondentConsent } from "@/lib/respondents/loaders";

type WithdrawPageProps = { params: Promise<{ evaluationId: string; respondentId: string }> };

export async function generateMetadata({ params }: WithdrawPageProps): Promise<Metadata> {
  const { evaluationId, respondentId } = await params;
  const [respondent, t] = await Promise.all([
    loadRespondentConsent(evaluationId, respondentId, await getAuthorizedUser()),
    getTranslations(),
  ]);
  return {
    title: respondent ? t("respondents.withdrawal.metaTitle", { code: respondent.code }) : t("notFound.metaTitle"),
  };
}

export default async function WithdrawConsentPage({ params }: WithdrawPageProps) {
  const { evaluationId, respondentId } = await params;
  const href = evaluationPath(evaluationId, "respondents", respondentId);
  const user = await requireUser(`${href}/withdraw`);
  const respondent = await loadRespondentConsent(evaluationId, respondentId, user);
  if (!respondent) notFound();
  const [t, format] = await Promise.all([getTranslations("respondents.withdrawal"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  const consent = respondent.consents[0] ?? null;

  let body;
  if (!consent) {
    body = <p className="notice">{t("noConsent")}</p>;
  } else if (consent.withdrawnOn) {
    body = <p className="notice">{t("alreadyWithdrawn", { date: day(consent.withdrawnOn) })}</p>;
  } else {
    body = (
      <>
        <p>{t("current", { date: day(consent.givenOn), version: consent.formVersion })}</p>
        <p className={`notice ${styles.pageNotice}`} role="note">
          <strong>{t("final")}</strong>
        </p>
        <WithdrawalForm
          evaluationId={evaluationId}
          respondentId={respondent.id}
          consentId={consent.id}
          detailHref={href}
          counts={{
            interviews: respondent._count.interviews,
            focusGroups: respondent._count.focusGroups,
            stories: respondent._count.storiesTold,
          }}
        />
      </>
    );
  }

  return (
    <>
      <RespondentPageHeader
        evaluationId={evaluationId}
        evaluationName={respondent.evaluation.name}
        respondent={respondent}
        title={t("title", { code: respondent.code })}
        description={t("intro")}
      />
      {body}
      {!consent || consent.withdrawnOn ? (
        <p>
          <Link href={href}>{respondent.code}</Link>
        </p>
      ) : null}
    </>
  );
}
