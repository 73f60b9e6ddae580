import { getTranslations } from "next-intl/server";
import type { CoverageRow } from "@/lib/validation/sampling";
import styles from "./validation.module.css";

/** Sample vs all respondents, by type, state and gender: counts and percentages. */
export async function CoverageTables({ coverage }: { coverage: Record<"type" | "state" | "gender", CoverageRow[]> }) {
  const t = await getTranslations("respondentValidation.round");
  return (
    <div className={styles.coverage}>
      {(["type", "state", "gender"] as const).map((attribute) => (
        <div key={attribute} className="table-scroll">
          <table className="table table--compact">
            <caption>{t(`coverageBy.${attribute}`)}</caption>
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
                  <th scope="row">{row.value}</th>
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
