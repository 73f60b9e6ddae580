/**
 * `npm run audit:verify` against the signed checkpoints kept outside the database: deleting the
 * newest events (which leaves a chain that verifies on its own), editing one, and rewriting a
 * whole chain consistently are all reported; an untouched chain passes; an altered checkpoint
 * file fails on its signature. Each case has a database of its own.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { recordAudit, verifyAuditChain } from "@/lib/audit";
import { writeCheckpoint } from "@/lib/audit-anchor/anchor";
import { appendCheckpoint, checkpointOf } from "@/lib/audit-anchor/checkpoints";
import { readChainHeads } from "@/lib/audit-anchor/data";
import { keyRingFromEnv } from "@/lib/crypto";
import { hashOfStored } from "../support/audit-chain";
import { openTestDatabase, type TestDatabase } from "../support/test-database";
import { runScript, type ScriptRun } from "@/tests/support/run-script";

const KEY = Buffer.alloc(32, 7).toString("base64");
const ring = keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: KEY });
const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
});

/** Five events in chain "eval-anchor" and one installation-wide, then a checkpoint of them. */
async function world() {
  const database = await openTestDatabase();
  opened.push(database);
  for (let i = 1; i <= 5; i++) {
    await database.prisma.$transaction((tx) =>
      recordAudit(tx, {
        evaluationId: "eval-anchor",
        actorId: "u1",
        action: i === 5 ? "respondent.identity.read" : "story.update",
        recordType: "ChangeStory",
        recordId: `s${i}`,
        after: { n: i },
      }),
    );
  }
  await database.prisma.$transaction((tx) =>
    recordAudit(tx, { evaluationId: null, actorId: null, action: "auth.sign_in", recordType: "User" }),
  );
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "msc-anchor-")), "audit-checkpoints.jsonl");
  expect((await writeCheckpoint(database.prisma, file, ring)).written).toBe(true);
  expect((await writeCheckpoint(database.prisma, file, ring)).written).toBe(false); // nothing new: no line
  return { database, file };
}

/** One more event at the head of chain "eval-anchor", after the checkpoint. */
function appendStoryUpdate(database: TestDatabase) {
  return database.prisma.$transaction((tx) =>
    recordAudit(tx, { evaluationId: "eval-anchor", actorId: "u1", action: "story.update", recordType: "ChangeStory" }),
  );
}

async function asSuperuser(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
    await client.query(sql, values);
    await client.query("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
  } finally {
    await client.end();
  }
}

function verify(url: string, file: string): Promise<ScriptRun> {
  return runScript("audit-verify", [], {
    DATABASE_URL: url,
    AUTH_SECRET: "a".repeat(40),
    IDENTITY_ENCRYPTION_KEY: KEY,
    AUDIT_CHECKPOINT_FILE: file,
  });
}

// Each case starts `npm run audit:verify` as its own process: seconds, more on a busy machine.
describe("audit:verify with checkpoints outside the database", { timeout: 120_000 }, () => {
  it("passes an untouched trail, and a later checkpoint names only the chain that moved", async () => {
    const { database, file } = await world();
    await appendStoryUpdate(database);
    const { written, checkpoint } = await writeCheckpoint(database.prisma, file, ring);
    expect(written).toBe(true);
    expect(checkpoint.chains).toEqual([expect.objectContaining({ evaluationId: "eval-anchor", sequence: "6" })]);
    const { code, output } = await verify(database.url, file);
    expect(output).toMatch(/^ok {6}checkpoint of \S+: 2 chains as recorded \(2 checkpoints in /m);
    expect(code).toBe(0);
  });

  it("finds every chain's head by skipping along the index, as a full scan would", async () => {
    const { database } = await world();
    for (const evaluationId of ["eval-0", "eval-z", "eval-0", "eval-m"]) {
      await database.prisma.$transaction((tx) =>
        recordAudit(tx, { evaluationId, actorId: null, action: "story.update", recordType: "ChangeStory" }),
      );
    }
    const scanned = await database.prisma.$queryRaw<
      Array<{ evaluation_id: string | null; sequence: bigint; hash: string }>
    >`
      SELECT DISTINCT ON (evaluation_id) evaluation_id, sequence, hash FROM audit_event ORDER BY evaluation_id, sequence DESC`;
    const heads = await readChainHeads(database.prisma);
    const key = (chain: { evaluationId: string | null }) => chain.evaluationId ?? "";
    expect([...heads].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      scanned
        .map((row) => ({ evaluationId: row.evaluation_id, sequence: row.sequence, hash: row.hash }))
        .sort((a, b) => key(a).localeCompare(key(b))),
    );
    expect(heads).toHaveLength(5);
  });

  it("names the newest events deleted behind the app's back, though the shortened chain verifies", async () => {
    const { database, file } = await world();
    await asSuperuser(database.url, "DELETE FROM audit_event WHERE evaluation_id = 'eval-anchor' AND sequence >= 4");
    expect(await verifyAuditChain(database.prisma, "eval-anchor")).toEqual({ ok: true, events: 3 }); // the old check alone passes
    const { code, output } = await verify(database.url, file);
    expect(code).toBe(1);
    expect(output).toMatch(
      /^MISSING evaluation eval-anchor: events 4 to 5 covered by the checkpoint of \S+ are not in the database$/m,
    );
  });

  it("names a deleted installation-wide chain", async () => {
    const { database, file } = await world();
    await asSuperuser(database.url, "DELETE FROM audit_event WHERE evaluation_id IS NULL");
    const { code, output } = await verify(database.url, file);
    expect(code).toBe(1);
    expect(output).toMatch(/^MISSING installation-wide events: event 1 covered by the checkpoint/m);
  });

  it("reports an edited event", async () => {
    const { database, file } = await world();
    await asSuperuser(
      database.url,
      `UPDATE audit_event SET after = '{"n":20}' WHERE evaluation_id = 'eval-anchor' AND sequence = 2`,
    );
    const { code, output } = await verify(database.url, file);
    expect(code).toBe(1);
    expect(output).toMatch(/^BROKEN {2}evaluation eval-anchor: first broken link at sequence 2 \(HASH_MISMATCH/m);
  });

  it("reports a whole chain rewritten to look consistent", async () => {
    const { database, file } = await world();
    // Edit event 2, then recompute every hash after it, as someone who read lib/audit.ts would.
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: "eval-anchor" },
      orderBy: { sequence: "asc" },
    });
    let previousHash: string | null = events[0]!.hash;
    for (const event of events.slice(1)) {
      const after = event.sequence === 2n ? { n: 200 } : event.after;
      const hash = hashOfStored({ ...event, after, previousHash });
      await asSuperuser(
        database.url,
        "UPDATE audit_event SET after = $1, previous_hash = $2, hash = $3 WHERE id = $4",
        [JSON.stringify(after), previousHash, hash, event.id],
      );
      previousHash = hash;
    }
    expect(await verifyAuditChain(database.prisma, "eval-anchor")).toEqual({ ok: true, events: 5 });
    const { code, output } = await verify(database.url, file);
    expect(code).toBe(1);
    expect(output).toMatch(/^CHANGED evaluation eval-anchor: event 5 differs from the checkpoint of \S+$/m);
  });

  it("fails on a checkpoint file altered to hide the deletion", async () => {
    const { database, file } = await world();
    await asSuperuser(database.url, "DELETE FROM audit_event WHERE evaluation_id = 'eval-anchor' AND sequence = 5");
    const line = JSON.parse(readFileSync(file, "utf8").trim()) as {
      chains: Array<{ evaluationId: string | null; sequence: string }>;
    };
    line.chains.find((chain) => chain.evaluationId === "eval-anchor")!.sequence = "4";
    writeFileSync(file, `${JSON.stringify(line)}\n`);
    const { code, output } = await verify(database.url, file);
    expect(code).toBe(1);
    expect(output).toMatch(
      /^BROKEN {2}checkpoint file .+, line 1: the signature does not match: the line was altered$/m,
    );
  });

  it("fails on a checkpoint signed with another key, and refuses to sign over it", async () => {
    const { database, file } = await world();
    const other = keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64") });
    await appendStoryUpdate(database);
    appendCheckpoint(file, checkpointOf(await readChainHeads(database.prisma)), other);
    const { code, output } = await verify(database.url, file);
    expect(code).toBe(1);
    expect(output).toMatch(/line 2: signed with a key that is not configured/);
    await expect(writeCheckpoint(database.prisma, file, ring)).rejects.toThrow(/fails its check at line 2/);
  });
});
