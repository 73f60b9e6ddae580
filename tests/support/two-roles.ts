/**
 * A database set up as docker-compose sets one up: an owner role that migrates, an app role with
 * table rights only. Needs a PostgreSQL server (the embedded database has one role).
 *   const roles = await openTwoRoleDatabase();   // in beforeAll
 *   await roles.close();                         // in afterAll
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";
import { grantAfterMigration } from "@/lib/db/roles";
import { withDatabase } from "./global-setup";

export type TwoRoleDatabase = {
  name: string;
  adminUrl: string;
  ownerUrl: string;
  appUrl: string;
  /** A new empty database owned by the same owner, for a restore. */
  createSibling(): Promise<{ name: string; ownerUrl: string; appUrl: string; adminUrl: string }>;
  close(): Promise<void>;
};

export function serverAvailable(): boolean {
  return inject("testDatabase").kind === "server";
}

function asRole(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = password;
  return parsed.toString();
}

export async function openTwoRoleDatabase(options: { migrate?: boolean } = {}): Promise<TwoRoleDatabase> {
  const target = inject("testDatabase");
  if (target.kind !== "server") throw new Error("two roles need a PostgreSQL server");
  const suffix = randomBytes(4).toString("hex");
  const owner = `msc_owner_${suffix}`;
  const app = `msc_app_${suffix}`;
  const password = randomBytes(12).toString("hex");
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE ${owner} LOGIN PASSWORD '${password}'`);
  await admin.query(`CREATE ROLE ${app} LOGIN PASSWORD '${password}'`);
  const databases: string[] = [];
  const urlsFor = async (name: string) => {
    await admin.query(`CREATE DATABASE ${name} OWNER ${owner}`);
    databases.push(name);
    const adminUrl = withDatabase(target.adminUrl, name);
    return { name, adminUrl, ownerUrl: asRole(adminUrl, owner, password), appUrl: asRole(adminUrl, app, password) };
  };
  const first = await urlsFor(`msc_test_${target.runId}_roles_${suffix}`);
  if (options.migrate ?? true) {
    await applyMigrations(first.ownerUrl);
    await grantAfterMigration(first.ownerUrl, first.appUrl);
  }
  let siblings = 0;
  return {
    ...first,
    createSibling: () => urlsFor(`msc_test_${target.runId}_roles_${suffix}_${++siblings}`),
    async close() {
      for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${app}`);
      await admin.query(`DROP ROLE IF EXISTS ${owner}`);
      await admin.end();
    },
  };
}
