import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StoryForm } from "@/components/stories/story-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getEvaluationOverview } from "@/lib/evaluations/data";
import { storyAccess } from "@/lib/stories/access";
import { getStoryFormOptions } from "@/lib/stories/form-data";

type NewStoryPageProps = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("stories.meta.new") };
}

export default async function NewStoryPage({ params }: NewStoryPageProps) {
  const { evaluationId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}`;
  const user = await requireUser(`${base}/stories/new`);
  if (!(await storyAccess(evaluationId, user, "story.edit"))) notFound();
  const [evaluation, options, t] = await Promise.all([getEvaluationOverview(evaluationId, user), getStoryFormOptions(evaluationId), getTranslations("stories")]);
  if (!evaluation) notFound();
  // The first language of the evaluation is the usual language of its material.
  const defaultLanguage = (evaluation.languages[0] ?? "ES").toLowerCase();

  return (
    <>
      <PageHeader before={<Link href={`${base}/stories`}>{t("nav.backToList")}</Link>} title={t("new.title")} description={t("new.intro")} />
      <StoryForm evaluationId={evaluationId} options={options} defaultLanguage={defaultLanguage} />
    </>
  );
}
