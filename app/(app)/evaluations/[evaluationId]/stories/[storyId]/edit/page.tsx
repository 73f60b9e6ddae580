import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StoryForm } from "@/components/stories/story-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadStoryEdit } from "@/lib/stories/loaders";

type EditStoryPageProps = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: EditStoryPageProps): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const view = await loadStoryEdit(evaluationId, storyId, await getAuthorizedUser());
  const t = await getTranslations();
  return { title: view ? t("stories.meta.edit", { code: view.story.code }) : t("notFound.metaTitle") };
}

/**
 * The edit form. Rendered again (router.refresh) when a save meets CONFLICT: the form keeps the
 * editor's unsaved values and receives the newly stored version, and offers the merge.
 */
export default async function EditStoryPage({ params }: EditStoryPageProps) {
  const { evaluationId, storyId } = await params;
  const path = evaluationPath(evaluationId, "stories", storyId);
  const user = await requireUser(`${path}/edit`);
  const view = await loadStoryEdit(evaluationId, storyId, user);
  if (!view) notFound();
  const t = await getTranslations("stories");
  const { story, form } = view;

  return (
    <>
      <PageHeader
        before={<Link href={path}>{t("nav.backToStory", { code: story.code })}</Link>}
        title={t("edit.title", { code: story.code })}
        description={form ? t("edit.intro", { version: story.version }) : undefined}
      />
      {form ? (
        <StoryForm evaluationId={evaluationId} options={form.options} story={{ id: story.id, stored: form.stored }} />
      ) : (
        <p className="notice">{t("errors.STAGE_LOCKED")}</p>
      )}
    </>
  );
}
