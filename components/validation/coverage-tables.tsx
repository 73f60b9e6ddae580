import { getTranslations } from "next-intl/server";
import { StaticTable } from "@/components/ui/static-table";
import type { Gender, RespondentType } from "@/lib/generated/prisma/enums";
import { GENDERS, RESPONDENT_TYPES } from "@/lib/respondents/constants";
import type { CoverageRow } from "@/lib/validation/sampling";
import styles from "./validation.module.css";

/** Sample vs all respondents, by type, state and gender: counts and percentages. */
export async function CoverageTables({ coverage }: { coverage: Record<"type" | "state" | "gender", CoverageRow[]> }) {
  const [t, tr] = await Promise.all([getTranslations("respondentValidation.round"), getTranslations("respondents")]);
  // The SQL counts come back as text: a value outside the closed lists is shown as it is.
  const isType = (value: string): value is RespondentType => (RESPONDENT_TYPES as readonly string[]).includes(value);
  const isGender = (value: string): value is Gender => (GENDERS as readonly string[]).includes(value);
  const label = (attribute: "type" | "state" | "gender", value: string) =>
    attribute === "type" && isType(value)
      ? tr(`types.${value}`)
      : attribute === "gender" && isGender(value)
        ? tr(`genders.${value}`)
        : value;
  return (
    <div className={styles.coverage}>
      {(["type", "state", "gender"] as const).map((attribute) => (
        <StaticTable
          key={attribute}
          captionId={`coverage-${attribute}`}
          caption={t(`coverageBy.${attribute}`)}
          compact
          columns={(["value", "sample", "samplePercent", "all", "allPercent"] as const).map((column) =>
            t(`coverageColumns.${column}`),
          )}
        >
          {coverage[attribute].map((row) => (
            <tr key={row.value}>
              <th scope="row">{label(attribute, row.value)}</th>
              <td>{row.sample}</td>
              <td>{row.samplePercent} %</td>
              <td>{row.all}</td>
              <td>{row.allPercent} %</td>
            </tr>
          ))}
        </StaticTable>
      ))}
    </div>
  );
}
