import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProjectList } from "@/components/setup/project-list";
import { SetupSections } from "@/components/setup/setup-sections";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadEvaluationSetup } from "@/lib/evaluations/setup-loaders";
import { listProjectsForSetup } from "@/lib/projects/data";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId } = await params;
  const [setup, t] = await Promise.all([loadEvaluationSetup(evaluationId), getTranslations()]);
  return { title: setup ? `${t("setup.projects.title")}: ${setup.name}` : t("notFound.metaTitle") };
}

export default async function ProjectSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const path = `/evaluations/${encodeURIComponent(evaluationId)}`;
  await requireUser(`${path}/settings/projects`);
  const [setup, t] = await Promise.all([loadEvaluationSetup(evaluationId), getTranslations("setup")]);
  if (!setup) notFound();
  const projects = await listProjectsForSetup(evaluationId);
  return (
    <>
      <PageHeader before={<Link href={path}>{t("backToOverview")}</Link>} title={`${setup.name}: ${t("projects.title")}`} description={t("projects.intro")} />
      <SetupSections evaluationId={evaluationId} current="projects" />
      <ProjectList evaluationId={evaluationId} projects={projects.map(({ retiredAt, ...project }) => ({ ...project, retired: retiredAt !== null }))} />
    </>
  );
}
