/**
 * Setting up the domains of change: create, edit, reorder, retire, restore and delete. One
 * transaction per change with its audit event; edits, retirements and deletions name the version
 * the person saw, and a reorder the order they saw, so nobody overwrites a change they never saw.
 * `tx` variants let the demo seed build its domains through the same rules.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { changedFields } from "@/lib/core/changed-fields";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import { nameKey } from "@/lib/name-key";
import { refusals, type Refused } from "@/lib/core/refusal";
import type { CreateDomainInput, DomainVersionInput, ReorderDomainsInput, UpdateDomainInput } from "./schema";

/** Why a domain of the evaluation's set-up is not saved, reordered, retired, restored or deleted. */
export const DOMAIN_SETUP_REFUSALS = [
  "DEFINITION_REQUIRED",
  "DUPLICATE_NAME",
  "STALE_VERSION",
  "ORDER_CHANGED",
  "ORDER_INCOMPLETE",
  "DOMAIN_IN_LIVE_ROUND",
  "DOMAIN_IN_USE",
] as const;
export type DomainSetupRefusal = (typeof DOMAIN_SETUP_REFUSALS)[number];
const { refuse, asResults } = refusals<DomainSetupRefusal>();

type Tx = Prisma.TransactionClient;
type Actor = { actorId: string; ipAddress?: string | null };
type DomainFields = Omit<CreateDomainInput, "evaluationId">;

/** Rounds in these states still change; a domain they use stays in the pickers. */
const LIVE_ROUND_STATUSES = ["DRAFT", "OPEN"] as const;

/**
 * Changes to the list itself (adding, reordering, deleting) take this lock first, one at a time
 * per evaluation. Row locks would not do: a reorder that waited on them would still see the order
 * it sorted before the wait (PostgreSQL sorts, then locks), and would miss a domain added meanwhile.
 */
async function lockDomainList(tx: Tx, evaluationId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`domains:${evaluationId}`}, 0))`;
}

async function evaluationLanguages(tx: Tx, evaluationId: string): Promise<Locale[]> {
  const evaluation = await tx.evaluation.findUnique({ where: { id: evaluationId }, select: { languages: true } });
  if (!evaluation) throw new AppError("NOT_FOUND");
  return evaluation.languages;
}

/** Definitions are required in the evaluation's own languages; names in both (schema). */
function checkDefinitions(fields: DomainFields, languages: readonly Locale[]) {
  if (languages.includes("ES") && !fields.definitionEs) throw refuse("DEFINITION_REQUIRED", "definitionEs");
  if (languages.includes("EN") && !fields.definitionEn) throw refuse("DEFINITION_REQUIRED", "definitionEn");
}

async function checkNamesFree(tx: Tx, evaluationId: string, fields: DomainFields, exceptId?: string) {
  const keys = { nameKeyEs: nameKey(fields.nameEs), nameKeyEn: nameKey(fields.nameEn) };
  const taken = await tx.domain.findMany({
    where: {
      evaluationId,
      id: exceptId ? { not: exceptId } : undefined,
      OR: [{ nameKeyEs: keys.nameKeyEs }, { nameKeyEn: keys.nameKeyEn }],
    },
    select: { nameKeyEs: true, nameKeyEn: true },
  });
  if (taken.some((row) => row.nameKeyEs === keys.nameKeyEs)) throw refuse("DUPLICATE_NAME", "nameEs");
  if (taken.some((row) => row.nameKeyEn === keys.nameKeyEn)) throw refuse("DUPLICATE_NAME", "nameEn");
  return keys;
}

/** Marking a domain as "other change" takes the mark from the one that had it (at most one per evaluation). */
async function takeOtherMark(tx: Tx, evaluationId: string, domainId: string | null, audit: Actor) {
  const previous = await tx.domain.findFirst({
    where: { evaluationId, isOther: true, id: domainId ? { not: domainId } : undefined },
    select: { id: true },
  });
  if (!previous) return;
  await tx.domain.update({
    where: { evaluationId_id: { evaluationId, id: previous.id } },
    data: { isOther: false, version: { increment: 1 } },
  });
  await recordAudit(tx, {
    evaluationId,
    actorId: audit.actorId,
    action: "domain.update",
    recordType: "Domain",
    recordId: previous.id,
    before: { isOther: true },
    after: { isOther: false },
    ipAddress: audit.ipAddress,
  });
}

/** Adds a domain at the end of the list. `id` is for the seed only. */
export async function createDomainInTransaction(
  tx: Tx,
  input: CreateDomainInput & Actor & { id?: string },
): Promise<{ domainId: string }> {
  const { evaluationId, actorId, ipAddress, id, ...fields } = input;
  await lockDomainList(tx, evaluationId);
  checkDefinitions(fields, await evaluationLanguages(tx, evaluationId));
  const keys = await checkNamesFree(tx, evaluationId, fields);
  if (fields.isOther) await takeOtherMark(tx, evaluationId, null, input);
  const last = await tx.domain.aggregate({ where: { evaluationId }, _max: { position: true } });
  const position = (last._max.position ?? 0) + 1;
  const domain = await tx.domain.create({
    data: { id, evaluationId, position, ...fields, ...keys },
    select: { id: true },
  });
  await recordAudit(tx, {
    evaluationId,
    actorId,
    action: "domain.create",
    recordType: "Domain",
    recordId: domain.id,
    after: { position, ...fields },
    ipAddress,
  });
  return { domainId: domain.id };
}

export async function createDomain(
  input: CreateDomainInput & Actor,
): Promise<{ ok: true; domainId: string } | Refused<DomainSetupRefusal>> {
  return asResults(() =>
    db().$transaction(async (tx) => ({ ok: true as const, ...(await createDomainInTransaction(tx, input)) })),
  );
}

async function lockedDomain(tx: Tx, evaluationId: string, domainId: string, expectedVersion: number) {
  const [row] = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id FROM domain WHERE id = ${domainId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND");
  const domain = await tx.domain.findUniqueOrThrow({ where: { evaluationId_id: { evaluationId, id: domainId } } });
  if (domain.version !== expectedVersion) throw refuse("STALE_VERSION");
  return domain;
}

export async function updateDomain(
  input: UpdateDomainInput & Actor,
): Promise<{ ok: true; version: number } | Refused<DomainSetupRefusal>> {
  const { evaluationId, domainId, expectedVersion, actorId, ipAddress, ...fields } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const stored = await lockedDomain(tx, evaluationId, domainId, expectedVersion);
      checkDefinitions(fields, await evaluationLanguages(tx, evaluationId));
      const keys = await checkNamesFree(tx, evaluationId, fields, domainId);
      const changes = changedFields(stored, fields);
      if (!changes.changed) return { ok: true as const, version: stored.version };
      if (fields.isOther && !stored.isOther) await takeOtherMark(tx, evaluationId, domainId, input);
      const updated = await tx.domain.update({
        where: { evaluationId_id: { evaluationId, id: domainId } },
        data: { ...fields, ...keys, version: { increment: 1 } },
        select: { version: true },
      });
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "domain.update",
        recordType: "Domain",
        recordId: domainId,
        before: changes.before,
        after: changes.after,
        ipAddress,
      });
      return { ok: true as const, version: updated.version };
    }),
  );
}

/**
 * Puts the domains in the given order. The unique (evaluation, position) constraint is checked
 * per statement, so rows first move to negative positions, then to their new ones.
 */
export async function reorderDomains(
  input: ReorderDomainsInput & Actor,
): Promise<{ ok: true } | Refused<DomainSetupRefusal>> {
  const { evaluationId, order, seenOrder, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      await lockDomainList(tx, evaluationId);
      const current = await tx.domain.findMany({
        where: { evaluationId },
        orderBy: { position: "asc" },
        select: { id: true },
      });
      const currentIds = current.map((row) => row.id);
      if (currentIds.join() !== seenOrder.join()) throw refuse("ORDER_CHANGED");
      if (
        order.length !== currentIds.length ||
        new Set(order).size !== order.length ||
        order.some((id) => !currentIds.includes(id))
      )
        throw refuse("ORDER_INCOMPLETE");
      if (order.join() === currentIds.join()) return { ok: true as const };
      const positions = order.map((_, index) => index + 1);
      await tx.$executeRaw`UPDATE domain SET position = -position WHERE evaluation_id = ${evaluationId}`;
      await tx.$executeRaw`
        UPDATE domain d SET position = o.position, updated_at = now()
          FROM unnest(${order}::text[], ${positions}::int[]) AS o(id, position)
         WHERE d.evaluation_id = ${evaluationId} AND d.id = o.id`;
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "domain.reorder",
        recordType: "Evaluation",
        recordId: evaluationId,
        before: { order: currentIds },
        after: { order },
        ipAddress,
      });
      return { ok: true as const };
    }),
  );
}

/** Retires a domain: kept for what names it, gone from the pickers. Not while a live round uses it. */
export function retireDomain(input: DomainVersionInput & Actor): Promise<{ ok: true } | Refused<DomainSetupRefusal>> {
  return setRetired(input, true);
}

export function restoreDomain(input: DomainVersionInput & Actor): Promise<{ ok: true } | Refused<DomainSetupRefusal>> {
  return setRetired(input, false);
}

/** Retiring and restoring are one change in two directions; only retiring asks about live rounds. */
async function setRetired(
  input: DomainVersionInput & Actor,
  retire: boolean,
): Promise<{ ok: true } | Refused<DomainSetupRefusal>> {
  const { evaluationId, domainId, expectedVersion, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const domain = await lockedDomain(tx, evaluationId, domainId, expectedVersion);
      if (Boolean(domain.retiredAt) === retire) return { ok: true as const };
      if (retire) {
        const liveRound = await tx.selectionRound.findFirst({
          where: { evaluationId, domainId, status: { in: [...LIVE_ROUND_STATUSES] } },
          select: { name: true },
        });
        if (liveRound) throw refuse("DOMAIN_IN_LIVE_ROUND");
      }
      const retiredAt = retire ? new Date() : null;
      await tx.domain.update({
        where: { evaluationId_id: { evaluationId, id: domainId } },
        data: { retiredAt, version: { increment: 1 } },
      });
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: retire ? "domain.retire" : "domain.restore",
        recordType: "Domain",
        recordId: domainId,
        before: { retiredAt: domain.retiredAt?.toISOString() ?? null },
        after: { retiredAt: retiredAt?.toISOString() ?? null },
        ipAddress,
      });
      return { ok: true as const };
    }),
  );
}

/** Deletes a domain nothing names yet (a typo, a second thought); anything else is retired instead. */
export async function deleteDomain(
  input: DomainVersionInput & Actor,
): Promise<{ ok: true } | Refused<DomainSetupRefusal>> {
  const { evaluationId, domainId, expectedVersion, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      await lockDomainList(tx, evaluationId);
      const domain = await lockedDomain(tx, evaluationId, domainId, expectedVersion);
      const where = { evaluationId, domainId };
      const uses = await Promise.all([
        tx.domainAssignment.count({ where }),
        tx.selectionRound.count({ where }),
        tx.selectionPanel.count({ where }),
        tx.learningDomain.count({ where }),
      ]);
      if (uses.some((count) => count > 0)) throw refuse("DOMAIN_IN_USE");
      await tx.domain.delete({ where: { evaluationId_id: { evaluationId, id: domainId } } });
      // Close the gap, so positions stay 1..n.
      await tx.$executeRaw`UPDATE domain SET position = -position WHERE evaluation_id = ${evaluationId} AND position > ${domain.position}`;
      await tx.$executeRaw`UPDATE domain SET position = -position - 1 WHERE evaluation_id = ${evaluationId} AND position < 0`;
      const { id, nameEs, nameEn, definitionEs, definitionEn, isOther, position } = domain;
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "domain.delete",
        recordType: "Domain",
        recordId: id,
        before: { nameEs, nameEn, definitionEs, definitionEn, isOther, position },
        ipAddress,
      });
      return { ok: true as const };
    }),
  );
}
