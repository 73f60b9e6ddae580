import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CoverageSection } from "@/components/dashboard/coverage-section";
import { DashboardFilterForm } from "@/components/dashboard/dashboard-filters";
import { FigureDownloads } from "@/components/dashboard/figure-downloads";
import { QuantificationSection } from "@/components/dashboard/quantification-section";
import { SelectionSection } from "@/components/dashboard/selection-section";
import { StorytellersSection } from "@/components/dashboard/storytellers-section";
import { FunnelTable } from "@/components/dashboard/funnel-table";
import { WaitingSection } from "@/components/dashboard/waiting-section";
import { WhereSection } from "@/components/dashboard/where-section";
import { WhoSection } from "@/components/dashboard/who-section";
import { PlanSection } from "@/components/dashboard/plan-section";
import { RejectedFilters } from "@/components/data-table/list-view";
import { EvaluationAbout } from "@/components/evaluations/evaluation-about";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { loadDashboard } from "@/lib/dashboard/loaders";
import { loadDashboardMeta } from "@/lib/dashboard/meta-loaders";
import { DASHBOARD_FILTER_KEYS, parseDashboardFilters } from "@/lib/dashboard/schema";
import { loadEvaluationOverview } from "@/lib/evaluations/loaders";
import { PERIOD_FORMAT } from "@/lib/evaluations/format";
import { evaluationPath } from "@/lib/evaluations/paths";
import type { SearchParams } from "@/lib/tables/url-state";

type OverviewPageProps = { params: Promise<{ evaluationId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: OverviewPageProps): Promise<Metadata> {
  const { evaluationId } = await params;
  const evaluation = await loadEvaluationOverview(evaluationId, await getAuthorizedUser());
  const t = await getTranslations();
  // The same title as any missing page, so the title reveals nothing either.
  return { title: evaluation ? t("overview.metaTitle", { name: evaluation.name }) : t("notFound.metaTitle") };
}

/** The evaluation's home: where it stands (the dashboard), then what it is about. */
export default async function EvaluationOverviewPage({ params, searchParams }: OverviewPageProps) {
  const { evaluationId } = await params;
  const base = evaluationPath(evaluationId);
  const user = await requireUser(base);
  const evaluation = await loadEvaluationOverview(evaluationId, user);
  if (!evaluation) notFound();

  const [t, format, parsed] = await Promise.all([
    getTranslations(),
    getFormatter(),
    searchParams.then(parseDashboardFilters),
  ]);
  const [dashboard, meta] = parsed.ok
    ? await Promise.all([
        loadDashboard(evaluationId, user, parsed.filters),
        loadDashboardMeta(evaluationId, user, parsed.filters),
      ])
    : [null, null];
  if (parsed.ok && (!dashboard || !meta)) notFound();

  return (
    <>
      <PageHeader
        before={<Link href="/evaluations">{t("overview.backToList")}</Link>}
        title={evaluation.name}
        description={evaluation.description ?? undefined}
      >
        <dl className="facts facts--inline">
          <div className="facts__item">
            <dt>{t("overview.client")}</dt>
            <dd>{evaluation.client}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("overview.evaluatorOrganisation")}</dt>
            <dd>{evaluation.evaluatorOrganisation}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("overview.period")}</dt>
            <dd>{format.dateTimeRange(evaluation.periodStart, evaluation.periodEnd, PERIOD_FORMAT)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("overview.languages")}</dt>
            <dd>{format.list(evaluation.languages.map((language) => t(`languageNames.${language}`)))}</dd>
          </div>
        </dl>
      </PageHeader>

      {!parsed.ok ? (
        <RejectedFilters
          title={t("dashboard.invalid.title")}
          body={t("dashboard.invalid.body", {
            fields: format.list(parsed.rejected.map((key) => (isFilterKey(key) ? t(`dashboard.filters.${key}`) : key))),
          })}
          resetHref={base}
          resetLabel={t("dashboard.invalid.reset")}
        />
      ) : dashboard && meta ? (
        <>
          <WaitingSection items={dashboard.waiting} />
          <DashboardFilterForm action={base} filters={parsed.filters} choices={dashboard.choices} />
          <FunnelTable
            evaluationId={evaluationId}
            funnel={dashboard.funnel}
            filters={parsed.filters}
            linksToStories={dashboard.scope.linksToStories}
          />
          <FigureDownloads
            evaluationId={evaluationId}
            figure="funnel"
            filters={parsed.filters}
            title={t("dashboard.funnel.title")}
            svg
          />
          <WhoSection who={dashboard.who} exactCounts={dashboard.scope.exactCounts} />
          <FigureDownloads
            evaluationId={evaluationId}
            figure="respondents"
            filters={parsed.filters}
            title={t("dashboard.who.caption")}
          />
          {dashboard.plan ? (
            <>
              <PlanSection plan={dashboard.plan} />
              <FigureDownloads
                evaluationId={evaluationId}
                figure="plan"
                filters={parsed.filters}
                title={t("dashboard.plan.caption")}
                svg
              />
            </>
          ) : null}
          <WhereSection where={dashboard.where} exactCounts={dashboard.scope.exactCounts} />
          <FigureDownloads
            evaluationId={evaluationId}
            figure="states"
            filters={parsed.filters}
            title={t("dashboard.where.caption")}
            svg
          />
          <StorytellersSection evaluationId={evaluationId} view={meta} filters={parsed.filters} />
          <SelectionSection evaluationId={evaluationId} view={meta} filters={parsed.filters} />
          <QuantificationSection evaluationId={evaluationId} view={meta} filters={parsed.filters} />
          <CoverageSection evaluationId={evaluationId} view={meta} filters={parsed.filters} />
        </>
      ) : null}

      <EvaluationAbout evaluation={evaluation} />
    </>
  );
}

function isFilterKey(key: string): key is (typeof DASHBOARD_FILTER_KEYS)[number] {
  return (DASHBOARD_FILTER_KEYS as readonly string[]).includes(key);
}
