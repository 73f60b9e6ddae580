/**
 * Which of a validation round's strata the dashboard shows: all of them while they fit at a glance,
 * otherwise those with the most sampled people still to reach, which are what a lead acts on. The
 * figure's download (CSV/XLSX) always has every stratum. Readers without exact counts get the
 * first strata by name instead: an order by people still to reach would rank cells shown as "< 5".
 */

/** A round's strata on the page at most; a real sample (91 people over type, state and gender) fits. */
export const STRATA_ON_PAGE = 50;

export type StratumOnPage = {
  /** Sampled people not yet reached; null for readers without exact counts. */
  unreached: number | null;
};

export function strataOnPage<T extends StratumOnPage>(strata: readonly T[], limit = STRATA_ON_PAGE) {
  if (strata.length <= limit) return { shown: [...strata], byUnreached: false };
  const ranked = strata.every((row) => row.unreached !== null);
  const order = ranked
    ? strata
        .map((row, position) => ({ row, position }))
        .sort((a, b) => b.row.unreached! - a.row.unreached! || a.position - b.position)
        .map(({ row }) => row)
    : strata;
  return { shown: order.slice(0, limit), byUnreached: ranked };
}
