import { getTranslations } from "next-intl/server";
import { StaticTable } from "@/components/ui/static-table";
import { runtimeKeys } from "@/lib/i18n/labels";
import type { SampleRuleView } from "@/lib/validation/sample-data";

/**
 * Whom the sample was drawn from, said in a sentence, how many came from beyond the rule, and the
 * sample per stratum against the eligible respondents the draw saw (decision 0043).
 */
export async function SampleRuleCoverage({ view }: { view: SampleRuleView }) {
  const [t, tr] = await Promise.all([
    getTranslations("respondentValidation.sampleRule"),
    getTranslations("respondents"),
  ]);
  // A stratum's type and gender are stored codes; the message tests check their labels exist.
  const label = runtimeKeys(tr);
  if (!view.drawn) return <p>{t("notDrawn", { rule: t(`rules.${view.rule}`) })}</p>;
  return (
    <>
      <p>{t(`drawnFrom.${view.rule}`)}</p>
      {view.beyondRule > 0 ? <p>{t("beyondRule", { count: view.beyondRule, matching: view.matching })}</p> : null}
      <StaticTable
        captionId="sample-strata"
        caption={t("coverageCaption")}
        compact
        columns={(["stratum", "matching", "eligible", "sample"] as const).map((column) => t(`columns.${column}`))}
      >
        {view.strata.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              {[
                label(`types.${row.type}`),
                row.countryCode ? `${row.state} (${row.countryCode})` : row.state,
                label(`genders.${row.gender}`),
              ].join(", ")}
            </th>
            <td>{row.matching}</td>
            <td>{row.eligible}</td>
            <td>{row.sample}</td>
          </tr>
        ))}
      </StaticTable>
    </>
  );
}
