/**
 * Whose stories get selected: the selection rate per storyteller type and gender as a chart, then
 * stories told, selected and approved by storyteller type, gender, state and at-risk group, each a
 * table with its caption, as the loader let the reader see them.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { getLocale } from "@/lib/i18n/locale";
import { StaticTable } from "@/components/ui/static-table";
import type { DashboardMetaView, StorytellerGroup } from "@/lib/dashboard/meta-loaders";
import { UNDER_5 } from "@/lib/dashboard/policy";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import type { StorytellerDimension } from "@/lib/dashboard/meta-data";
import { selectionRateChart } from "@/lib/dashboard/rate-chart";
import type { AppLocale } from "@/lib/i18n/config";
import { ChartImage } from "./chart-image";
import { FigureDownloads } from "./figure-downloads";
import { FigureText } from "./figure";
import { isOneOf, runtimeKeys } from "@/lib/i18n/labels";
import { GENDERS, RESPONDENT_TYPES } from "@/lib/respondents/constants";
import { Section } from "@/components/ui/section";

type Props = { evaluationId: string; view: DashboardMetaView; filters: DashboardFilters };
const DIMENSIONS: StorytellerDimension[] = ["type", "gender", "state", "atRisk"];

export async function StorytellersSection({ evaluationId, view, filters }: Props) {
  const [t, dashboard, respondents, root, format, locale] = await Promise.all([
    getTranslations("dashboardMeta.storytellers"),
    getTranslations("dashboard"),
    getTranslations("respondents"),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const approvedOnly = view.scope.stages.length === 1;
  const figure = (value: StorytellerGroup["told"]) => (
    <FigureText value={value} format={(n) => format.number(n)} underFiveLabel={dashboard("smallCell")} />
  );
  const name = (dimension: StorytellerDimension, group: StorytellerGroup) => {
    if (dimension === "type")
      return isOneOf(RESPONDENT_TYPES, group.key) ? respondents(`types.${group.key}`) : group.key;
    if (dimension === "gender") return isOneOf(GENDERS, group.key) ? respondents(`genders.${group.key}`) : group.key;
    if (dimension === "atRisk") return locale === "es" ? group.name?.es : group.name?.en;
    return group.key;
  };
  // The summary counts over the type table: every storyteller has exactly one type.
  const types = view.storytellers.type;
  const sum = (key: "told" | "selected" | "approved") =>
    types.reduce(
      (total, group) => (group[key] === UNDER_5 || total === null ? null : total + group[key]),
      0 as number | null,
    );
  const told = sum("told");
  const hidden = told === null;
  // Readers of approved outcomes see no decisions: no rate, so no chart.
  const rates = selectionRateChart(view, { t: runtimeKeys(root), locale: locale as AppLocale });

  return (
    <Section
      id="storytellers-title"
      title={t("title")}
      description={approvedOnly ? dashboard("funnel.approvedOnly") : t("intro")}
    >
      <p>
        {hidden
          ? t("summaryHidden")
          : t("summary", { told: told, selected: sum("selected") ?? 0, approved: sum("approved") ?? 0 })}
      </p>
      {view.scope.exactCounts ? null : <p className="muted">{dashboard("smallCellNote")}</p>}
      <FigureDownloads
        evaluationId={evaluationId}
        figure="storytellers"
        filters={filters}
        title={t("title")}
        svg={!approvedOnly}
      />
      {approvedOnly ? null : (
        <>
          <p>{rates.summary}</p>
          <ChartImage chart={rates} />
        </>
      )}
      {DIMENSIONS.map((dimension) => {
        const groups = view.storytellers[dimension];
        const captionId = `storytellers-${dimension}-caption`;
        if (groups.length === 0)
          return (
            <p key={dimension} className="muted">
              {t("noGroups")}
            </p>
          );
        return (
          <StaticTable
            key={dimension}
            captionId={captionId}
            caption={t("caption", { dimension: t(`dimensions.${dimension}`) })}
            columns={[
              t("group"),
              t("storytellers"),
              t("told"),
              approvedOnly ? null : t("selected"),
              approvedOnly ? null : t("notSelected"),
              t("approved"),
              approvedOnly ? null : t("rate"),
            ]}
            compact
          >
            {groups.map((group) => (
              <tr key={group.key}>
                <th scope="row">{name(dimension, group)}</th>
                <td className="numeric">{figure(group.storytellers)}</td>
                <td className="numeric">{figure(group.told)}</td>
                {approvedOnly ? null : <td className="numeric">{figure(group.selected)}</td>}
                {approvedOnly ? null : <td className="numeric">{figure(group.notSelected)}</td>}
                <td className="numeric">{figure(group.approved)}</td>
                {approvedOnly ? null : (
                  <td className="numeric">
                    {group.rate === null
                      ? t("noRate")
                      : format.number(group.rate, { style: "percent", maximumFractionDigits: 0 })}
                  </td>
                )}
              </tr>
            ))}
          </StaticTable>
        );
      })}
    </Section>
  );
}
