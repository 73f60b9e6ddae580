import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StoryTimeline } from "@/components/stories/timeline";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadStoryTimeline } from "@/lib/stories/loaders";

type TimelinePageProps = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: TimelinePageProps): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const view = await loadStoryTimeline(evaluationId, storyId, await getAuthorizedUser());
  const t = await getTranslations();
  return { title: view ? t("timeline.metaTitle", { code: view.story.code }) : t("notFound.metaTitle") };
}

export default async function StoryTimelinePage({ params }: TimelinePageProps) {
  const { evaluationId, storyId } = await params;
  const path = evaluationPath(evaluationId, "stories", storyId);
  const user = await requireUser(`${path}/timeline`);
  const view = await loadStoryTimeline(evaluationId, storyId, user);
  if (!view) notFound();
  const [t, tStories, root, format] = await Promise.all([
    getTranslations("timeline"),
    getTranslations("stories"),
    getTranslations(),
    getFormatter(),
  ]);
  const { story, entries, limitPerKind } = view;
  const translate = root as unknown as (key: string, values?: Record<string, string | number>) => string;

  return (
    <>
      <PageHeader
        before={<Link href={path}>{tStories("nav.backToStory", { code: story.code })}</Link>}
        title={t("title", { code: story.code })}
        description={t("intro")}
      />
      <StoryTimeline
        entries={entries}
        t={translate}
        when={(date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })}
      />
      <p className="muted">{t("limited", { limit: limitPerKind })}</p>
    </>
  );
}
