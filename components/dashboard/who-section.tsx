/** Who: respondents by type × gender, and focus-group participants, as the loader let the reader see them. */
import { getFormatter, getTranslations } from "next-intl/server";
import { StaticTable } from "@/components/ui/static-table";
import type { DashboardView } from "@/lib/dashboard/loaders";
import { GENDERS, RESPONDENT_TYPES } from "@/lib/respondents/constants";
import { FigureText } from "./figure";
import { Section } from "@/components/ui/section";

export async function WhoSection({ who, exactCounts }: { who: DashboardView["who"]; exactCounts: boolean }) {
  const [t, dashboard, respondents, format] = await Promise.all([
    getTranslations("dashboard.who"),
    getTranslations("dashboard"),
    getTranslations("respondents"),
    getFormatter(),
  ]);
  const number = (value: number) => format.number(value);
  const figure = (value: DashboardView["who"]["cells"][string][string]) => (
    <FigureText value={value} format={number} underFiveLabel={dashboard("smallCell")} />
  );
  const total = (value: number | null) => (value === null ? null : number(value));

  return (
    <Section id="who-title" title={t("title")}>
      <p>
        {who.total === null
          ? t("summaryHidden")
          : t("summary", { total: who.total, women: who.genderTotals.WOMAN ?? 0 })}
      </p>
      {exactCounts ? null : <p className="muted">{dashboard("smallCellNote")}</p>}
      <StaticTable
        captionId="who-caption"
        caption={t("caption")}
        columns={[
          t("type"),
          ...GENDERS.map((gender) => respondents(`genders.${gender}`)),
          exactCounts ? t("total") : null,
        ]}
        compact
      >
        {RESPONDENT_TYPES.map((type) => (
          <tr key={type}>
            <th scope="row">{respondents(`types.${type}`)}</th>
            {GENDERS.map((gender) => (
              <td key={gender} className="numeric">
                {figure(who.cells[type]![gender]!)}
              </td>
            ))}
            {exactCounts ? <td className="numeric">{total(who.typeTotals[type] ?? null)}</td> : null}
          </tr>
        ))}
        {exactCounts ? (
          <tr>
            <th scope="row">{t("total")}</th>
            {GENDERS.map((gender) => (
              <td key={gender} className="numeric">
                {total(who.genderTotals[gender] ?? null)}
              </td>
            ))}
            <td className="numeric">{total(who.total)}</td>
          </tr>
        ) : null}
      </StaticTable>

      <h3 id="focus-groups-title">{t("focusGroups")}</h3>
      <dl className="facts facts--inline" aria-labelledby="focus-groups-title">
        <div className="facts__item">
          <dt>{t("known")}</dt>
          <dd>{figure(who.focusGroups.known)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("anonymous")}</dt>
          <dd>{figure(who.focusGroups.anonymous)}</dd>
        </div>
        {who.focusGroups.total === null ? null : (
          <div className="facts__item">
            <dt>{t("allParticipants")}</dt>
            <dd>{figure(who.focusGroups.total)}</dd>
          </div>
        )}
      </dl>
    </Section>
  );
}
