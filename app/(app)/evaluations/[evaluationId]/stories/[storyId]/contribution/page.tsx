import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { VerificationForm } from "@/components/triangulation/verification-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadContribution } from "@/lib/triangulation/loaders";

type Props = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const view = await loadContribution(evaluationId, storyId, await getAuthorizedUser());
  const t = await getTranslations();
  return { title: view ? t("triangulation.meta.contribution", { code: view.story.code }) : t("notFound.metaTitle") };
}

export default async function ContributionPage({ params }: Props) {
  const { evaluationId, storyId } = await params;
  const storyPath = evaluationPath(evaluationId, "stories", storyId);
  const user = await requireUser(`${storyPath}/contribution`);
  const view = await loadContribution(evaluationId, storyId, user);
  if (!view) notFound();
  const t = await getTranslations("triangulation");
  const { story, projects } = view;
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
      {projects ? (
        <>
          <p className="muted">{t("verification.intro")}</p>
          <VerificationForm
            evaluationId={evaluationId}
            storyId={storyId}
            version={story.version}
            projects={projects}
            initial={{
              contributionNarrative: text(story.contributionNarrative),
              contributions: story.contributions.map((row) => ({
                projectId: row.projectId,
                howContributed: row.howContributed,
              })),
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
              <dd>
                {story.contributions.map((row) => `${row.project.acronym}: ${row.howContributed}`).join("; ") || "—"}
              </dd>
            </div>
            <div className="facts__item">
              <dt>{t("verification.rating")}</dt>
              <dd>
                {story.contributionRating
                  ? `${t(`ratings.${story.contributionRating}`)} — ${text(story.contributionRatingReason)}`
                  : t("verification.notRated")}
              </dd>
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
