import { getTranslations } from "next-intl/server";
import type { CoverageRow } from "@/lib/validation/sampling";
import styles from "./validation.module.css";

/** Sample vs all respondents, by type, state and gender: counts and percentages. */
export async function CoverageTables({ coverage }: { coverage: Record<"type" | "state" | "gender", CoverageRow[]> }) {
  const [t, tr] = await Promise.all([getTranslations("respondentValidation.round"), getTranslations("respondents")]);
  const label = (attribute: "type" | "state" | "gender", value: string) =>
    attribute === "type" ? tr(`types.${value}` as never) : attribute === "gender" ? tr(`genders.${value}` as never) : value;
  return (
    <div className={styles.coverage}>
      {(["type", "state", "gender"] as const).map((attribute) => (
        <div key={attribute} className="table-scroll" role="region" aria-labelledby={`coverage-${attribute}`} tabIndex={0}>
          <table className="table table--compact">
            <caption id={`coverage-${attribute}`}>{t(`coverageBy.${attribute}`)}</caption>
            <thead>
              <tr>
                {(["value", "sample", "samplePercent", "all", "allPercent"] as const).map((column) => (
                  <th key={column} scope="col">{t(`coverageColumns.${column}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {coverage[attribute].map((row) => (
                <tr key={row.value}>
                  <th scope="row">{label(attribute, row.value)}</th>
                  <td>{row.sample}</td>
                  <td>{row.samplePercent} %</td>
                  <td>{row.all}</td>
                  <td>{row.allPercent} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
