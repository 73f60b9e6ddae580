/**
 * The REFI-QDA project under the interview and focus-group lists, beside the table downloads: a
 * plain link (a GET download, no JavaScript). The whole evaluation's transcripts, not the list's
 * filters: a QDA project is the corpus, and the server decides what consent allows.
 */
import { getTranslations } from "next-intl/server";
import { evaluationApiPath } from "@/lib/evaluations/paths";

export async function ProjectExportLink({ evaluationId }: { evaluationId: string }) {
  const t = await getTranslations("exports.refiQda.control");
  return (
    <section className="filters" aria-labelledby="qdpx-export-title" aria-describedby="qdpx-export-hint">
      <div className="field">
        <h2 id="qdpx-export-title" className="field__label">
          {t("label")}
        </h2>
        <p id="qdpx-export-hint" className="field__hint">
          {t("hint")}
        </p>
      </div>
      <div className="filters__actions">
        <a
          id="qdpx-export"
          className="button button--secondary"
          href={evaluationApiPath(evaluationId, "exports", "project.qdpx")}
          download
        >
          {t("download")}
        </a>
      </div>
    </section>
  );
}
