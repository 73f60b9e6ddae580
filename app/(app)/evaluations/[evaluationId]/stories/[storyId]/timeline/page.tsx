import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StoryTimeline } from "@/components/stories/timeline";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { storyAccess } from "@/lib/stories/access";
import { getStoryDetail } from "@/lib/stories/data";
import { getStoryTimeline, TIMELINE_LIMIT_PER_KIND } from "@/lib/stories/timeline-data";

type TimelinePageProps = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: TimelinePageProps): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const user = await getAuthorizedUser();
  const roles = user ? await storyAccess(evaluationId, user, "story.view") : null;
  const story = roles ? await getStoryDetail(evaluationId, storyId) : null;
  const t = await getTranslations();
  return { title: story ? t("timeline.metaTitle", { code: story.snapshot.code }) : t("notFound.metaTitle") };
}

export default async function StoryTimelinePage({ params }: TimelinePageProps) {
  const { evaluationId, storyId } = await params;
  const path = `/evaluations/${encodeURIComponent(evaluationId)}/stories/${encodeURIComponent(storyId)}`;
  const user = await requireUser(`${path}/timeline`);
  if (!(await storyAccess(evaluationId, user, "story.view"))) notFound();
  const story = await getStoryDetail(evaluationId, storyId);
  if (!story) notFound();

  const [entries, t, tStories, root, format] = await Promise.all([
    getStoryTimeline(evaluationId, storyId),
    getTranslations("timeline"),
    getTranslations("stories"),
    getTranslations(),
    getFormatter(),
  ]);
  const translate = root as unknown as (key: string, values?: Record<string, string | number>) => string;

  return (
    <>
      <PageHeader
        before={<Link href={path}>{tStories("nav.backToStory", { code: story.snapshot.code })}</Link>}
        title={t("title", { code: story.snapshot.code })}
        description={t("intro")}
      />
      <StoryTimeline entries={entries} t={translate} when={(date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })} />
      <p className="muted">{t("limited", { limit: TIMELINE_LIMIT_PER_KIND })}</p>
    </>
  );
}
