import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DeleteEvidence } from "@/components/triangulation/delete-evidence";
import { EvidenceForm } from "@/components/triangulation/evidence-form";
import { fileSize } from "@/components/triangulation/evidence-list";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadEvidenceEdit } from "@/lib/triangulation/loaders";

type Props = { params: Promise<{ evaluationId: string; storyId: string; evidenceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, storyId, evidenceId } = await params;
  const found = await loadEvidenceEdit(evaluationId, storyId, evidenceId, await getAuthorizedUser());
  const t = await getTranslations();
  return { title: found ? t("triangulation.meta.evidence", { code: found.story.code }) : t("notFound.metaTitle") };
}

export default async function EditEvidencePage({ params }: Props) {
  const { evaluationId, storyId, evidenceId } = await params;
  const storyPath = evaluationPath(evaluationId, "stories", storyId);
  const user = await requireUser(
    evaluationPath(evaluationId, "stories", storyId, "triangulation", "evidence", evidenceId),
  );
  const found = await loadEvidenceEdit(evaluationId, storyId, evidenceId, user);
  if (!found) notFound();
  const [t, format] = await Promise.all([getTranslations("triangulation"), getFormatter()]);
  const { story, item, figures } = found;
  const back = `${storyPath}/triangulation`;

  return (
    <>
      <PageHeader
        before={<Link href={back}>{t("nav.backToTriangulation")}</Link>}
        title={
          <>
            <span className="code">{story.code}</span> {t("evidence.editTitle")}
          </>
        }
        description={story.title}
      />
      <section className="section" aria-label={t("evidence.editTitle")}>
        <EvidenceForm
          evaluationId={evaluationId}
          storyId={storyId}
          figures={figures.map((figure) => ({
            id: figure.id,
            label: `${figure.label}: ${format.number(Number(figure.value))}${figure.unit ? ` ${figure.unit}` : ""}`,
          }))}
          returnTo={back}
          stored={{
            id: item.id,
            version: item.version,
            file:
              item.fileName && item.sizeBytes !== null
                ? t("evidence.currentFile", { name: item.fileName, size: fileSize(item.sizeBytes, format) })
                : null,
            values: {
              sourceType: item.sourceType,
              citation: item.citation,
              whatItShows: item.whatItShows,
              whatItShowsTranslation: item.whatItShowsTranslation ?? "",
              stance: item.stance,
              strength: item.strength,
              figureId: item.figureId ?? "",
              response: item.response ?? "",
              supportNote: item.supportNote ?? "",
            },
          }}
        />
      </section>
      <section className="section" aria-label={t("evidence.delete")}>
        <DeleteEvidence evaluationId={evaluationId} evidenceId={item.id} version={item.version} returnTo={back} />
      </section>
    </>
  );
}
