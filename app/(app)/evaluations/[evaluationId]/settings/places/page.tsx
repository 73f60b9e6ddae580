import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlaceList } from "@/components/setup/place-list";
import { SetupSections } from "@/components/setup/setup-sections";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadEvaluationSetup } from "@/lib/evaluations/setup-loaders";
import { MEXICO_STATES } from "@/lib/places/catalogue";
import { listPlacesForSetup } from "@/lib/places/data";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId } = await params;
  const [setup, t] = await Promise.all([loadEvaluationSetup(evaluationId), getTranslations()]);
  return { title: setup ? `${t("setup.places.title")}: ${setup.name}` : t("notFound.metaTitle") };
}

export default async function PlaceSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const path = `/evaluations/${encodeURIComponent(evaluationId)}`;
  await requireUser(`${path}/settings/places`);
  const [setup, t] = await Promise.all([loadEvaluationSetup(evaluationId), getTranslations("setup")]);
  if (!setup) notFound();
  const states = await listPlacesForSetup(evaluationId);
  return (
    <>
      <PageHeader before={<Link href={path}>{t("backToOverview")}</Link>} title={`${setup.name}: ${t("places.title")}`} description={t("places.intro")} />
      <SetupSections evaluationId={evaluationId} current="places" />
      <PlaceList evaluationId={evaluationId} states={states} catalogue={MEXICO_STATES} />
    </>
  );
}
