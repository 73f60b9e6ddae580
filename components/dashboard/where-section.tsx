/** Where: a one-sentence summary, the map of stories per state, and the figures per state in a table. */
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StaticTable } from "@/components/ui/static-table";
import type { DashboardView } from "@/lib/dashboard/loaders";
import { FigureText } from "./figure";
import { MexicoMap } from "./mexico-map";

export async function WhereSection({ where }: { where: DashboardView["where"] }) {
  const [t, dashboard, format, locale] = await Promise.all([
    getTranslations("dashboard.where"),
    getTranslations("dashboard"),
    getFormatter(),
    getLocale(),
  ]);
  const number = (value: number | null) => (value === null ? null : format.number(value));
  const figure = (value: DashboardView["where"]["elsewhere"]["interviews"]) => (
    <FigureText value={value} format={(value) => format.number(value)} underFiveLabel={dashboard("smallCell")} />
  );
  const reached = where.states.filter((state) => state.stories > 0);
  const topCount = Math.max(0, ...reached.map((state) => state.stories));
  // Every state with the most stories, so a tie is not reported as one state.
  const top = format.list(reached.filter((state) => state.stories === topCount).map((state) => state.name));
  const showsParticipants = where.states.some((state) => state.participants !== null);
  const columns = [t("state"), t("stories"), t("interviews"), showsParticipants ? t("participants") : null];

  return (
    <section className="section" aria-labelledby="where-title">
      <h2 id="where-title">{t("title")}</h2>
      <p id="where-summary">{t("summary", { reached: reached.length, top, topCount })}</p>
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
              </tr>
            ))}
            <tr>
              <th scope="row">{t("elsewhere")}</th>
              <td className="numeric">{number(where.elsewhere.stories)}</td>
              <td className="numeric">{figure(where.elsewhere.interviews)}</td>
              {showsParticipants ? <td className="numeric">{number(where.elsewhere.participants)}</td> : null}
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
    </section>
  );
}
