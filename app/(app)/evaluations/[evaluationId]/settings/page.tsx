import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CopySetupForm } from "@/components/setup/copy-setup-form";
import { EvaluationDetailsForm } from "@/components/setup/evaluation-details-form";
import { SetupSections } from "@/components/setup/setup-sections";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listSetupSources, loadEvaluationSetup } from "@/lib/evaluations/setup-loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId } = await params;
  const [setup, t] = await Promise.all([loadEvaluationSetup(evaluationId), getTranslations()]);
  return { title: setup ? t("setup.metaTitle", { name: setup.name }) : t("notFound.metaTitle") };
}

/** The evaluation's own details: leads and administrators only (404 for anyone else). */
export default async function EvaluationSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const path = `/evaluations/${encodeURIComponent(evaluationId)}`;
  await requireUser(`${path}/settings`);
  const [setup, t] = await Promise.all([loadEvaluationSetup(evaluationId), getTranslations("setup")]);
  if (!setup) notFound();
  const sources = await listSetupSources(evaluationId);
  return (
    <>
      <PageHeader before={<Link href={path}>{t("backToOverview")}</Link>} title={t("title", { name: setup.name })} description={t("intro")} />
      <SetupSections evaluationId={evaluationId} current="details" />
      <EvaluationDetailsForm evaluation={setup} />
      <CopySetupForm evaluationId={evaluationId} sources={sources} />
    </>
  );
}
