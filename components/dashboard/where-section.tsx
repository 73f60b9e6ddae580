/**
 * Where: a one-sentence summary, the map of stories per state (with the plan's mark), and the
 * figures per state in a table, the plan's mark in words.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { getLocale } from "@/lib/i18n/locale";
import { StaticTable } from "@/components/ui/static-table";
import type { DashboardView } from "@/lib/dashboard/loaders";
import { mapSummary } from "@/lib/dashboard/map";
import type { AppLocale } from "@/lib/i18n/config";
import { runtimeKeys } from "@/lib/i18n/labels";
import { FigureText } from "./figure";
import { MexicoMap } from "./mexico-map";
import { Section } from "@/components/ui/section";

type Props = { where: DashboardView["where"]; exactCounts: boolean };

export async function WhereSection({ where, exactCounts }: Props) {
  const [t, dashboard, root, format, locale] = await Promise.all([
    getTranslations("dashboard.where"),
    getTranslations("dashboard"),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const number = (value: number | null) => (value === null ? null : format.number(value));
  const figure = (value: DashboardView["where"]["elsewhere"]["interviews"]) => (
    <FigureText value={value} format={(value) => format.number(value)} underFiveLabel={dashboard("smallCell")} />
  );
  const summary = mapSummary(where.states, exactCounts, { t: runtimeKeys(root), locale: locale as AppLocale });
  const showsParticipants = where.states.some((state) => state.participants !== null);
  const showsPlan = where.states.some((state) => state.plan !== null);
  const columns = [
    t("state"),
    t("stories"),
    t("interviews"),
    showsParticipants ? t("participants") : null,
    showsPlan ? t("planColumn") : null,
  ];

  return (
    <Section id="where-title" title={t("title")}>
      <p id="where-summary">{summary}</p>
      <div className="map-grid">
        <MexicoMap states={where.states} summaryId="where-summary" />
        <div>
          <StaticTable captionId="where-caption" caption={t("caption")} columns={columns} compact>
            {where.states.map((state) => (
              <tr key={state.iso}>
                <th scope="row">{state.name}</th>
                <td className="numeric">{number(state.stories)}</td>
                <td className="numeric">{figure(state.interviews)}</td>
                {showsParticipants ? <td className="numeric">{number(state.participants)}</td> : null}
                {showsPlan ? <td>{state.plan ? t(`planMark.${state.plan}`) : null}</td> : null}
              </tr>
            ))}
            <tr>
              <th scope="row">{t("elsewhere")}</th>
              <td className="numeric">{number(where.elsewhere.stories)}</td>
              <td className="numeric">{figure(where.elsewhere.interviews)}</td>
              {showsParticipants ? <td className="numeric">{number(where.elsewhere.participants)}</td> : null}
              {showsPlan ? <td /> : null}
            </tr>
          </StaticTable>
          <p className="muted">{t("storiesNote")}</p>
        </div>
      </div>
      {where.abroad.length > 0 ? (
        <>
          <h3 id="where-abroad-title">{t("abroadTitle")}</h3>
          <p className="muted">{t("abroadNote")}</p>
          <StaticTable
            captionId="where-abroad-caption"
            caption={t("abroadCaption")}
            columns={[
              t("country"),
              t("region"),
              t("stories"),
              t("interviews"),
              showsParticipants ? t("participants") : null,
            ]}
            compact
          >
            {where.abroad.map((region) => (
              <tr key={`${region.countryCode}:${region.name}`}>
                <td>{locale === "es" ? region.countryEs : region.countryEn}</td>
                <th scope="row">{region.name}</th>
                <td className="numeric">{number(region.stories)}</td>
                <td className="numeric">{figure(region.interviews)}</td>
                {showsParticipants ? <td className="numeric">{number(region.participants)}</td> : null}
              </tr>
            ))}
          </StaticTable>
        </>
      ) : null}
    </Section>
  );
}
