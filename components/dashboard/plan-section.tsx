/**
 * Interview coverage against the plan: a one-sentence summary, the chart (ChartImage: the same
 * SVG as its download; the table carries every figure), and per state or region what was planned, what was held, the gap and its status in words.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { StaticTable } from "@/components/ui/static-table";
import { STATUS_KEYS } from "@/lib/dashboard/figures";
import { runtimeKeys } from "@/lib/i18n/labels";
import type { PlanView } from "@/lib/dashboard/coverage-plan";
import { planChart, planChartWords, planSummary } from "@/lib/dashboard/plan-chart";
import { ChartImage } from "./chart-image";
import { FigureText } from "./figure";
import { Section } from "@/components/ui/section";

export async function PlanSection({ plan }: { plan: PlanView }) {
  const [t, dashboard, format] = await Promise.all([
    getTranslations("dashboard.plan"),
    getTranslations("dashboard"),
    getFormatter(),
  ]);
  const inDashboard = runtimeKeys(dashboard);
  const translate = (key: string, values?: Record<string, string | number>) =>
    inDashboard(key.replace(/^dashboard\./, ""), values);
  const number = (value: number) => format.number(value);
  const summary = planSummary(plan, translate);
  const figure = (value: PlanView["rows"][number]["doneInterviews"]) => (
    <FigureText value={value} format={number} underFiveLabel={dashboard("smallCell")} />
  );
  const gap = (value: number | null) => (value === null ? null : number(value));
  const name = (row: PlanView["rows"][number]) => (row.countryCode ? `${row.name} (${row.countryCode})` : row.name);
  const chart = planChart(plan.rows, planChartWords(translate, number, summary));

  return (
    <Section id="plan-title" title={t("title")}>
      {plan.hasPlan ? <p id="plan-summary">{summary}</p> : <p>{t("none")}</p>}
      <p className="muted">{t("filtersNote")}</p>
      {plan.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <ChartImage chart={chart} />
          <StaticTable
            captionId="plan-caption"
            caption={t("caption")}
            columns={[
              t("region"),
              t("plannedInterviews"),
              t("doneInterviews"),
              t("interviewGap"),
              t("plannedFocusGroups"),
              t("doneFocusGroups"),
              t("focusGroupGap"),
              t("status"),
            ]}
            compact
          >
            {plan.rows.map((row) => (
              <tr key={row.region}>
                <th scope="row">{name(row)}</th>
                <td className="numeric">{number(row.plannedInterviews)}</td>
                <td className="numeric">{figure(row.doneInterviews)}</td>
                <td className="numeric">{gap(row.interviewGap)}</td>
                <td className="numeric">{number(row.plannedFocusGroups)}</td>
                <td className="numeric">{figure(row.doneFocusGroups)}</td>
                <td className="numeric">{gap(row.focusGroupGap)}</td>
                <td>{row.status ? t(STATUS_KEYS[row.status]) : null}</td>
              </tr>
            ))}
          </StaticTable>
        </>
      )}
    </Section>
  );
}
