/**
 * Every row of a list's query, read through a PostgreSQL cursor in batches: the query is the
 * list's own (its filters, sort and read rule), run once, so rows are neither skipped nor repeated
 * while people keep editing, and no batch re-scans the rows before it as OFFSET paging would.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export const EXPORT_BATCH_SIZE = 1000;

/** A download of 100,000 rows to a slow laptop may take minutes; the cursor's transaction must outlive it. */
const CURSOR_TRANSACTION = { maxWait: 10_000, timeout: 30 * 60_000 } as const;

/** Reads one query's rows batch by batch inside the export's snapshot. */
export type BatchReader = <Row>(query: Prisma.Sql, sink: (rows: Row[]) => Promise<void>) => Promise<void>;

/**
 * Runs `work` in one read-only, repeatable-read transaction: every query it reads through the
 * given reader sees the same snapshot, so a workbook's sheets agree with each other (a figure
 * added between two sheets is in neither or in both). Each query gets its own cursor, read to its
 * end and closed before the next: one batch in memory per sheet at most.
 */
export async function inExportSnapshot(work: (read: BatchReader) => Promise<void>): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`;
    let cursors = 0;
    const read: BatchReader = async <Row>(query: Prisma.Sql, sink: (rows: Row[]) => Promise<void>) => {
      // The cursor's name is this file's own counter, never input.
      const cursor = `export_rows_${(cursors += 1)}`;
      await tx.$executeRaw`DECLARE ${Prisma.raw(cursor)} NO SCROLL CURSOR FOR ${query}`;
      // The batch size is a constant of this file (FETCH takes no parameters).
      const fetchBatch = () => tx.$queryRawUnsafe<Row[]>(`FETCH FORWARD ${EXPORT_BATCH_SIZE} FROM ${cursor}`);
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
      await tx.$executeRawUnsafe(`CLOSE ${cursor}`);
    };
    await work(read);
  }, CURSOR_TRANSACTION);
}

/** Calls `sink` with each batch of `query`'s rows, in the query's order, one at a time, from one snapshot. */
export async function forEachBatch<Row>(query: Prisma.Sql, sink: (rows: Row[]) => Promise<void>): Promise<void> {
  await inExportSnapshot((read) => read(query, sink));
}

export type DomainName = { position: number; nameEn: string; nameEs: string };

/** The evaluation's domains by id, for the stories' primary-domain column (retired ones included: old stories keep them). */
export async function domainNamesOf(evaluationId: string): Promise<Map<string, DomainName>> {
  const domains = await db().domain.findMany({
    where: { evaluationId },
    select: { id: true, position: true, nameEn: true, nameEs: true },
  });
  return new Map(domains.map(({ id, ...name }) => [id, name]));
}
