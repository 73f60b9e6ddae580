/**
 * A million audit events for the benchmarks, written as one valid hash chain: every hash is
 * `hashAuditEvent` of lib/audit.ts over the same fields the app hashes, so `verifyAuditChain`
 * accepts the chain and a new event appended by `recordAudit` continues it. The hashes are
 * computed here (a chain is sequential: each needs the one before), the rows go in with one
 * INSERT … SELECT FROM unnest(arrays) per 20,000 events, as `recordAuditEvents` writes them, each
 * chunk hashed while the previous one is inserted.
 * Used by scripts/bench-access.ts and scripts/bench-fieldwork.ts.
 */
import type pg from "pg";
import { canonicalJson, hashAuditEvent } from "../lib/audit";

const CHUNK = 20_000;

/** What each generated event records, in a repeating mix of reads and writes. */
const KINDS = [
  { action: "story.update", recordType: "ChangeStory", record: (n: number) => `st${1 + (n % 5000)}` },
  { action: "story.update", recordType: "ChangeStory", record: (n: number) => `st${1 + ((n * 7) % 5000)}` },
  { action: "respondent.identity.read", recordType: "Respondent", record: (n: number) => `r${1 + (n % 2000)}` },
  { action: "interview.update", recordType: "Interview", record: (n: number) => `iv${1 + (n % 2000)}` },
  { action: "interview.transcript.read", recordType: "Interview", record: (n: number) => `iv${1 + ((n * 3) % 2000)}` },
  { action: "story.stage.change", recordType: "ChangeStory", record: (n: number) => `st${1 + ((n * 11) % 5000)}` },
] as const;

export type AuditChainOptions = {
  evaluationId: string;
  /** Actor ids, used in turn (they need not exist: audit rows keep ids, not foreign keys). */
  actors: string[];
  events: number;
  /** The first event's time; events follow one every `spacingMs`, oldest first. */
  from: Date;
  spacingMs: number;
};

/**
 * Appends `events` events to the evaluation's chain, which must be empty (a benchmark's own
 * scratch database). Returns the seconds spent hashing and inserting.
 */
export async function generateAuditChain(client: pg.Client, options: AuditChainOptions): Promise<{ seconds: number }> {
  const { evaluationId, actors, events, from, spacingMs } = options;
  const started = performance.now();
  const existing = await client.query<{ n: string }>("SELECT count(*) AS n FROM audit_event WHERE evaluation_id = $1", [
    evaluationId,
  ]);
  if (Number(existing.rows[0]!.n) > 0) throw new Error(`generateAuditChain: the chain of ${evaluationId} is not empty`);
  let previousHash: string | null = null;
  // Each chunk is hashed while PostgreSQL inserts the one before: the two take about as long.
  let inserting: Promise<unknown> = Promise.resolve();
  for (let start = 1; start <= events; start += CHUNK) {
    const end = Math.min(events, start + CHUNK - 1);
    const columns = {
      id: [] as string[],
      actor: [] as string[],
      action: [] as string[],
      recordType: [] as string[],
      recordId: [] as string[],
      after: [] as string[],
      sequence: [] as string[],
      previous: [] as Array<string | null>,
      hash: [] as string[],
      createdAt: [] as string[],
    };
    for (let n = start; n <= end; n += 1) {
      const kind = KINDS[n % KINDS.length]!;
      const createdAt = new Date(from.getTime() + (n - 1) * spacingMs);
      const after = kind.action.endsWith(".read")
        ? { purpose: "verification" }
        : { title: `Título ${n}`, version: 1 + (n % 9) };
      const fields = {
        evaluationId,
        actorId: actors[n % actors.length]!,
        action: kind.action,
        recordType: kind.recordType,
        recordId: kind.record(n),
        before: null,
        after,
        ipAddress: null,
        sequence: BigInt(n),
        previousHash,
        createdAt,
      };
      const hash = hashAuditEvent(fields);
      // In sequence order, as time-ordered ids are: each insert appends to the primary key.
      columns.id.push(`ae-${evaluationId}-${String(n).padStart(9, "0")}`);
      columns.actor.push(fields.actorId);
      columns.action.push(fields.action);
      columns.recordType.push(fields.recordType);
      columns.recordId.push(fields.recordId);
      // The canonical text that was hashed: read back as JSON it hashes the same.
      columns.after.push(canonicalJson(after));
      columns.sequence.push(String(n));
      columns.previous.push(previousHash);
      columns.hash.push(hash);
      // timestamp(3) without time zone holds UTC, as Prisma writes it.
      columns.createdAt.push(createdAt.toISOString().replace("T", " ").replace("Z", ""));
      previousHash = hash;
    }
    await inserting;
    inserting = client.query(
      `INSERT INTO audit_event (id, evaluation_id, actor_id, action, record_type, record_id, after, sequence, previous_hash, hash, created_at)
       SELECT e.id, $1, e.actor_id, e.action, e.record_type, e.record_id, e.after::jsonb, e.sequence::bigint, e.previous_hash, e.hash, e.created_at::timestamp(3)
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS e(id, actor_id, action, record_type, record_id, after, sequence, previous_hash, hash, created_at)`,
      [
        evaluationId,
        columns.id,
        columns.actor,
        columns.action,
        columns.recordType,
        columns.recordId,
        columns.after,
        columns.sequence,
        columns.previous,
        columns.hash,
        columns.createdAt,
      ],
    );
  }
  await inserting;
  await client.query("ANALYZE audit_event");
  return { seconds: (performance.now() - started) / 1000 };
}
