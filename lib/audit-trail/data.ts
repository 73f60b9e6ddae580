/**
 * Reads of one evaluation's audit trail, newest first, in pages found by keyset (the sequence
 * number) so a page deep in a million events costs the same as the first. The caller has already
 * checked `audit.view` for this evaluation; the evaluation is in every `where`.
 */
import "server-only";
import { verifyAuditChain } from "@/lib/audit";
import { utcMidnight } from "@/lib/core/calendar-day";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilters } from "./schema";

export const AUDIT_PAGE_SIZE = 50;

function whereOf(evaluationId: string, filters: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    evaluationId,
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.recordType ? { recordType: filters.recordType } : {}),
    ...(filters.recordId ? { recordId: filters.recordId } : {}),
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: utcMidnight(filters.from) } : {}),
            ...(filters.to ? { lt: new Date(utcMidnight(filters.to).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

const eventFields = {
  id: true,
  sequence: true,
  createdAt: true,
  actorId: true,
  action: true,
  recordType: true,
  recordId: true,
  before: true,
  after: true,
  ipAddress: true,
} as const;

export type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof eventFields }>;
export type AuditExportRow = AuditEventRow & { actorName: string | null };

/**
 * The sequence numbers of a page of events filtered by date, newest first. PostgreSQL does not know
 * that time and sequence grow together: asked for an old month in sequence order, it walked the
 * chain backwards from the newest event (316 ms at 1,000,000 events). Here it reads the window's
 * sequence numbers from the (evaluation, time, sequence) index first — OFFSET 0 keeps that step
 * whole — and keeps the newest (15 ms for a 66,667-event month). The conditions are those of
 * `whereOf`, as SQL.
 */
async function windowPageSequences(evaluationId: string, filters: AuditFilters, take: number): Promise<bigint[]> {
  const where = whereOf(evaluationId, filters);
  const created = where.createdAt as { gte?: Date; lt?: Date };
  const conditions = [Prisma.sql`evaluation_id = ${evaluationId}`];
  if (filters.actor) conditions.push(Prisma.sql`actor_id = ${filters.actor}`);
  if (filters.recordType) conditions.push(Prisma.sql`record_type = ${filters.recordType}`);
  if (filters.recordId) conditions.push(Prisma.sql`record_id = ${filters.recordId}`);
  if (filters.action) conditions.push(Prisma.sql`action LIKE ${`${filters.action.replace(/[\\%_]/g, "\\$&")}%`}`);
  if (created.gte) conditions.push(Prisma.sql`created_at >= ${created.gte}`);
  if (created.lt) conditions.push(Prisma.sql`created_at < ${created.lt}`);
  if (filters.before) conditions.push(Prisma.sql`sequence < ${BigInt(filters.before)}`);
  const rows = await db().$queryRaw<Array<{ sequence: bigint }>>`
    SELECT sequence FROM (SELECT sequence FROM audit_event WHERE ${Prisma.join(conditions, " AND ")} OFFSET 0) AS window_events
    ORDER BY sequence DESC LIMIT ${take}`;
  return rows.map((row) => row.sequence);
}

/** One page of events plus the cursor of the next page (null on the last one). */
export async function listAuditEvents(evaluationId: string, filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE) {
  const inWindow =
    filters.from || filters.to ? await windowPageSequences(evaluationId, filters, pageSize + 1) : undefined;
  const rows = await db().auditEvent.findMany({
    where: inWindow
      ? { evaluationId, sequence: { in: inWindow } }
      : { ...whereOf(evaluationId, filters), ...(filters.before ? { sequence: { lt: BigInt(filters.before) } } : {}) },
    orderBy: { sequence: "desc" },
    take: pageSize + 1,
    select: eventFields,
  });
  const page = rows.slice(0, pageSize);
  const next = rows.length > pageSize ? page.at(-1)!.sequence.toString() : null;
  return { events: page, next, actors: await actorNames(page.map((row) => row.actorId)) };
}

/** Names for the actors on a page, in one query (audit rows keep ids, not foreign keys). */
async function actorNames(ids: Array<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** The people who can appear as actors: the evaluation's members, for the filter's choices. */
export function listAuditActors(evaluationId: string) {
  return db().user.findMany({
    where: { memberships: { some: { evaluationId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Every matching event, oldest first, in batches: for the CSV export, without holding it all. */
export async function* streamAuditEvents(
  evaluationId: string,
  filters: AuditFilters,
  batchSize = 2000,
): AsyncGenerator<AuditExportRow> {
  let after: bigint | undefined;
  for (;;) {
    const rows = await db().auditEvent.findMany({
      where: { ...whereOf(evaluationId, filters), ...(after !== undefined ? { sequence: { gt: after } } : {}) },
      orderBy: { sequence: "asc" },
      take: batchSize,
      select: eventFields,
    });
    if (rows.length === 0) return;
    const names = await actorNames(rows.map((row) => row.actorId));
    for (const row of rows) yield { ...row, actorName: row.actorId ? (names.get(row.actorId) ?? null) : null };
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.sequence;
  }
}

/** Every chain with events: one per evaluation (with its name, if it still exists) and the installation's. */
export async function listAuditChains(
  prisma = db(),
): Promise<Array<{ evaluationId: string | null; name: string | null }>> {
  const chains = await prisma.auditEvent.findMany({ distinct: ["evaluationId"], select: { evaluationId: true } });
  const ids = chains.map((chain) => chain.evaluationId).filter((id): id is string => id !== null);
  const evaluations = await prisma.evaluation.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  const names = new Map(evaluations.map((evaluation) => [evaluation.id, evaluation.name]));
  return chains.map((chain) => ({
    evaluationId: chain.evaluationId,
    name: chain.evaluationId ? (names.get(chain.evaluationId) ?? null) : null,
  }));
}

/** Checks every chain; for the admin page and `npm run audit:verify`. */
export async function verifyAllAuditChains(prisma = db()) {
  const results = [];
  for (const chain of await listAuditChains(prisma))
    results.push({ ...chain, verdict: await verifyAuditChain(prisma, chain.evaluationId) });
  return results;
}
