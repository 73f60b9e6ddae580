import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DomainSection } from "@/components/stories/domain-section";
import { dynamic } from "@/components/stories/form-types";
import { StageSection } from "@/components/stories/stage-section";
import { StoryView } from "@/components/stories/story-view";
import { TriangulationLink } from "@/components/triangulation/story-link";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { canAssignDomainAt } from "@/lib/domains/policy";
import { listDomainAssignments, listDomains } from "@/lib/domains/data";
import { can } from "@/lib/permissions";
import { storyAccess } from "@/lib/stories/access";
import { getExcerptQuotes, getStoryDetail } from "@/lib/stories/data";
import { listStageHistory } from "@/lib/stories/history-data";
import { canEditStory, canSeeExcerptText } from "@/lib/stories/policy";
import { nextSteps } from "@/lib/stories/stage-machine";
import { getStepFacts } from "@/lib/stories/guard-data";

type StoryPageProps = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: StoryPageProps): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const user = await getAuthorizedUser();
  const roles = user ? await storyAccess(evaluationId, user, "story.view") : null;
  const story = roles ? await getStoryDetail(evaluationId, storyId) : null;
  const t = await getTranslations();
  return { title: story ? t("stories.meta.detail", { code: story.snapshot.code, title: story.snapshot.title }) : t("notFound.metaTitle") };
}

export default async function StoryPage({ params }: StoryPageProps) {
  const { evaluationId, storyId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}`;
  const path = `${base}/stories/${encodeURIComponent(storyId)}`;
  const user = await requireUser(path);
  const roles = await storyAccess(evaluationId, user, "story.view");
  if (!roles) notFound();
  const story = await getStoryDetail(evaluationId, storyId);
  if (!story) notFound();

  const excerptIds = story.snapshot.sources.filter((source) => source.kind === "EXCERPT").map((source) => source.id);
  const [t, tTimeline, format, locale, assignments, domains, facts, history, quotes] = await Promise.all([
    getTranslations("stories"),
    getTranslations("timeline"),
    getFormatter(),
    getLocale(),
    listDomainAssignments(evaluationId, storyId),
    listDomains(evaluationId),
    getStepFacts(evaluationId, storyId, story.stage),
    listStageHistory(evaluationId, storyId),
    canSeeExcerptText(roles) ? getExcerptQuotes(evaluationId, excerptIds) : Promise.resolve(null),
  ]);
  const steps = facts ? nextSteps(story.stage, roles, facts) : [];
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader
        before={<Link href={`${base}/stories`}>{t("nav.backToList")}</Link>}
        title={
          <>
            <span className="code">{story.snapshot.code}</span> {story.snapshot.title}
          </>
        }
      >
        <dl className="facts facts--inline">
          <div className="facts__item">
            <dt>{t("detail.stage")}</dt>
            <dd>{dynamic(t, `stages.${story.stage}`)}</dd>
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
          {canEditStory(roles, story.stage) ? <Link href={`${path}/edit`}>{t("nav.edit")}</Link> : null}
          <Link href={`${path}/revisions`}>{t("nav.revisions")}</Link>
          <Link href={`${path}/timeline`}>{tTimeline("link")}</Link>
          {can(roles, "triangulation.view") ? <TriangulationLink storyPath={path} /> : null}
        </p>
      </PageHeader>

      <StageSection evaluationId={evaluationId} storyId={storyId} stage={story.stage} stageChangedAt={story.stageChangedAt} steps={steps} history={history} t={t} format={format} />

      <DomainSection
        evaluationId={evaluationId}
        storyId={storyId}
        assignments={assignments}
        domains={domains}
        canAssign={can(roles, "story.assign_domain") && canAssignDomainAt(story.stage)}
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
        links={{ respondents: can(roles, "respondent.view"), fieldwork: can(roles, "interview.view") }}
        excerptQuotes={quotes}
      />
    </>
  );
}
