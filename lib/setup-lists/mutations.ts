/**
 * Adding, renaming and removing sectors, priorities and at-risk groups. Names are unique per evaluation and
 * language whatever their accents or case: every change takes the evaluation's list lock first,
 * then compares keys. An item that respondents, stories or learnings name cannot be removed. Each change has
 * its audit event.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nameKey } from "@/lib/name-key";
import { refusals, type Refused } from "@/lib/core/refusal";
import type { AddListItemInput, ListKind, RemoveListItemInput, RenameListItemInput } from "./schema";

/** Why an item of a set-up list is not added, renamed or removed. */
export const LIST_ITEM_REFUSALS = ["DUPLICATE_NAME", "STALE_VERSION", "ITEM_IN_USE"] as const;
export type ListItemRefusal = (typeof LIST_ITEM_REFUSALS)[number];
const { refuse, asResults } = refusals<ListItemRefusal>();

type Tx = Prisma.TransactionClient;
type Actor = { actorId: string; ipAddress?: string | null };
type Item = { id: string; nameEs: string; nameEn: string };

/** What differs between the lists, in one place. */
const LISTS = {
  SECTOR: {
    recordType: "Sector",
    action: "sector",
    all: (tx: Tx, evaluationId: string): Promise<Item[]> =>
      tx.sector.findMany({ where: { evaluationId }, select: { id: true, nameEs: true, nameEn: true } }),
    create: (tx: Tx, evaluationId: string, names: Omit<Item, "id">) =>
      tx.sector.create({ data: { evaluationId, ...names }, select: { id: true } }),
    rename: (tx: Tx, evaluationId: string, id: string, names: Omit<Item, "id">) =>
      tx.sector.update({ where: { evaluationId_id: { evaluationId, id } }, data: names }),
    uses: async (tx: Tx, evaluationId: string, sectorId: string) =>
      (await tx.respondent.count({ where: { evaluationId, sectorId } })) +
      (await tx.storySector.count({ where: { evaluationId, sectorId } })),
    remove: (tx: Tx, evaluationId: string, id: string) =>
      tx.sector.delete({ where: { evaluationId_id: { evaluationId, id } } }),
  },
  PRIORITY: {
    recordType: "PriorityTag",
    action: "priority",
    all: (tx: Tx, evaluationId: string): Promise<Item[]> =>
      tx.priorityTag.findMany({ where: { evaluationId }, select: { id: true, nameEs: true, nameEn: true } }),
    create: async (tx: Tx, evaluationId: string, names: Omit<Item, "id">) => {
      const last = await tx.priorityTag.aggregate({ where: { evaluationId }, _max: { position: true } });
      return tx.priorityTag.create({
        data: { evaluationId, position: (last._max.position ?? 0) + 1, ...names },
        select: { id: true },
      });
    },
    rename: (tx: Tx, evaluationId: string, id: string, names: Omit<Item, "id">) =>
      tx.priorityTag.update({ where: { evaluationId_id: { evaluationId, id } }, data: names }),
    uses: (tx: Tx, evaluationId: string, priorityTagId: string) =>
      tx.storyPriorityTag.count({ where: { evaluationId, priorityTagId } }),
    remove: (tx: Tx, evaluationId: string, id: string) =>
      tx.priorityTag.delete({ where: { evaluationId_id: { evaluationId, id } } }),
  },
  AT_RISK_GROUP: {
    recordType: "AtRiskGroup",
    action: "atRiskGroup",
    all: (tx: Tx, evaluationId: string): Promise<Item[]> =>
      tx.atRiskGroup.findMany({ where: { evaluationId }, select: { id: true, nameEs: true, nameEn: true } }),
    create: async (tx: Tx, evaluationId: string, names: Omit<Item, "id">) => {
      const last = await tx.atRiskGroup.aggregate({ where: { evaluationId }, _max: { position: true } });
      return tx.atRiskGroup.create({
        data: { evaluationId, position: (last._max.position ?? 0) + 1, ...names },
        select: { id: true },
      });
    },
    // The code stays: imports of the same collection form keep matching the renamed group.
    rename: (tx: Tx, evaluationId: string, id: string, names: Omit<Item, "id">) =>
      tx.atRiskGroup.update({ where: { evaluationId_id: { evaluationId, id } }, data: names }),
    uses: async (tx: Tx, evaluationId: string, groupId: string) =>
      (await tx.respondentAtRiskGroup.count({ where: { evaluationId, groupId } })) +
      (await tx.storyAtRiskGroup.count({ where: { evaluationId, groupId } })) +
      (await tx.learning.count({ where: { evaluationId, atRiskGroupId: groupId } })),
    remove: (tx: Tx, evaluationId: string, id: string) =>
      tx.atRiskGroup.delete({ where: { evaluationId_id: { evaluationId, id } } }),
  },
} satisfies Record<ListKind, unknown>;

/** The list, locked against other changes to it until the transaction ends. */
async function lockedList(tx: Tx, evaluationId: string, kind: ListKind): Promise<Item[]> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`list:${kind}:${evaluationId}`}, 0))`;
  return LISTS[kind].all(tx, evaluationId);
}

function refuseTakenNames(items: Item[], names: Omit<Item, "id">, exceptId?: string) {
  const others = items.filter((item) => item.id !== exceptId);
  if (others.some((item) => nameKey(item.nameEs) === nameKey(names.nameEs))) throw refuse("DUPLICATE_NAME", "nameEs");
  if (others.some((item) => nameKey(item.nameEn) === nameKey(names.nameEn))) throw refuse("DUPLICATE_NAME", "nameEn");
}

export async function addListItem(
  input: AddListItemInput & Actor,
): Promise<{ ok: true; itemId: string } | Refused<ListItemRefusal>> {
  const { evaluationId, kind, nameEs, nameEn } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      refuseTakenNames(await lockedList(tx, evaluationId, kind), { nameEs, nameEn });
      const item = await LISTS[kind].create(tx, evaluationId, { nameEs, nameEn });
      await recordAudit(tx, {
        evaluationId,
        actorId: input.actorId,
        action: `${LISTS[kind].action}.create`,
        recordType: LISTS[kind].recordType,
        recordId: item.id,
        after: { nameEs, nameEn },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, itemId: item.id };
    }),
  );
}

export async function renameListItem(
  input: RenameListItemInput & Actor,
): Promise<{ ok: true } | Refused<ListItemRefusal>> {
  const { evaluationId, kind, itemId, seen, nameEs, nameEn } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const items = await lockedList(tx, evaluationId, kind);
      const item = items.find((row) => row.id === itemId);
      if (!item) throw new AppError("NOT_FOUND");
      if (item.nameEs !== seen.nameEs || item.nameEn !== seen.nameEn) throw refuse("STALE_VERSION");
      refuseTakenNames(items, { nameEs, nameEn }, itemId);
      if (item.nameEs === nameEs && item.nameEn === nameEn) return { ok: true as const };
      await LISTS[kind].rename(tx, evaluationId, itemId, { nameEs, nameEn });
      await recordAudit(tx, {
        evaluationId,
        actorId: input.actorId,
        action: `${LISTS[kind].action}.update`,
        recordType: LISTS[kind].recordType,
        recordId: itemId,
        before: { nameEs: item.nameEs, nameEn: item.nameEn },
        after: { nameEs, nameEn },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const };
    }),
  );
}

export async function removeListItem(
  input: RemoveListItemInput & Actor,
): Promise<{ ok: true } | Refused<ListItemRefusal>> {
  const { evaluationId, kind, itemId } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const item = (await lockedList(tx, evaluationId, kind)).find((row) => row.id === itemId);
      if (!item) throw new AppError("NOT_FOUND");
      if ((await LISTS[kind].uses(tx, evaluationId, itemId)) > 0) throw refuse("ITEM_IN_USE");
      await LISTS[kind].remove(tx, evaluationId, itemId);
      await recordAudit(tx, {
        evaluationId,
        actorId: input.actorId,
        action: `${LISTS[kind].action}.delete`,
        recordType: LISTS[kind].recordType,
        recordId: itemId,
        before: { nameEs: item.nameEs, nameEn: item.nameEn },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const };
    }),
  );
}
