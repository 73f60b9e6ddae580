import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { VerificationForm } from "@/components/triangulation/verification-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { openTriangulationStory } from "@/lib/triangulation/access";
import { isTriangulationStage } from "@/lib/triangulation/policy";

type Props = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const opened = await openTriangulationStory(evaluationId, storyId, await getAuthorizedUser());
  const t = await getTranslations();
  return { title: opened ? t("triangulation.meta.contribution", { code: opened.story.code }) : t("notFound.metaTitle") };
}

export default async function ContributionPage({ params }: Props) {
  const { evaluationId, storyId } = await params;
  const storyPath = `/evaluations/${encodeURIComponent(evaluationId)}/stories/${encodeURIComponent(storyId)}`;
  const opened = await openTriangulationStory(evaluationId, storyId, await requireUser(`${storyPath}/contribution`));
  if (!opened) notFound();
  const { story, roles } = opened;
  const t = await getTranslations("triangulation");
  const canEdit = isTriangulationStage(story.stage) && can(roles, "triangulation.edit");
  const projects = canEdit
    ? // Retired projects only where the story already names them.
      await db().project.findMany({
        where: { evaluationId, OR: [{ retiredAt: null }, { id: { in: story.contributions.map((row) => row.projectId) } }] },
        orderBy: { acronym: "asc" },
        select: { id: true, acronym: true, name: true },
      })
    : [];
  const text = (value: string | null) => value ?? "";

  return (
    <>
      <PageHeader
        before={<Link href={`${storyPath}/triangulation`}>{t("nav.backToTriangulation")}</Link>}
        title={
          <>
            <span className="code">{story.code}</span> {t("verification.title")}
          </>
        }
        description={story.title}
      />
      {canEdit ? (
        <>
          <p className="muted">{t("verification.intro")}</p>
          <VerificationForm
            evaluationId={evaluationId}
            storyId={storyId}
            version={story.version}
            projects={projects}
            initial={{
              contributionNarrative: text(story.contributionNarrative),
              contributions: story.contributions.map((row) => ({ projectId: row.projectId, howContributed: row.howContributed })),
              contributionRating: text(story.contributionRating),
              contributionRatingReason: text(story.contributionRatingReason),
              sustainabilityAssessment: text(story.sustainabilityAssessment),
              sustainabilityConditions: text(story.sustainabilityConditions),
              sustainabilityRisks: text(story.sustainabilityRisks),
            }}
          />
        </>
      ) : (
        <section className="section" aria-label={t("verification.title")}>
          <dl className="facts">
            <div className="facts__item">
              <dt>{t("verification.narrative")}</dt>
              <dd>{text(story.contributionNarrative) || "—"}</dd>
            </div>
            <div className="facts__item">
              <dt>{t("verification.projects")}</dt>
              <dd>{story.contributions.map((row) => `${row.project.acronym}: ${row.howContributed}`).join("; ") || "—"}</dd>
            </div>
            <div className="facts__item">
              <dt>{t("verification.rating")}</dt>
              <dd>{story.contributionRating ? `${t(`ratings.${story.contributionRating}`)} — ${text(story.contributionRatingReason)}` : t("verification.notRated")}</dd>
            </div>
            <div className="facts__item">
              <dt>{t("verification.assessment")}</dt>
              <dd>{text(story.sustainabilityAssessment) || "—"}</dd>
            </div>
            <div className="facts__item">
              <dt>{t("verification.conditions")}</dt>
              <dd>{text(story.sustainabilityConditions) || "—"}</dd>
            </div>
            <div className="facts__item">
              <dt>{t("verification.risks")}</dt>
              <dd>{text(story.sustainabilityRisks) || "—"}</dd>
            </div>
          </dl>
        </section>
      )}
    </>
  );
}
