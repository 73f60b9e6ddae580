/**
 * What proves a restore: every table's row count and a checksum of its content, computed the
 * same way on the backup's snapshot and on the restored copy. The checksum is the md5 of the
 * sorted md5s of each row's text, so it does not depend on the rows' physical order; the text
 * settings are pinned so two servers spell a row alike.
 */
import type pg from "pg";

export type TableDigest = { rows: number; checksum: string };
export type Digests = Record<string, TableDigest>;

/** The migrations' bookkeeping is recorded by name instead (its timestamps belong to the server). */
export const BOOKKEEPING_TABLE = "_prisma_migrations";

export async function appTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p') AND relname <> $1 ORDER BY relname`,
    [BOOKKEEPING_TABLE],
  );
  return rows.map((row) => row.name);
}

/** Run inside the transaction whose snapshot is being backed up (or on the restored copy). */
export async function tableDigests(client: pg.ClientBase): Promise<Digests> {
  await client.query(
    "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET bytea_output = 'hex'; SET extra_float_digits = 3",
  );
  const digests: Digests = {};
  for (const table of await appTables(client)) {
    const { rows } = await client.query<{ rows: number; checksum: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS checksum
       FROM (SELECT md5(t::text) AS h FROM ${client.escapeIdentifier(table)} t) s`,
    );
    digests[table] = rows[0]!;
  }
  return digests;
}

export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${BOOKKEEPING_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.name);
}

/** The tables whose count or checksum differ, each in one line. */
export function compareDigests(expected: Digests, actual: Digests): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.flatMap((name) => {
    const a = expected[name];
    const b = actual[name];
    if (!a) return [`${name}: in the restored copy only`];
    if (!b) return [`${name}: missing from the restored copy`];
    if (a.rows !== b.rows) return [`${name}: ${a.rows} rows backed up, ${b.rows} restored`];
    if (a.checksum !== b.checksum) return [`${name}: same ${a.rows} rows, different content`];
    return [];
  });
}
