/**
 * Feedback and validation coverage: candidates of decided rounds whose storytellers have feedback
 * recorded (MSC step 6), and validation respondents reached against the sample drawn, by stratum.
 * Strata are counts of respondents: "< 5" and no round totals for readers without exact counts.
 * A round with more strata than fit at a glance shows those with the most people still to reach;
 * the download has every stratum (strata-on-page.ts).
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { StaticTable } from "@/components/ui/static-table";
import type { Translate } from "@/lib/dashboard/figure-cells";
import { stratumName } from "@/lib/dashboard/meta-figures";
import { strataOnPage } from "@/lib/dashboard/strata-on-page";
import type { DashboardMetaView } from "@/lib/dashboard/meta-loaders";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { FigureDownloads } from "./figure-downloads";
import { FigureText } from "./figure";
import { runtimeKeys } from "@/lib/i18n/labels";
import { Section } from "@/components/ui/section";

type Props = { evaluationId: string; view: DashboardMetaView; filters: DashboardFilters };

export async function CoverageSection({ evaluationId, view, filters }: Props) {
  const [t, all, format] = await Promise.all([getTranslations("dashboardMeta"), getTranslations(), getFormatter()]);
  const n = (value: number) => format.number(value);
  const words: Translate = runtimeKeys(all);
  const figure = (value: DashboardMetaView["validation"]["strata"][number]["drawn"]) => (
    <FigureText value={value} format={n} underFiveLabel={all("dashboard.smallCell")} />
  );
  const { feedback, validation } = view;
  const totals = new Map(validation.totals.map((round) => [round.roundId, round]));
  const roundIds = [...new Set(validation.strata.map((row) => row.roundId))];

  return (
    <>
      <Section id="feedback-title" title={t("feedback.title")}>
        <p>{t("feedback.summary", { candidates: feedback.candidates, withFeedback: feedback.withFeedback })}</p>
        <FigureDownloads evaluationId={evaluationId} figure="feedback" filters={filters} title={t("feedback.title")} />
        <StaticTable
          captionId="feedback-caption"
          caption={t("feedback.caption")}
          columns={[
            t("feedback.round"),
            t("feedback.candidates"),
            t("feedback.withFeedback"),
            t("feedback.withStorytellers"),
          ]}
          compact
        >
          {feedback.rounds.map((round) => (
            <tr key={round.roundId}>
              <th scope="row">{round.roundName}</th>
              <td className="numeric">{n(round.candidates)}</td>
              <td className="numeric">{n(round.withFeedback)}</td>
              <td className="numeric">{n(round.withStorytellers)}</td>
            </tr>
          ))}
        </StaticTable>
      </Section>

      <Section id="validation-coverage-title" title={t("validation.title")}>
        <p>{t("validation.summary", { rounds: roundIds.length })}</p>
        <p className="muted">{t("validation.note")}</p>
        {view.scope.exactCounts ? null : <p className="muted">{all("dashboard.smallCellNote")}</p>}
        <FigureDownloads
          evaluationId={evaluationId}
          figure="validation"
          filters={filters}
          title={t("validation.title")}
        />
        <StaticTable
          captionId="validation-coverage-caption"
          caption={t("validation.caption")}
          columns={[t("validation.round"), t("validation.stratum"), t("validation.drawn"), t("validation.reached")]}
          compact
        >
          {roundIds.flatMap((roundId) => {
            const strata = validation.strata.filter((row) => row.roundId === roundId);
            const { shown, byUnreached } = strataOnPage(strata);
            const total = totals.get(roundId);
            return [
              ...shown.map((row, index) => (
                <tr key={`${roundId}-${index}`}>
                  <th scope="row">{row.roundName}</th>
                  <td>{stratumName(row.stratum, words)}</td>
                  <td className="numeric">{figure(row.drawn)}</td>
                  <td className="numeric">{figure(row.reached)}</td>
                </tr>
              )),
              shown.length < strata.length ? (
                <tr key={`${roundId}-more`}>
                  <th scope="row">{strata[0]!.roundName}</th>
                  <td colSpan={3} className="muted">
                    {t(byUnreached ? "validation.strataByUnreached" : "validation.strataByName", {
                      shown: shown.length,
                      all: strata.length,
                    })}
                  </td>
                </tr>
              ) : null,
              total && total.drawn !== null && total.reached !== null ? (
                <tr key={`${roundId}-total`}>
                  <th scope="row">{total.roundName}</th>
                  <td>{t("validation.roundTotal")}</td>
                  <td className="numeric">{n(total.drawn)}</td>
                  <td className="numeric">{n(total.reached)}</td>
                </tr>
              ) : null,
            ];
          })}
        </StaticTable>
      </Section>
    </>
  );
}
