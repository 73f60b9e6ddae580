import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, verifyAuditChain } from "@/lib/audit";
import { openTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function asSuperuser<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("audit trail", () => {
  it("chains events written concurrently without gaps or duplicate sequence numbers", async () => {
    const { prisma } = database;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        prisma.$transaction((tx) =>
          recordAudit(tx, {
            evaluationId: "eval-a",
            actorId: "user-1",
            action: "story.update",
            recordType: "ChangeStory",
            recordId: `story-${i}`,
            before: { title: `old ${i}` },
            after: { title: `new ${i}`, at: new Date("2026-01-01T00:00:00Z") },
          }),
        ),
      ),
    );
    const sequences = (
      await prisma.auditEvent.findMany({ where: { evaluationId: "eval-a" }, select: { sequence: true } })
    )
      .map((event) => Number(event.sequence))
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAuditChain(prisma, "eval-a")).toEqual({ ok: true, events: 20 });
  });

  it("keeps installation-wide events in a chain of their own", async () => {
    const { prisma } = database;
    await prisma.$transaction((tx) =>
      recordAudit(tx, { evaluationId: null, actorId: null, action: "auth.sign_in_failed", recordType: "User" }),
    );
    expect(await verifyAuditChain(prisma, null)).toEqual({ ok: true, events: 1 });
  });

  it("writes nothing when the change's transaction fails", async () => {
    const { prisma } = database;
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, {
          evaluationId: "eval-b",
          actorId: "u",
          action: "story.update",
          recordType: "ChangeStory",
        });
        throw new Error("the change itself failed");
      }),
    ).rejects.toThrow();
    expect(await prisma.auditEvent.count({ where: { evaluationId: "eval-b" } })).toBe(0);
  });

  it("points at the first event edited behind the app's back", async () => {
    const { prisma } = database;
    const target = await prisma.auditEvent.findFirstOrThrow({ where: { evaluationId: "eval-a", sequence: 7n } });
    await asSuperuser(async (client) => {
      // Only a superuser who disables the trigger can do this; the verifier must still notice.
      await client.query("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
      await client.query(`UPDATE audit_event SET after = '{"title":"forged"}' WHERE id = $1`, [target.id]);
      await client.query("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
    });
    expect(await verifyAuditChain(prisma, "eval-a")).toEqual({
      ok: false,
      events: 6,
      firstBrokenSequence: 7n,
      eventId: target.id,
      reason: "HASH_MISMATCH",
    });
  });

  it("notices an event removed from the middle of a chain", async () => {
    const { prisma } = database;
    await asSuperuser(async (client) => {
      await client.query("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
      await client.query("DELETE FROM audit_event WHERE evaluation_id = 'eval-a' AND sequence = 3");
      await client.query("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
    });
    const verdict = await verifyAuditChain(prisma, "eval-a", 4);
    expect(verdict).toMatchObject({ ok: false, firstBrokenSequence: 3n, reason: "SEQUENCE_GAP" });
  });
});
