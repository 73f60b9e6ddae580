import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { evaluationPath } from "@/lib/evaluations/paths";
import { getLocale } from "@/lib/i18n/locale";
import { DomainSection } from "@/components/stories/domain-section";
import { dynamic } from "@/components/stories/form-types";
import { StageSection } from "@/components/stories/stage-section";
import { StoryView } from "@/components/stories/story-view";
import { TriangulationLink } from "@/components/triangulation/story-link";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { loadStoryPage } from "@/lib/stories/loaders";
import { StageBadge } from "@/components/stories/stage-badge";

type StoryPageProps = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: StoryPageProps): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const view = await loadStoryPage(evaluationId, storyId, await getAuthorizedUser());
  const t = await getTranslations();
  return {
    title: view
      ? t("stories.meta.detail", { code: view.story.snapshot.code, title: view.story.snapshot.title })
      : t("notFound.metaTitle"),
  };
}

export default async function StoryPage({ params }: StoryPageProps) {
  const { evaluationId, storyId } = await params;
  const path = evaluationPath(evaluationId, "stories", storyId);
  const user = await requireUser(path);
  const view = await loadStoryPage(evaluationId, storyId, user);
  if (!view) notFound();
  const [t, tTimeline, format, locale] = await Promise.all([
    getTranslations("stories"),
    getTranslations("timeline"),
    getFormatter(),
    getLocale(),
  ]);
  const { story } = view;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader
        before={<Link href={evaluationPath(evaluationId, "stories")}>{t("nav.backToList")}</Link>}
        title={
          <>
            <span className="code">{story.snapshot.code}</span> {story.snapshot.title}
          </>
        }
      >
        <dl className="facts facts--inline">
          <div className="facts__item">
            <dt>{t("detail.stage")}</dt>
            <dd>
              <StageBadge stage={story.stage} name={dynamic(t, `stages.${story.stage}`)} />
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t("detail.author")}</dt>
            <dd>{story.author.name}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("detail.version")}</dt>
            <dd>{t("detail.versionSaved", { version: story.version, date: when(story.updatedAt) })}</dd>
          </div>
          {story.flaggedSourceDestroyedAt ? (
            <div className="facts__item">
              <dt>{t("detail.flagged")}</dt>
              <dd className="text-error">{t("detail.flaggedText", { date: when(story.flaggedSourceDestroyedAt) })}</dd>
            </div>
          ) : null}
        </dl>
        <p className="actions">
          {view.canEdit ? <Link href={`${path}/edit`}>{t("nav.edit")}</Link> : null}
          <Link href={`${path}/revisions`}>{t("nav.revisions")}</Link>
          <Link href={`${path}/timeline`}>{tTimeline("link")}</Link>
          {view.canViewTriangulation ? <TriangulationLink storyPath={path} /> : null}
        </p>
      </PageHeader>

      <StageSection
        evaluationId={evaluationId}
        storyId={storyId}
        stage={story.stage}
        stageChangedAt={story.stageChangedAt}
        steps={view.steps}
        history={view.history}
        t={t}
        format={format}
      />

      <DomainSection
        evaluationId={evaluationId}
        storyId={storyId}
        assignments={view.assignments}
        domains={view.assignableDomains ?? []}
        canAssign={view.assignableDomains !== null}
        locale={locale}
        t={t}
        format={format}
      />

      <StoryView
        snapshot={story.snapshot}
        evaluationId={evaluationId}
        locale={locale}
        t={t}
        format={format}
        links={view.links}
        excerptQuotes={view.excerptQuotes}
      />
    </>
  );
}
