/**
 * Reads of an evaluation's imports, always with the evaluation in the `where`. The caller has
 * checked `import.run` for this evaluation (lib/imports/access.ts).
 */
import "server-only";
import { db } from "@/lib/db";
import type { ImportKind } from "@/lib/generated/prisma/enums";

export const BATCH_PAGE_SIZE = 25;
export const ERROR_PAGE_SIZE = 50;

export async function findBatchKind(evaluationId: string, batchId: string): Promise<ImportKind | null> {
  const batch = await db().importBatch.findFirst({ where: { evaluationId, id: batchId }, select: { kind: true } });
  return batch?.kind ?? null;
}

const batchFields = {
  id: true,
  kind: true,
  fileName: true,
  status: true,
  rowCount: true,
  newCount: true,
  skippedCount: true,
  errorCount: true,
  createdAt: true,
  committedAt: true,
  createdBy: { select: { name: true } },
} as const;

/** Newest first (index evaluation_id, created_at). */
export async function listImportBatches(evaluationId: string, page: number) {
  const [rows, total] = await Promise.all([
    db().importBatch.findMany({
      where: { evaluationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * BATCH_PAGE_SIZE,
      take: BATCH_PAGE_SIZE,
      select: batchFields,
    }),
    db().importBatch.count({ where: { evaluationId } }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / BATCH_PAGE_SIZE)) };
}

export type ImportBatchRow = Awaited<ReturnType<typeof listImportBatches>>["rows"][number];

export async function getImportBatch(evaluationId: string, batchId: string) {
  return db().importBatch.findFirst({
    where: { evaluationId, id: batchId },
    select: { ...batchFields, keyColumn: true },
  });
}

/** One page of a batch's row errors in file order (index evaluation_id, batch_id, row_number). */
export async function listBatchErrors(evaluationId: string, batchId: string, page: number) {
  const where = { evaluationId, batchId };
  const [rows, total] = await Promise.all([
    db().importRowError.findMany({
      where,
      orderBy: [{ rowNumber: "asc" }, { id: "asc" }],
      skip: (page - 1) * ERROR_PAGE_SIZE,
      take: ERROR_PAGE_SIZE,
      select: { id: true, rowNumber: true, sheet: true, column: true, code: true },
    }),
    db().importRowError.count({ where }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / ERROR_PAGE_SIZE)) };
}

export type ImportRowErrorRow = Awaited<ReturnType<typeof listBatchErrors>>["rows"][number];

/**
 * The member a command-line import acts as (scripts/import.ts): an enabled account that is a
 * member of this evaluation, with its roles and language; null otherwise. The command line has
 * the database already, so it checks what the wizard's session would: membership and roles.
 */
export async function findImportingMember(evaluationId: string, email: string) {
  const member = await db().evaluationMember.findFirst({
    where: { evaluationId, user: { email: email.trim().toLowerCase(), disabledAt: null } },
    select: { roles: true, user: { select: { id: true, name: true, locale: true } } },
  });
  return member
    ? { userId: member.user.id, name: member.user.name, locale: member.user.locale, roles: member.roles }
    : null;
}

/** The e-mails of the evaluation's enabled leads (a few at most): the command line acts as the lead when there is one. */
export async function findLeadEmails(evaluationId: string): Promise<string[]> {
  const leads = await db().evaluationMember.findMany({
    where: { evaluationId, roles: { has: "LEAD" }, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
    orderBy: { user: { email: "asc" } },
    take: 5,
  });
  return leads.map((lead) => lead.user.email);
}

/** Every stored error of a batch, in file order (sheet by sheet), for the command line. */
export async function allBatchErrors(evaluationId: string, batchId: string) {
  return db().importRowError.findMany({
    where: { evaluationId, batchId },
    orderBy: [{ rowNumber: "asc" }, { id: "asc" }],
    select: { rowNumber: true, sheet: true, column: true, code: true },
  });
}
