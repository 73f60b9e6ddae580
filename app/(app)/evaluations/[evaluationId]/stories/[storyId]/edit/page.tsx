import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StoryForm } from "@/components/stories/story-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { storyAccess } from "@/lib/stories/access";
import { getStoryDetail } from "@/lib/stories/data";
import { getStoryFormOptions } from "@/lib/stories/form-data";
import { toFormValues } from "@/lib/stories/form-values";
import { canEditStory } from "@/lib/stories/policy";

type EditStoryPageProps = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: EditStoryPageProps): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const user = await getAuthorizedUser();
  const roles = user ? await storyAccess(evaluationId, user, "story.edit") : null;
  const story = roles ? await getStoryDetail(evaluationId, storyId) : null;
  const t = await getTranslations();
  return { title: story ? t("stories.meta.edit", { code: story.snapshot.code }) : t("notFound.metaTitle") };
}

/**
 * The edit form. Rendered again (router.refresh) when a save meets CONFLICT: the form keeps the
 * editor's unsaved values and receives the newly stored version, and offers the merge.
 */
export default async function EditStoryPage({ params }: EditStoryPageProps) {
  const { evaluationId, storyId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}`;
  const path = `${base}/stories/${encodeURIComponent(storyId)}`;
  const user = await requireUser(`${path}/edit`);
  const roles = await storyAccess(evaluationId, user, "story.edit");
  if (!roles) notFound();
  const story = await getStoryDetail(evaluationId, storyId);
  if (!story) notFound();
  const [options, t] = await Promise.all([getStoryFormOptions(evaluationId), getTranslations("stories")]);
  const editable = canEditStory(roles, story.stage);

  return (
    <>
      <PageHeader
        before={<Link href={path}>{t("nav.backToStory", { code: story.snapshot.code })}</Link>}
        title={t("edit.title", { code: story.snapshot.code })}
        description={editable ? t("edit.intro", { version: story.version }) : undefined}
      />
      {editable ? (
        <StoryForm evaluationId={evaluationId} options={options} story={{ id: story.id, stored: { version: story.version, values: toFormValues(story.snapshot) } }} />
      ) : (
        <p className="notice">{t("errors.STAGE_LOCKED")}</p>
      )}
    </>
  );
}
