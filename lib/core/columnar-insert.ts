/**
 * One INSERT for many rows, one array parameter per column (INSERT … SELECT FROM unnest), for the
 * writes of thousands of rows in one transaction (a story import's chunk): Prisma's createMany
 * spends milliseconds per row in its query engine at that size (a 1,000-story chunk's child rows
 * took 3 of its 5 seconds). Every value travels as text and is cast to its column's type in the
 * SELECT, so the database checks it against the same columns, enums and foreign keys as any other
 * write. The statement's shape depends only on the table and its column names, never on values.
 */
import { isoDay } from "./calendar-day";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** A value as PostgreSQL reads it from text; dates as UTC, as Prisma writes `timestamp(3)` and `date`. */
export type Cell = string | number | boolean | Date | { toString(): string } | null | undefined;

export type Column<Row> = {
  /** The column's SQL name. */
  name: string;
  /** Its SQL type: "text", "int", "date", "timestamp(3)", "numeric", "boolean", or an enum's name. */
  type: string;
  value: (row: Row) => Cell;
};

const SAFE_NAME = /^[a-z_][a-z0-9_]*(\(\d+\))?$/;

function asText(cell: Cell, type: string): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date)
    return type === "date" ? isoDay(cell) : cell.toISOString().replace("T", " ").replace("Z", "");
  return String(cell);
}

/** Inserts `rows` into `table`, with created_at and updated_at set to now (UTC) when `stamped`. */
export async function insertColumns<Row>(
  tx: Tx,
  table: string,
  columns: ReadonlyArray<Column<Row>>,
  rows: readonly Row[],
  options: { stamped: boolean } = { stamped: true },
): Promise<void> {
  if (rows.length === 0) return;
  for (const name of [table, ...columns.flatMap((column) => [column.name, column.type])])
    if (!SAFE_NAME.test(name)) throw new Error(`not a plain SQL name: ${name}`);
  const names = columns.map((column) => column.name);
  const stamps = options.stamped ? ["created_at", "updated_at"] : [];
  const now = options.stamped ? [Prisma.raw("now() AT TIME ZONE 'UTC'"), Prisma.raw("now() AT TIME ZONE 'UTC'")] : [];
  const selected = columns.map((column) => Prisma.raw(`u.${column.name}::${column.type}`));
  const arrays = columns.map(
    (column) => Prisma.sql`${rows.map((row) => asText(column.value(row), column.type))}::text[]`,
  );
  await tx.$executeRaw`
    INSERT INTO ${Prisma.raw(table)} (${Prisma.raw([...names, ...stamps].join(", "))})
    SELECT ${Prisma.join([...selected, ...now])}
    FROM unnest(${Prisma.join(arrays)}) AS u(${Prisma.raw(names.join(", "))})`;
}
