/**
 * Server-side paging shared by the list loaders: ORDER BY from a fixed map of SQL fragments (the
 * URL only picks a key), a stable tie-breaker, and the page and total fetched in parallel.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { SortState } from "./url-state";

export type ListPage<Row> = {
  rows: Row[];
  /** All rows matching the filters. */
  total: number;
  /** The page shown (a page past the end shows the last one). */
  page: number;
  pageSize: number;
  pageCount: number;
};

const ASC = Prisma.sql`ASC`;
const DESC = Prisma.sql`DESC`;

/**
 * `ORDER BY <column> <dir>, <tieBreaker> <dir>`. PostgreSQL's default null placement is kept so
 * that a backward index scan can serve a descending sort.
 */
export function orderBy(
  columns: Readonly<Record<string, Prisma.Sql>>,
  sort: SortState,
  tieBreaker: Prisma.Sql,
): Prisma.Sql {
  const column = columns[sort.id];
  if (!column) throw new Error(`orderBy: no SQL for sort "${sort.id}"`);
  const direction = sort.desc ? DESC : ASC;
  return Prisma.sql`ORDER BY ${column} ${direction}, ${tieBreaker} ${direction}`;
}

export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * One page and the total, queried at the same time. When the asked page is past the end (a stale
 * bookmark), the last page is fetched instead.
 */
export async function pagedList<Row>(
  request: { page: number; pageSize: number },
  rowsAt: (offset: number, limit: number) => Promise<Row[]>,
  count: () => Promise<number>,
): Promise<ListPage<Row>> {
  const { pageSize } = request;
  const [rows, total] = await Promise.all([rowsAt((request.page - 1) * pageSize, pageSize), count()]);
  const pageCount = pageCountOf(total, pageSize);
  if (request.page > pageCount) {
    const last = total === 0 ? [] : await rowsAt((pageCount - 1) * pageSize, pageSize);
    return { rows: last, total, page: pageCount, pageSize, pageCount };
  }
  return { rows, total, page: request.page, pageSize, pageCount };
}

/**
 * Like pagedList, for queries that return the total with every row (a search counts the matches it
 * has already collected): the count query runs only when the page came back empty.
 */
export async function pagedWithTotal<Row>(
  request: { page: number; pageSize: number },
  rowsAt: (offset: number, limit: number) => Promise<Array<Row & { total: number }>>,
  count: () => Promise<number>,
): Promise<ListPage<Row>> {
  const { pageSize } = request;
  const strip = (rows: Array<Row & { total: number }>): Row[] =>
    rows.map(({ total: _total, ...row }) => row as unknown as Row);
  const rows = await rowsAt((request.page - 1) * pageSize, pageSize);
  if (rows.length > 0) {
    const total = Number(rows[0]!.total);
    return { rows: strip(rows), total, page: request.page, pageSize, pageCount: pageCountOf(total, pageSize) };
  }
  const total = await count();
  const pageCount = pageCountOf(total, pageSize);
  if (total === 0 || request.page <= pageCount)
    return { rows: [], total, page: Math.min(request.page, pageCount), pageSize, pageCount };
  return {
    rows: strip(await rowsAt((pageCount - 1) * pageSize, pageSize)),
    total,
    page: pageCount,
    pageSize,
    pageCount,
  };
}

/** `count(*)` as a JavaScript number. */
export function countOf(rows: Array<{ total: number | bigint }>): number {
  return Number(rows[0]?.total ?? 0);
}
