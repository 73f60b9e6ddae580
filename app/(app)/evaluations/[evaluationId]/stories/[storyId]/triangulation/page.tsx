import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvidenceForm } from "@/components/triangulation/evidence-form";
import { EvidenceList } from "@/components/triangulation/evidence-list";
import { Readiness } from "@/components/triangulation/readiness";
import { SignOffForm } from "@/components/triangulation/sign-off-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadStoryTriangulation } from "@/lib/triangulation/loaders";
import { StageBadge } from "@/components/stories/stage-badge";
import { Section } from "@/components/ui/section";

type Props = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const view = await loadStoryTriangulation(evaluationId, storyId, await getAuthorizedUser());
  const t = await getTranslations();
  return { title: view ? t("triangulation.meta.story", { code: view.story.code }) : t("notFound.metaTitle") };
}

export default async function StoryTriangulationPage({ params }: Props) {
  const { evaluationId, storyId } = await params;
  const storyPath = evaluationPath(evaluationId, "stories", storyId);
  const user = await requireUser(`${storyPath}/triangulation`);
  const view = await loadStoryTriangulation(evaluationId, storyId, user);
  if (!view) notFound();
  const [t, tStories, format] = await Promise.all([
    getTranslations("triangulation"),
    getTranslations("stories"),
    getFormatter(),
  ]);
  const { story, evidence, facts, blockers, signOff, open, canEdit, canSignOff, figures } = view;
  const figureLabel = (figure: NonNullable<typeof figures>[number]) =>
    `${figure.label}: ${format.number(Number(figure.value))}${figure.unit ? ` ${figure.unit}` : ""}`;

  return (
    <>
      <PageHeader
        before={<Link href={storyPath}>{t("nav.backToStory")}</Link>}
        title={
          <>
            <span className="code">{story.code}</span> {t("page.title")}
          </>
        }
        description={story.title}
      >
        <dl className="facts facts--inline">
          <div className="facts__item">
            <dt>{t("page.stage")}</dt>
            <dd>
              <StageBadge stage={story.stage} name={tStories(`stages.${story.stage}`)} />
            </dd>
          </div>
        </dl>
        <p className="actions">
          <Link href={`${storyPath}/contribution`}>{t("nav.contribution")}</Link>{" "}
          <Link href={`${storyPath}/quotations`}>{t("nav.quotations")}</Link>
        </p>
      </PageHeader>
      <p>{t("page.intro")}</p>
      {open ? null : <p className="notice">{t("page.closed")}</p>}

      <Section id="readiness-title" title={t("readiness.title")}>
        <Readiness facts={facts} blockers={blockers} signOff={signOff} t={t} format={format} />
        {canSignOff ? (
          <>
            <h3>{t("signOff.title")}</h3>
            <SignOffForm evaluationId={evaluationId} storyId={storyId} storyVersion={story.version} />
          </>
        ) : null}
      </Section>

      <Section id="evidence-title" title={t("evidence.title")}>
        <EvidenceList
          items={evidence}
          evaluationId={evaluationId}
          editBase={canEdit ? `${storyPath}/triangulation/evidence` : null}
          t={t}
          format={format}
        />
      </Section>

      {figures ? (
        <Section id="add-evidence-title" title={t("evidence.addTitle")}>
          <EvidenceForm
            evaluationId={evaluationId}
            storyId={storyId}
            figures={figures.map((figure) => ({ id: figure.id, label: figureLabel(figure) }))}
            returnTo={`${storyPath}/triangulation`}
          />
        </Section>
      ) : null}
    </>
  );
}
