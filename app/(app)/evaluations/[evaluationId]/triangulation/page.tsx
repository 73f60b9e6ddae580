import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { evaluationPath } from "@/lib/evaluations/paths";
import { getLocale } from "@/lib/i18n/locale";
import { ExportControl } from "@/components/data-table/export-control";
import { Pagination } from "@/components/data-table/pagination";
import { MatrixTable } from "@/components/triangulation/matrix-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadTriangulationMatrix } from "@/lib/triangulation/loaders";
import { matrixQuerySchema } from "@/lib/triangulation/schema";
import { isOneOf } from "@/lib/i18n/labels";
import { STORY_STAGES } from "@/lib/stories/schema";
import { Section } from "@/components/ui/section";

type Props = {
  params: Promise<{ evaluationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("triangulation");
  return { title: t("meta.matrix") };
}

export default async function TriangulationMatrixPage({ params, searchParams }: Props) {
  const { evaluationId } = await params;
  const path = evaluationPath(evaluationId, "triangulation");
  const user = await requireUser(path);
  const raw = await searchParams;
  const query = matrixQuerySchema.parse({
    domain: typeof raw.domain === "string" ? raw.domain : "",
    page: typeof raw.page === "string" ? raw.page : 1,
  });
  const view = await loadTriangulationMatrix(evaluationId, user, query.domain, query.page);
  if (!view) notFound();
  const [t, tStories, locale] = await Promise.all([
    getTranslations("triangulation"),
    getTranslations("stories"),
    getLocale(),
  ]);
  const { domains, domain, matrix } = view;
  const name = (record: { nameEn: string; nameEs: string }) => (locale === "es" ? record.nameEs : record.nameEn);
  const hrefFor = (page: number) => `${path}?domain=${encodeURIComponent(domain?.id ?? "")}&page=${page}`;

  return (
    <>
      <PageHeader title={t("matrix.title")} description={t("matrix.intro")} />
      <form method="get" className="filters" aria-label={t("matrix.domain")}>
        <div className="field">
          <label className="field__label" htmlFor="matrix-domain">
            {t("matrix.domain")}
          </label>
          <select id="matrix-domain" name="domain" className="field__input" defaultValue={domain?.id}>
            {domains.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.position}. {name(candidate)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t("matrix.show")}
          </button>
        </div>
      </form>
      {domain && matrix && matrix.rows.length > 0 ? (
        <Section id="matrix-heading" title={name(domain)} description={t("matrix.legend")}>
          <MatrixTable
            rows={matrix.rows}
            caption={t("matrix.caption", { domain: name(domain) })}
            storyHref={(id) => evaluationPath(evaluationId, "stories", id, "triangulation")}
            stageName={(stage) => (isOneOf(STORY_STAGES, stage) ? tStories(`stages.${stage}`) : stage)}
            t={t}
          />
          <p className="muted">
            {t("matrix.page", { page: matrix.page, pageCount: matrix.pageCount, total: matrix.total })}
          </p>
          <Pagination
            label={t("matrix.pagination")}
            page={matrix.page}
            pageCount={matrix.pageCount}
            hrefFor={hrefFor}
          />
        </Section>
      ) : (
        <p className="empty-state">{t("matrix.empty")}</p>
      )}
      {/* The evidence of the domain shown (every page), with the levels and values of any export. */}
      <ExportControl
        evaluationId={evaluationId}
        table="evidence"
        query={domain ? { domain: domain.id } : {}}
        offerIdentified={false}
      />
    </>
  );
}
