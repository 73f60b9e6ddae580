/** Where: a one-sentence summary, the map of stories per state, and the figures per state in a table. */
import { getFormatter, getTranslations } from "next-intl/server";
import { StaticTable } from "@/components/ui/static-table";
import type { DashboardView } from "@/lib/dashboard/loaders";
import { MexicoMap } from "./mexico-map";

export async function WhereSection({ where }: { where: DashboardView["where"] }) {
  const [t, format] = await Promise.all([getTranslations("dashboard.where"), getFormatter()]);
  const number = (value: number | null) => (value === null ? null : format.number(value));
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
                <td className="numeric">{number(state.interviews)}</td>
                {showsParticipants ? <td className="numeric">{number(state.participants)}</td> : null}
              </tr>
            ))}
            <tr>
              <th scope="row">{t("elsewhere")}</th>
              <td className="numeric">{number(where.elsewhere.stories)}</td>
              <td className="numeric">{number(where.elsewhere.interviews)}</td>
              {showsParticipants ? <td className="numeric">{number(where.elsewhere.participants)}</td> : null}
            </tr>
          </StaticTable>
          <p className="muted">{t("storiesNote")}</p>
        </div>
      </div>
    </section>
  );
}
