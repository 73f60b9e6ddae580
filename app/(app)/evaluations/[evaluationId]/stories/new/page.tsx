import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StoryForm } from "@/components/stories/story-form";
import { StoryStartNote } from "@/components/stories/story-start-note";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadNewStory } from "@/lib/stories/loaders";

type NewStoryPageProps = {
  params: Promise<{ evaluationId: string }>;
  /** `excerpt`: the marked passage a story is started from (its sources and storyteller filled in). */
  searchParams: Promise<{ excerpt?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("stories.meta.new") };
}

export default async function NewStoryPage({ params, searchParams }: NewStoryPageProps) {
  const [{ evaluationId }, { excerpt }] = await Promise.all([params, searchParams]);
  const list = evaluationPath(evaluationId, "stories");
  const user = await requireUser(`${list}/new`);
  const view = await loadNewStory(evaluationId, user, typeof excerpt === "string" ? excerpt : undefined);
  if (!view) notFound();
  const t = await getTranslations("stories");

  return (
    <>
      <PageHeader
        before={<Link href={list}>{t("nav.backToList")}</Link>}
        title={t("new.title")}
        description={t("new.intro")}
      />
      {view.start ? <StoryStartNote start={view.start} /> : null}
      <StoryForm
        evaluationId={evaluationId}
        options={view.options}
        defaultLanguage={view.defaultLanguage}
        initial={view.start?.values}
      />
    </>
  );
}
