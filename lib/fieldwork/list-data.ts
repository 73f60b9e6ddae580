/**
 * What the interview and focus-group tables share: the filters every fieldwork list offers (the
 * state of the record's place and a span of days) and the two queries of a page. Each list's SQL
 * names its record table `r`, so these conditions fit both.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { inRegion } from "@/lib/places/region-sql";
import { countOf, pagedList, type ListPage } from "@/lib/tables/paging";

type RecordFilters = { state?: string; from?: string; to?: string };

/** The evaluation, then the place's state and the days, on the record table `r`; `own` go between. */
export function recordWhere(evaluationId: string, filters: RecordFilters, own: Prisma.Sql[] = []): Prisma.Sql {
  const conditions = [Prisma.sql`r.evaluation_id = ${evaluationId}`, ...own];
  if (filters.state) {
    conditions.push(
      Prisma.sql`r.place_id IN (SELECT p.id FROM place p WHERE p.evaluation_id = ${evaluationId} AND ${inRegion("p", filters.state)})`,
    );
  }
  if (filters.from) conditions.push(Prisma.sql`r.date >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`r.date <= ${filters.to}::date`);
  return Prisma.join(conditions, " AND ");
}

/**
 * One page of a fieldwork table: the rows of `rowsSql` and the count of `table` (the record
 * table as `r`) under `where`, run together.
 */
export function listRecords<Row>(
  request: { page: number; pageSize: number },
  table: Prisma.Sql,
  where: Prisma.Sql,
  rowsSql: (offset: number, limit: number) => Prisma.Sql,
): Promise<ListPage<Row>> {
  const rowsAt = (offset: number, limit: number) => db().$queryRaw<Row[]>(rowsSql(offset, limit));
  const count = async () =>
    countOf(await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM ${table} WHERE ${where}`);
  return pagedList(request, rowsAt, count);
}
