/**
 * Two database roles (docs/decisions/0029-database-roles-audit-anchor-backups.md): the owner runs
 * the migrations and owns every table, trigger and function; the app serves as a role with only
 * the rights on rows it needs, and on `audit_event` only SELECT and INSERT. A role that does not
 * own a table cannot disable, drop or replace the trigger that keeps the audit trail append-only.
 */
import pg from "pg";

/** The user name in a connection string (percent-decoded), or null when it names none. */
export function roleOfUrl(url: string): string | null {
  try {
    const user = decodeURIComponent(new URL(url).username);
    return user || null;
  } catch {
    return null;
  }
}

/** Tables the app may read only and append to; every other table gets the four row rights. */
export const APPEND_ONLY_TABLES = ["audit_event"] as const;

/**
 * The grants, derived from the catalogue at the time they run, so a table added by a later
 * migration is covered. Run as the owner after every migration; re-running is harmless.
 * The bookkeeping table of the migrations stays the owner's alone.
 */
const GRANTS_SQL = `
DO $grants$
DECLARE
  app text := current_setting('msc.app_role');
  t record;
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
  EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', current_schema(), app);
  FOR t IN
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
  LOOP
    EXECUTE format('REVOKE ALL ON TABLE %I FROM %I', t.relname, app);
    IF t.relname = ANY(current_setting('msc.append_only')::text[]) THEN
      EXECUTE format('GRANT SELECT, INSERT ON TABLE %I TO %I', t.relname, app);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %I TO %I', t.relname, app);
    END IF;
  END LOOP;
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app);
END
$grants$`;

/**
 * Gives `appRole` its rights on the database at `ownerUrl`. A DO block takes no parameters, so
 * the two values travel as transaction-local settings, bound as parameters, never spliced in.
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('msc.app_role', $1, true), set_config('msc.append_only', $2, true)", [
      appRole,
      `{${APPEND_ONLY_TABLES.join(",")}}`,
    ]);
    await client.query(GRANTS_SQL);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * After migrating: when the app connects as a role other than the one that migrated, give it
 * its rights. Returns the role granted to, or null when both URLs name the same role (the
 * embedded demo, development, a single-role install).
 */
export async function grantAfterMigration(migrationUrl: string, servingUrl: string): Promise<string | null> {
  const owner = roleOfUrl(migrationUrl);
  const app = roleOfUrl(servingUrl);
  if (!app || app === owner) return null;
  await grantAppRole(migrationUrl, app);
  return app;
}

/**
 * Why the serving role is unfit for production, or null when it is fit: a superuser, or a role
 * that owns (or is a member of the owner of) any of the app's tables, can switch off the audit
 * trail's protections.
 */
export async function servingRoleProblem(servingUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: servingUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean; owned: string | null }>(`
      SELECT current_user AS role,
             (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
             (SELECT min(c.relname) FROM pg_class c
               WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                 AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned`);
    const { role, superuser, owned } = rows[0]!;
    const advice =
      'set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a role with table rights only (README, "Two database roles")';
    if (superuser)
      return `The app's database role "${role}" is a superuser, so it could switch off the audit trail's protections: ${advice}.`;
    if (owned)
      return `The app's database role "${role}" owns the app's tables (e.g. ${owned}), so it could switch off the audit trail's protections: ${advice}.`;
    return null;
  } finally {
    await client.end();
  }
}
