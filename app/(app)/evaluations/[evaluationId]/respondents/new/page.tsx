import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RespondentBreadcrumbs } from "@/components/respondents/breadcrumbs";
import { RespondentForm } from "@/components/respondents/respondent-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/evaluations/format";
import { loadNewRespondentForm } from "@/lib/respondents/loaders";

type NewRespondentPageProps = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("respondents.new");
  return { title: t("metaTitle") };
}

export default async function NewRespondentPage({ params }: NewRespondentPageProps) {
  const { evaluationId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}`;
  const user = await requireUser(`${base}/respondents/new`);
  const options = await loadNewRespondentForm(evaluationId, user);
  if (!options) notFound();
  const [t, locale] = await Promise.all([getTranslations("respondents.new"), getLocale()]);

  return (
    <>
      <PageHeader
        before={<RespondentBreadcrumbs evaluationId={evaluationId} evaluationName={options.evaluationName} />}
        title={t("title")}
        description={t("intro")}
      />
      <RespondentForm
        mode="create"
        evaluationId={evaluationId}
        places={options.places}
        countries={options.countries.map((country) => ({
          code: country.code,
          name: locale === "es" ? country.nameEs : country.nameEn,
        }))}
        sectors={options.sectors.map((sector) => ({ id: sector.id, name: localized(sector, locale) }))}
        atRiskGroups={options.atRiskGroups.map((group) => ({ id: group.id, name: localized(group, locale) }))}
        cancelHref={`${base}/respondents`}
      />
    </>
  );
}
