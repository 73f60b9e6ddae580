/**
 * Backup and restore of the embedded database. pg_dump cannot be used (the machine's client
 * tools are rarely of PGlite's PostgreSQL version), so the dump is logical and ours: inside one
 * transaction, every row of every table as its JSON text, one line each (`table<TAB>json`),
 * gzipped. The embedded database is one session, so while that transaction runs it holds the
 * database alone (the app's queries wait their turn) and the dump is consistent while the app
 * runs. A restore re-creates the schema with the backup's own migrations and loads the rows
 * with triggers and foreign-key checks off (session_replication_role), so the rows come back
 * exactly, search vectors and audit events included.
 */
import { createReadStream, createWriteStream } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { once } from "node:events";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { appliedMigrations, appTables, compareDigests, tableDigests } from "./digests";
import { BackupError, type Manifest } from "./folder";

export const DATA_FILE = "data.tsv.gz";
const BATCH = 500;

export async function dumpEmbedded(url: string, folder: string): Promise<Pick<Manifest, "migrations" | "tables">> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const done = gzip.pipe(createWriteStream(path.join(folder, DATA_FILE), { mode: 0o600 }));
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await tableDigests(client);
    const migrations = await appliedMigrations(client);
    for (const table of Object.keys(tables)) {
      await client.query(
        `DECLARE rows_of NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${client.escapeIdentifier(table)} t`,
      );
      for (;;) {
        const { rows } = await client.query<{ row: string }>(`FETCH ${BATCH} FROM rows_of`);
        for (const { row } of rows) if (!gzip.write(`${table}\t${row}\n`)) await once(gzip, "drain");
        if (rows.length < BATCH) break;
      }
      await client.query("CLOSE rows_of");
    }
    await client.query("COMMIT");
    gzip.end();
    await once(done, "finish");
    return { migrations, tables };
  } catch (error) {
    gzip.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Loads the rows into a database at `url` that has the backup's migrations applied and no rows,
 * then checks every table against the manifest. Returns the tables that differ.
 */
export async function loadEmbedded(folder: string, manifest: Manifest, url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const known = new Set(await appTables(client));
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    let table = "";
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const target = client.escapeIdentifier(table);
      const columns = (await storedColumns(client, table)).map((column) => client.escapeIdentifier(column)).join(", ");
      await client.query(
        `INSERT INTO ${target} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${target}, $1::json)`,
        [`[${batch.join(",")}]`],
      );
      batch = [];
    };
    const lines = readline.createInterface({
      input: createReadStream(path.join(folder, DATA_FILE)).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (!line) continue;
      const tab = line.indexOf("\t");
      const name = line.slice(0, tab);
      if (!known.has(name))
        throw new BackupError(`The backup holds rows of a table this version does not have (${name}).`);
      if (name !== table || batch.length >= BATCH) {
        await flush();
        table = name;
      }
      batch.push(line.slice(tab + 1));
    }
    await flush();
    await client.query("COMMIT");
    const differences = compareDigests(manifest.tables, await tableDigests(client));
    if ((await appliedMigrations(client)).join() !== manifest.migrations.join())
      differences.push("_prisma_migrations: other migrations than the backup's");
    return differences;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The columns a restore writes: all but the generated ones (such as story_figure.label_key),
 * which PostgreSQL refuses to be given and computes again from the restored row.
 */
async function storedColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [client.escapeIdentifier(table)],
  );
  return rows.map((row) => row.name);
}
