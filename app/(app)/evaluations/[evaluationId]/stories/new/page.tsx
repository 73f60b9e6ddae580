import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StoryForm } from "@/components/stories/story-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadNewStory } from "@/lib/stories/loaders";

type NewStoryPageProps = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("stories.meta.new") };
}

export default async function NewStoryPage({ params }: NewStoryPageProps) {
  const { evaluationId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}`;
  const user = await requireUser(`${base}/stories/new`);
  const view = await loadNewStory(evaluationId, user);
  if (!view) notFound();
  const t = await getTranslations("stories");

  return (
    <>
      <PageHeader
        before={<Link href={`${base}/stories`}>{t("nav.backToList")}</Link>}
        title={t("new.title")}
        description={t("new.intro")}
      />
      <StoryForm evaluationId={evaluationId} options={view.options} defaultLanguage={view.defaultLanguage} />
    </>
  );
}
