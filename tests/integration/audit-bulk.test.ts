import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, recordAuditEvents, verifyAuditChain, type AuditInput } from "@/lib/audit";
import { hashOfStored } from "../support/audit-chain";
import { openTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const event = (evaluationId: string | null, i: number): AuditInput => ({
  evaluationId,
  actorId: "user-1",
  action: "respondent.create",
  recordType: "Respondent",
  recordId: `respondent-${i}`,
  after: {
    code: `R-${String(i).padStart(4, "0")}`,
    atRiskGroups: i % 2 ? ["WOMEN_WORKERS"] : [],
    nested: { z: 1, a: "ñ‮<script>" },
    at: new Date("2026-01-01T00:00:00Z"),
  },
  before: i % 3 === 0 ? { code: null } : null,
  ipAddress: i % 2 ? "203.0.113.9" : null,
});

describe("bulk audit events", () => {
  it("continues a chain begun one event at a time, in chunks, with the hashes recordAudit would write", async () => {
    const { prisma } = database;
    await prisma.$transaction((tx) => recordAudit(tx, event("bulk-a", 0)));
    // 2,345 events: more than two insert chunks, so the chain crosses chunk boundaries.
    await prisma.$transaction(
      (tx) =>
        recordAuditEvents(
          tx,
          Array.from({ length: 2345 }, (_, i) => event("bulk-a", i + 1)),
        ),
      { timeout: 60_000 },
    );
    await prisma.$transaction((tx) => recordAudit(tx, event("bulk-a", 9999)));
    expect(await verifyAuditChain(prisma, "bulk-a", 1000)).toEqual({ ok: true, events: 2347 });

    const stored = await prisma.auditEvent.findFirstOrThrow({ where: { evaluationId: "bulk-a", sequence: 1001n } });
    expect(stored.after).toEqual({
      code: "R-1000",
      atRiskGroups: [],
      nested: { a: "ñ‮<script>", z: 1 },
      at: "2026-01-01T00:00:00.000Z",
    });
    expect(stored.before).toBeNull();
    expect(hashOfStored(stored)).toBe(stored.hash);
  });

  it("writes to each chain named, installation-wide included, and nothing when the transaction fails", async () => {
    const { prisma } = database;
    await prisma.$transaction((tx) => recordAuditEvents(tx, [event("bulk-b", 1), event(null, 2), event("bulk-b", 3)]));
    expect(await verifyAuditChain(prisma, "bulk-b")).toEqual({ ok: true, events: 2 });
    expect(await verifyAuditChain(prisma, null)).toEqual({ ok: true, events: 1 });
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAuditEvents(tx, [event("bulk-c", 1), event("bulk-c", 2)]);
        throw new Error("the change itself failed");
      }),
    ).rejects.toThrow();
    expect(await prisma.auditEvent.count({ where: { evaluationId: "bulk-c" } })).toBe(0);
  });

  it("keeps concurrent bulk and single writers of one chain in one unbroken sequence", async () => {
    const { prisma } = database;
    await Promise.all([
      ...Array.from({ length: 4 }, (_, w) =>
        prisma.$transaction(
          (tx) =>
            recordAuditEvents(
              tx,
              Array.from({ length: 50 }, (_, i) => event("bulk-d", w * 100 + i)),
            ),
          { timeout: 60_000 },
        ),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        prisma.$transaction((tx) => recordAudit(tx, event("bulk-d", 900 + i)), { timeout: 60_000 }),
      ),
    ]);
    expect(await verifyAuditChain(prisma, "bulk-d")).toEqual({ ok: true, events: 205 });
  });

  it("detects a bulk-written event edited behind the app's back", async () => {
    const { prisma } = database;
    const target = await prisma.auditEvent.findFirstOrThrow({ where: { evaluationId: "bulk-a", sequence: 1500n } });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
      await client.query(`UPDATE audit_event SET after = jsonb_set(after, '{code}', '"R-0001"') WHERE id = $1`, [
        target.id,
      ]);
      await client.query("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
    } finally {
      await client.end();
    }
    expect(await verifyAuditChain(prisma, "bulk-a", 1000)).toEqual({
      ok: false,
      events: 1499,
      firstBrokenSequence: 1500n,
      eventId: target.id,
      reason: "HASH_MISMATCH",
    });
  });
});
