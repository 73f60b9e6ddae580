/**
 * The funnel: its one-sentence summary, a bar chart of stories at each step (all domains), and a
 * table of stories per primary domain and step, each count a link to the stories table filtered to
 * it (when the reader may open it and the filters can follow).
 */
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getLocale } from "@/lib/i18n/locale";
import { StaticTable } from "@/components/ui/static-table";
import { funnelChart } from "@/lib/dashboard/funnel-chart";
import type { DashboardView } from "@/lib/dashboard/loaders";
import type { AppLocale } from "@/lib/i18n/config";
import { runtimeKeys } from "@/lib/i18n/labels";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { ChartImage } from "./chart-image";
import { evaluationPath } from "@/lib/evaluations/paths";
import { Section } from "@/components/ui/section";

type Props = {
  evaluationId: string;
  funnel: DashboardView["funnel"];
  filters: DashboardFilters;
  linksToStories: boolean;
};

/** The stories table's address for a cell; null when the table cannot show exactly those stories. */
function storiesHref(
  evaluationId: string,
  filters: DashboardFilters,
  domainId: string | null | undefined,
  stage?: StoryStage,
): string | null {
  // The stories table filters by domain, stage, change type and state; not by project or period,
  // and not by "no domain yet".
  if (filters.project || filters.from || filters.to || domainId === null) return null;
  const query = new URLSearchParams();
  if (domainId) query.set("domain", domainId);
  if (stage) query.set("stage", stage);
  if (filters.changeType) query.set("changeType", filters.changeType);
  if (filters.state) query.set("state", filters.state);
  const text = query.toString();
  return `${evaluationPath(evaluationId, "stories")}${text ? `?${text}` : ""}`;
}

export async function FunnelTable({ evaluationId, funnel, filters, linksToStories }: Props) {
  const [t, stages, root, format, locale] = await Promise.all([
    getTranslations("dashboard.funnel"),
    getTranslations("tables.stage"),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const cell = (count: number, href: string | null) =>
    linksToStories && href && count > 0 ? <Link href={href}>{format.number(count)}</Link> : format.number(count);
  const chart = funnelChart(funnel, { t: runtimeKeys(root), locale: locale as AppLocale });
  const approvedOnly = funnel.stages.length === 1;
  const filtersBlockLinks = linksToStories && Boolean(filters.project || filters.from || filters.to);

  return (
    <Section id="funnel-title" title={t("title")} description={approvedOnly ? t("approvedOnly") : t("intro")}>
      <p>{chart.summary}</p>
      <ChartImage chart={chart} />
      {filtersBlockLinks ? <p className="muted">{t("noLinks")}</p> : null}
      <StaticTable
        captionId="funnel-caption"
        caption={t("caption", { count: funnel.total })}
        columns={[t("domain"), ...funnel.stages.map((stage) => stages(stage)), t("total")]}
        compact
      >
        {funnel.rows.map((row) => {
          const domainId = row.domain?.id ?? null;
          return (
            <tr key={domainId ?? "none"}>
              <th scope="row">
                {row.domain ? (locale === "es" ? row.domain.nameEs : row.domain.nameEn) : t("noDomain")}
              </th>
              {funnel.stages.map((stage) => (
                <td key={stage} className="numeric">
                  {cell(row.counts[stage] ?? 0, storiesHref(evaluationId, filters, domainId, stage))}
                </td>
              ))}
              <td className="numeric">{cell(row.total, storiesHref(evaluationId, filters, domainId))}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">{t("allDomains")}</th>
          {funnel.stages.map((stage) => (
            <td key={stage} className="numeric">
              {cell(funnel.totals[stage] ?? 0, storiesHref(evaluationId, filters, filters.domain, stage))}
            </td>
          ))}
          <td className="numeric">{cell(funnel.total, storiesHref(evaluationId, filters, filters.domain))}</td>
        </tr>
      </StaticTable>
    </Section>
  );
}
