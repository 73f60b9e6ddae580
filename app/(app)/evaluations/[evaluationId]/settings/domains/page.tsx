import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DomainList } from "@/components/setup/domain-list";
import { SetupSections } from "@/components/setup/setup-sections";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listDomainsForSetup } from "@/lib/domains/data";
import { loadEvaluationSetup } from "@/lib/evaluations/setup-loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId } = await params;
  const [setup, t] = await Promise.all([loadEvaluationSetup(evaluationId), getTranslations()]);
  return { title: setup ? `${t("setup.domains.title")}: ${setup.name}` : t("notFound.metaTitle") };
}

export default async function DomainSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const path = `/evaluations/${encodeURIComponent(evaluationId)}`;
  await requireUser(`${path}/settings/domains`);
  const [setup, t] = await Promise.all([loadEvaluationSetup(evaluationId), getTranslations("setup")]);
  if (!setup) notFound();
  const domains = await listDomainsForSetup(evaluationId);
  return (
    <>
      <PageHeader before={<Link href={path}>{t("backToOverview")}</Link>} title={`${setup.name}: ${t("domains.title")}`} description={t("domains.intro")} />
      <SetupSections evaluationId={evaluationId} current="domains" />
      <DomainList
        evaluationId={evaluationId}
        languages={setup.languages}
        domains={domains.map(({ retiredAt, ...domain }) => ({ ...domain, retired: retiredAt !== null }))}
      />
    </>
  );
}
