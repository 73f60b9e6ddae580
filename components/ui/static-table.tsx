import type { ReactNode } from "react";

type StaticTableProps = {
  /** The caption's id; the scroll region is labelled by it, and tests find tables through it. */
  captionId: string;
  caption: ReactNode;
  /** Column headers in order; `null`/`undefined`/`false` leave out a column the viewer may not see. */
  columns: ReadonlyArray<ReactNode | null | false>;
  /** Tighter rows, for long or secondary tables. */
  compact?: boolean;
  /** Given when there are no rows: the line shown (muted) instead of the table, as in every list. */
  empty?: string | null;
  /** The body rows (`<tr>` elements). */
  children: ReactNode;
};

/**
 * A server-rendered table with no sorting or paging (for those, `components/data-table`).
 * The wrapper scrolls sideways on narrow screens, so it is a focusable, named region that a
 * keyboard user can scroll.
 */
export function StaticTable({ captionId, caption, columns, compact = false, empty, children }: StaticTableProps) {
  if (empty) return <p className="muted">{empty}</p>;
  const shown = columns.filter((column) => column !== null && column !== undefined && column !== false);
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={compact ? "table table--compact" : "table"}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {shown.map((column, index) => (
              // Headers are fixed for a render, so the position is a stable key.
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
