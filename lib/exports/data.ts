/**
 * Every row of a list's query, read through a PostgreSQL cursor in batches: the query is the
 * list's own (its filters, sort and read rule), run once, so rows are neither skipped nor repeated
 * while people keep editing, and no batch re-scans the rows before it as OFFSET paging would.
 */
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const EXPORT_BATCH_SIZE = 1000;

/** A download of 100,000 rows to a slow laptop may take minutes; the cursor's transaction must outlive it. */
const CURSOR_TRANSACTION = { maxWait: 10_000, timeout: 30 * 60_000 } as const;

/**
 * Calls `sink` with each batch of `query`'s rows, in the query's order, one at a time. The
 * transaction is read-only and repeatable-read: one snapshot for the file.
 */
export async function forEachBatch<Row>(query: Prisma.Sql, sink: (rows: Row[]) => Promise<void>): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`;
    await tx.$executeRaw`DECLARE export_rows NO SCROLL CURSOR FOR ${query}`;
    // The batch size is a constant of this file (FETCH takes no parameters).
    const fetchBatch = () => tx.$queryRaw<Row[]>`FETCH FORWARD 1000 FROM export_rows`;
    // The next batch is fetched while this one is written: at most two batches in memory.
    let next: Promise<Row[]> | null = fetchBatch();
    try {
      while (next) {
        const rows: Row[] = await next;
        next = rows.length === EXPORT_BATCH_SIZE ? fetchBatch() : null;
        if (rows.length > 0) await sink(rows);
      }
    } catch (error) {
      // A download cancelled mid-batch: let the fetch in flight finish before the transaction ends.
      await next?.catch(() => undefined);
      throw error;
    }
    await tx.$executeRaw`CLOSE export_rows`;
  }, CURSOR_TRANSACTION);
}

export type DomainName = { position: number; nameEn: string; nameEs: string };

/** The evaluation's domains by id, for the stories' primary-domain column (retired ones included: old stories keep them). */
export async function domainNamesOf(evaluationId: string): Promise<Map<string, DomainName>> {
  const domains = await db().domain.findMany({ where: { evaluationId }, select: { id: true, position: true, nameEn: true, nameEs: true } });
  return new Map(domains.map(({ id, ...name }) => [id, name]));
}
