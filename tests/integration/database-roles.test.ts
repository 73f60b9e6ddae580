/**
 * The app's database role cannot touch the audit trail's protections (security-tests.md item 36):
 * migrated as the owner, served as the app role, the role may change rows of its tables and
 * append audit events, and nothing else. In production the launcher refuses a superuser or the
 * tables' owner. Needs a PostgreSQL server: the embedded database has a single (super)user.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, verifyAuditChain } from "@/lib/audit";
import { keyRingFromEnv } from "@/lib/crypto";
import { createPrismaClient } from "@/lib/db";
import { grantAfterMigration, roleOfUrl, servingRoleProblem } from "@/lib/db/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { pointAppAt } from "@/tests/support/app-env";
import { freePort } from "@/tests/support/free-port";
import { openTwoRoleDatabase, serverAvailable, type TwoRoleDatabase } from "@/tests/support/two-roles";
import { runScript, type ScriptRun } from "@/tests/support/run-script";

let roles: TwoRoleDatabase;
let appPrisma: PrismaClient;

async function asApp<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: roles.appUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The error PostgreSQL gives the statement, run as the app role. */
async function refusal(sql: string): Promise<{ code?: string; message: string } | null> {
  return asApp(async (client) => {
    try {
      await client.query(sql);
      return null;
    } catch (error) {
      return { code: (error as { code?: string }).code, message: (error as Error).message };
    }
  });
}

describe.skipIf(!serverAvailable())("two database roles", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    roles = await openTwoRoleDatabase();
    pointAppAt(roles.appUrl);
    appPrisma = createPrismaClient(roles.appUrl);
  });
  afterAll(async () => {
    await appPrisma?.$disconnect();
    await roles?.close();
  });

  it("does the app's ordinary work as the app role: the demo, an identity read and change, a delete", async () => {
    const ring = keyRingFromEnv();
    expect(await seedDemo(appPrisma, { withDemoPasswords: false, identityKeyRing: ring })).toEqual({ created: true });
    const { revealIdentity, updateIdentity } = await import("@/lib/respondents/identity-mutations");
    const identity = await appPrisma.respondentIdentity.findFirstOrThrow({
      select: { evaluationId: true, respondentId: true },
    });
    const respondent = await appPrisma.respondent.findFirstOrThrow({
      where: { id: identity.respondentId },
      select: { version: true },
    });
    const actor = { actorId: (await appPrisma.user.findFirstOrThrow()).id };
    expect((await revealIdentity(actor, identity)).state).toBe("present");
    const updated = await updateIdentity(actor, {
      ...identity,
      version: respondent.version,
      identity: { name: "Otra Persona Ficticia", phone: null, email: null, community: null },
    });
    expect(updated).not.toHaveProperty("ok", false);
    const session = await appPrisma.userSession.create({
      data: { userId: actor.actorId, expiresAt: new Date(Date.now() + 60_000) },
    });
    await appPrisma.userSession.delete({ where: { id: session.id } });
    await appPrisma.$transaction((tx) =>
      recordAudit(tx, { evaluationId: null, actorId: actor.actorId, action: "test.append", recordType: "User" }),
    );
    const evaluationId = identity.evaluationId;
    expect(await verifyAuditChain(appPrisma, evaluationId)).toMatchObject({ ok: true });
  });

  it("refuses every way of switching off or rewriting the audit trail", async () => {
    await appPrisma.$transaction((tx) =>
      recordAudit(tx, { evaluationId: null, actorId: null, action: "test.before_attempts", recordType: "User" }),
    );
    const eventsBefore = await appPrisma.auditEvent.count();
    const attempts = [
      "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete",
      "ALTER TABLE audit_event DISABLE TRIGGER ALL",
      "DROP TRIGGER audit_event_no_update_or_delete ON audit_event",
      "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
      "UPDATE audit_event SET action = 'forged' WHERE sequence = 1",
      "DELETE FROM audit_event WHERE sequence = (SELECT max(sequence) FROM audit_event)",
      "TRUNCATE audit_event",
      "ALTER TABLE audit_event OWNER TO CURRENT_USER",
      "DROP TABLE audit_event",
      "CREATE TABLE audit_event_copy (id text)",
      // A grant without the right is only a warning; the update after it is what must fail.
      "GRANT UPDATE ON audit_event TO CURRENT_USER; UPDATE audit_event SET action = 'forged'",
    ];
    for (const sql of attempts) {
      const refused = await refusal(sql);
      expect(refused, sql).not.toBeNull();
      expect(refused!.code, `${sql}: ${refused!.message}`).toBe("42501");
    }
    // Nothing happened: the trigger is there and enabled, every event is still in place.
    const { rows } = await asApp((client) =>
      client.query<{ tgenabled: string }>(
        "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_event_no_update_or_delete'",
      ),
    );
    expect(rows).toEqual([{ tgenabled: "O" }]);
    expect(await appPrisma.auditEvent.count()).toBe(eventsBefore);
    expect(await verifyAuditChain(appPrisma, null)).toMatchObject({ ok: true });
  });

  it("covers a table a later migration adds, and revokes a right given by hand, at the next grant", async () => {
    const owner = new pg.Client({ connectionString: roles.ownerUrl });
    await owner.connect();
    try {
      await owner.query("CREATE TABLE later_table (id text PRIMARY KEY)");
      await owner.query(`GRANT UPDATE, DELETE ON audit_event TO ${pg.escapeIdentifier(roleOfUrl(roles.appUrl)!)}`);
    } finally {
      await owner.end();
    }
    expect((await refusal("INSERT INTO later_table VALUES ('a')"))?.code).toBe("42501");
    expect(await grantAfterMigration(roles.ownerUrl, roles.appUrl)).toBe(roleOfUrl(roles.appUrl));
    expect(await refusal("INSERT INTO later_table VALUES ('a')")).toBeNull();
    expect(await refusal("DELETE FROM later_table")).toBeNull();
    expect((await refusal("DELETE FROM audit_event"))?.code).toBe("42501");
  });

  it("keeps the migrations' bookkeeping to the owner", async () => {
    expect((await refusal("SELECT count(*) FROM _prisma_migrations"))?.code).toBe("42501");
  });

  it("finds a superuser and the tables' owner unfit to serve, and the app role fit", async () => {
    expect(await servingRoleProblem(roles.appUrl)).toBeNull();
    expect(await servingRoleProblem(roles.ownerUrl)).toMatch(
      /^The app's database role "msc_owner_\w+" owns the app's tables/,
    );
    expect(await servingRoleProblem(roles.adminUrl)).toMatch(/is a superuser/);
  });

  it("npm start in production refuses the owner and a superuser with one line saying what to set", async () => {
    for (const [databaseUrl, reason] of [
      [roles.ownerUrl, /owns the app's tables \(e\.g\. \w+\)/],
      [roles.adminUrl, /is a superuser/],
    ] as const) {
      const { code, output } = await start({
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        MIGRATION_DATABASE_URL: roles.ownerUrl,
      });
      expect(code).toBe(1);
      const last = output.split("\n").at(-1)!;
      expect(last).toMatch(reason);
      expect(last).toContain(
        "set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a role with table rights only",
      );
      expect(output).not.toMatch(/\n\s+at /);
    }
  });
});

async function start(env: Record<string, string>): Promise<ScriptRun> {
  const port = await freePort();
  return runScript("start", [], {
    PORT: String(port),
    AUTH_SECRET: "a".repeat(40),
    IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString("base64"),
    ...env,
  });
}
