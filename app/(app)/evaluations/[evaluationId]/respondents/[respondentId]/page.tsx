import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { evaluationPath } from "@/lib/evaluations/paths";
import { getLocale } from "@/lib/i18n/locale";
import { AppearsIn } from "@/components/respondents/appears-in";
import { RespondentBreadcrumbs } from "@/components/respondents/breadcrumbs";
import { ConsentSummary } from "@/components/respondents/consent-summary";
import { IdentityPanel } from "@/components/respondents/identity-panel";
import styles from "@/components/respondents/respondents.module.css";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/evaluations/format";
import { isFieldLanguage } from "@/lib/respondents/constants";
import { loadRespondentPage } from "@/lib/respondents/loaders";
import { Section } from "@/components/ui/section";

type RespondentPageProps = { params: Promise<{ evaluationId: string; respondentId: string }> };

export async function generateMetadata({ params }: RespondentPageProps): Promise<Metadata> {
  const { evaluationId, respondentId } = await params;
  const [loaded, t] = await Promise.all([
    loadRespondentPage(evaluationId, respondentId, await getAuthorizedUser()),
    getTranslations(),
  ]);
  return {
    title: loaded ? t("respondents.detail.metaTitle", { code: loaded.respondent.code }) : t("notFound.metaTitle"),
  };
}

export default async function RespondentPage({ params }: RespondentPageProps) {
  const { evaluationId, respondentId } = await params;
  const href = evaluationPath(evaluationId, "respondents", respondentId);
  const user = await requireUser(href);
  const loaded = await loadRespondentPage(evaluationId, respondentId, user);
  if (!loaded) notFound();
  const { can, respondent } = loaded;
  const [t, format, locale] = await Promise.all([getTranslations("respondents"), getFormatter(), getLocale()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  const language = isFieldLanguage(respondent.language)
    ? t(`languages.${respondent.language}`)
    : t("languages.other", { code: respondent.language });

  return (
    <>
      <PageHeader
        before={<RespondentBreadcrumbs evaluationId={evaluationId} evaluationName={respondent.evaluationName} />}
        title={respondent.code}
        description={`${t(`types.${respondent.type}`)} · ${t(`genders.${respondent.gender}`)} · ${respondent.state}`}
      />

      {respondent.excludedAt ? (
        <p className={`notice ${styles.pageNotice}`} role="note">
          {t("detail.excluded", { date: day(respondent.excludedAt) })}
        </p>
      ) : null}

      <Section id="attributes-title" title={t("detail.attributes")}>
        <dl className="facts">
          <div className="facts__item">
            <dt>{t("code")}</dt>
            <dd className="code">{respondent.code}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("fields.type")}</dt>
            <dd>{t(`types.${respondent.type}`)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("fields.gender")}</dt>
            <dd>{t(`genders.${respondent.gender}`)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("fields.state")}</dt>
            <dd>
              {respondent.place?.municipality
                ? `${respondent.place.municipality}, ${respondent.state}`
                : respondent.state}
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t("fields.sector")}</dt>
            <dd>{respondent.sector ? localized(respondent.sector, locale) : t("detail.none")}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("fields.language")}</dt>
            <dd>{language}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("fields.atRiskGroups")}</dt>
            <dd>
              {respondent.atRiskGroups.length === 0
                ? t("detail.none")
                : format.list(respondent.atRiskGroups.map((group) => localized(group, locale)))}
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t("detail.created")}</dt>
            <dd>{day(respondent.createdAt)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("detail.updated")}</dt>
            <dd>{day(respondent.updatedAt)}</dd>
          </div>
        </dl>
        {can.edit ? (
          <p className={styles.below}>
            <Link href={`${href}/edit`}>{t("detail.editLink")}</Link>
          </p>
        ) : null}
      </Section>

      {respondent.identity ? (
        <Section id="identity-title" title={t("identity.title")}>
          <IdentityPanel
            evaluationId={evaluationId}
            respondentId={respondent.id}
            version={respondent.version}
            state={respondent.identity.state}
            destroyedAt={
              respondent.identity.state === "destroyed" ? respondent.identity.destroyedAt.toISOString() : null
            }
            canEdit={can.editIdentity}
          />
        </Section>
      ) : null}

      <Section id="consent-title" title={t("consent.title")}>
        <ConsentSummary consents={respondent.consents} canEdit={can.editConsent} respondentHref={href} />
      </Section>

      {can.viewInterviews || can.viewStories ? (
        <Section id="appears-title" title={t("detail.appearsIn")}>
          <AppearsIn
            evaluationId={evaluationId}
            respondent={respondent}
            show={{ interviews: can.viewInterviews, stories: can.viewStories }}
          />
        </Section>
      ) : null}
    </>
  );
}
