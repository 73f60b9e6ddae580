/**
 * Stories × source types with the stances found, as a table: row headers are the stories, column
 * headers the source types; each symbol has its stance's name for screen readers.
 */
import Link from "next/link";
import type { getTranslations } from "next-intl/server";
import type { MatrixRow } from "@/lib/triangulation/data";
import { SOURCE_TYPES, STANCES } from "@/lib/triangulation/types";
import styles from "./triangulation.module.css";
import { StageBadge } from "@/components/stories/stage-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";

type T = Awaited<ReturnType<typeof getTranslations<"triangulation">>>;

export const STANCE_SYMBOLS = { SUPPORTS: "✓", CONTRADICTS: "✗", MIXED: "±" } as const;

export function MatrixTable({
  rows,
  caption,
  storyHref,
  stageName,
  t,
}: {
  rows: MatrixRow[];
  caption: string;
  storyHref: (id: string) => string;
  stageName: (stage: string) => string;
  t: T;
}) {
  return (
    <ScrollRegion labelledBy="triangulation-matrix-caption">
      <table className={["table", styles.matrix].join(" ")}>
        <caption id="triangulation-matrix-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("matrix.story")}</th>
            <th scope="col">{t("matrix.stage")}</th>
            {SOURCE_TYPES.map((type) => (
              <th key={type} scope="col">
                {t(`sourceTypes.${type}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link href={storyHref(row.id)}>
                  <span className="code">{row.code}</span> {row.title}
                </Link>
              </th>
              <td>
                <StageBadge stage={row.stage} name={stageName(row.stage)} />
              </td>
              {SOURCE_TYPES.map((type) => {
                const cell = row.cells[type];
                const parts = STANCES.filter((stance) => cell?.[stance]);
                return (
                  <td key={type}>
                    {parts.length === 0 ? (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t("matrix.noEvidence")}</span>
                      </>
                    ) : (
                      parts.map((stance) => (
                        <span key={stance} className={styles.cellPart}>
                          <span aria-hidden="true">
                            <span className={styles.symbol}>{STANCE_SYMBOLS[stance]}</span>
                            {cell![stance]}
                          </span>
                          <span className="visually-hidden">
                            {t("matrix.cellCount", { stance: t(`stances.${stance}`), count: cell![stance]! })}
                          </span>
                        </span>
                      ))
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
