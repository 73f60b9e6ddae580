/**
 * Quantification (MSC step 8): the magnitude figures of selected and approved stories rolled up
 * by domain, and at-risk-group tags collected against selected. Counts of stories and figures.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { getLocale } from "@/lib/i18n/locale";
import { StaticTable } from "@/components/ui/static-table";
import type { Translate } from "@/lib/dashboard/figure-cells";
import { listedFigure } from "@/lib/dashboard/meta-figures";
import type { DashboardMetaView } from "@/lib/dashboard/meta-loaders";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { FigureDownloads } from "./figure-downloads";
import { runtimeKeys } from "@/lib/i18n/labels";
import { Section } from "@/components/ui/section";

type Props = { evaluationId: string; view: DashboardMetaView; filters: DashboardFilters };

export async function QuantificationSection({ evaluationId, view, filters }: Props) {
  const [t, stories, format, locale] = await Promise.all([
    getTranslations("dashboardMeta"),
    getTranslations("stories"),
    getFormatter(),
    getLocale(),
  ]);
  const n = (value: number) => format.number(value);
  const decimal = (value: string | null) =>
    value === null ? null : format.number(Number(value), { maximumFractionDigits: 4 });
  const words: Translate = (key, values) => runtimeKeys(stories)(key.replace(/^stories\./, ""), values);
  const approvedOnly = view.scope.stages.length === 1;
  const figures = view.magnitudes.reduce((sum, row) => sum + row.figures, 0);
  const collected = view.atRiskTags.reduce((sum, tag) => sum + tag.collected, 0);
  const selected = view.atRiskTags.reduce((sum, tag) => sum + tag.selected, 0);
  const listed = (row: DashboardMetaView["magnitudes"][number]) => {
    if (!row.listed) return null;
    const values = format.list(row.listed.map((item) => listedFigure(item, row.unit, words)));
    const more = row.figures - row.listed.length;
    return t("magnitudes.listed", { values: more > 0 ? `${values} ${t("magnitudes.more", { count: more })}` : values });
  };

  return (
    <>
      <Section id="magnitudes-title" title={t("magnitudes.title")}>
        <p className="muted">
          {approvedOnly ? t("approvedOnly") : null} {t("magnitudes.intro")}
        </p>
        <p>{t("magnitudes.summary", { groups: view.magnitudes.length, figures })}</p>
        <FigureDownloads
          evaluationId={evaluationId}
          figure="magnitudes"
          filters={filters}
          title={t("magnitudes.title")}
        />
        <StaticTable
          captionId="magnitudes-caption"
          caption={t("magnitudes.caption")}
          columns={[
            t("magnitudes.domain"),
            t("magnitudes.label"),
            t("magnitudes.unit"),
            approvedOnly ? null : t("magnitudes.stories"),
            approvedOnly ? null : t("magnitudes.total"),
            t("magnitudes.approvedStories"),
            t("magnitudes.approvedTotal"),
          ]}
          compact
        >
          {view.magnitudes.map((row, index) => (
            <tr key={index}>
              <th scope="row">
                {row.domain ? (locale === "es" ? row.domain.nameEs : row.domain.nameEn) : t("magnitudes.noDomain")}
              </th>
              <td>{row.label}</td>
              <td>{row.unit}</td>
              {approvedOnly ? null : <td className="numeric">{n(row.stories)}</td>}
              {approvedOnly ? null : <td className="numeric">{row.listed ? listed(row) : decimal(row.total)}</td>}
              <td className="numeric">{n(row.approvedStories)}</td>
              <td className="numeric">
                {row.listed ? (approvedOnly ? listed(row) : null) : decimal(row.approvedTotal)}
              </td>
            </tr>
          ))}
        </StaticTable>
      </Section>

      <Section id="at-risk-tags-title" title={t("atRiskTags.title")}>
        <p>{t("atRiskTags.summary", { collected, selected })}</p>
        <FigureDownloads
          evaluationId={evaluationId}
          figure="at-risk-tags"
          filters={filters}
          title={t("atRiskTags.title")}
        />
        <StaticTable
          captionId="at-risk-tags-caption"
          caption={t("atRiskTags.caption")}
          columns={[t("atRiskTags.group"), t("atRiskTags.collected"), t("atRiskTags.selected")]}
          compact
        >
          {view.atRiskTags.map((tag) => (
            <tr key={tag.groupId}>
              <th scope="row">{locale === "es" ? tag.nameEs : tag.nameEn}</th>
              <td className="numeric">{n(tag.collected)}</td>
              <td className="numeric">{n(tag.selected)}</td>
            </tr>
          ))}
        </StaticTable>
      </Section>
    </>
  );
}
