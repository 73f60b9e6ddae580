import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LearningSection } from "@/components/learnings/learning-section";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { LEARNING_KINDS } from "@/lib/learnings/schema";
import { loadLearnings } from "@/lib/learnings/loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [view, t] = await Promise.all([loadLearnings((await params).evaluationId), getTranslations()]);
  return { title: view ? t("learnings.metaTitle", { name: view.evaluation.name }) : t("notFound.metaTitle") };
}

/** What the team learned, in the learning brief's order: leads and analysts write, others read. */
export default async function LearningsPage({ params }: Props) {
  const { evaluationId } = await params;
  await requireUser(evaluationPath(evaluationId, "learnings"));
  const view = await loadLearnings(evaluationId);
  if (!view) notFound();
  const t = await getTranslations("learnings");
  return (
    <>
      <PageHeader title={`${view.evaluation.name}: ${t("title")}`} description={t("intro")} />
      {view.canEdit ? null : <p className="muted">{t("readOnly")}</p>}
      {LEARNING_KINDS.map((kind) => (
        <LearningSection
          key={kind}
          evaluationId={evaluationId}
          kind={kind}
          languages={view.evaluation.languages}
          learnings={view.learnings.filter((learning) => learning.kind === kind)}
          options={view.options}
        />
      ))}
    </>
  );
}
