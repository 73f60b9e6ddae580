/**
 * The people and projects a fieldwork record names sit in three link tables per kind: the team
 * members who ran it, the respondents heard, the projects discussed. A stored record's links are
 * read from them as id lists; a save writes only the difference, so a link that stays keeps its
 * row (and its createdAt).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { difference } from "./policy";

type Tx = Prisma.TransactionClient;

/** The calls a read and a save make on a link table; each kind's Prisma delegate offers them. */
type LinkRows<RecordKey extends string, Column extends string> = {
  findMany(args: {
    where: Record<"evaluationId" | RecordKey, string>;
    select: Record<Column, true>;
  }): PromiseLike<Array<Record<Column, string>>>;
  createMany(args: { data: Array<Record<"evaluationId" | RecordKey | Column, string>> }): PromiseLike<unknown>;
  deleteMany(args: {
    where: Record<"evaluationId" | RecordKey, string> & Record<Column, { in: string[] }>;
  }): PromiseLike<unknown>;
};

export type LinkTable = {
  ids(tx: Tx, evaluationId: string, recordId: string): PromiseLike<string[]>;
  add(tx: Tx, evaluationId: string, recordId: string, ids: readonly string[]): PromiseLike<unknown>;
  remove(tx: Tx, evaluationId: string, recordId: string, ids: readonly string[]): PromiseLike<unknown>;
};

/** One link table: `recordKey` is its column for the record ("interviewId"), `column` the one for what it links. */
export function linkTable<RecordKey extends string, Column extends string>(
  recordKey: RecordKey,
  column: Column,
  rows: (tx: Tx) => LinkRows<RecordKey, Column>,
): LinkTable {
  // Computed keys widen to `string`; these objects hold exactly the three named columns.
  const row = (evaluationId: string, recordId: string, id: string) =>
    ({ evaluationId, [recordKey]: recordId, [column]: id }) as Record<"evaluationId" | RecordKey | Column, string>;
  const ofRecord = (evaluationId: string, recordId: string, ids: readonly string[]) =>
    ({ evaluationId, [recordKey]: recordId, [column]: { in: [...ids] } }) as Record<
      "evaluationId" | RecordKey,
      string
    > &
      Record<Column, { in: string[] }>;
  const ofOne = (evaluationId: string, recordId: string) =>
    ({ evaluationId, [recordKey]: recordId }) as Record<"evaluationId" | RecordKey, string>;
  return {
    ids: async (tx, evaluationId, recordId) =>
      (
        await rows(tx).findMany({
          where: ofOne(evaluationId, recordId),
          select: { [column]: true } as Record<Column, true>,
        })
      ).map((link) => link[column]),
    add: (tx, evaluationId, recordId, ids) =>
      rows(tx).createMany({ data: ids.map((id) => row(evaluationId, recordId, id)) }),
    remove: (tx, evaluationId, recordId, ids) => rows(tx).deleteMany({ where: ofRecord(evaluationId, recordId, ids) }),
  };
}

/** A kind's link tables under its own field names, in the order they are written. */
export type LinkTables<Field extends string> = Record<Field, LinkTable>;

export type LinkIds<Field extends string> = Record<Field, string[]>;

type LinkChanges<Field extends string> = Record<Field, { added: string[]; removed: string[] }>;

function fieldsOf<Field extends string>(tables: LinkTables<Field>): Field[] {
  return Object.keys(tables) as Field[];
}

/** The ids each link table holds for one record, under the kind's field names. */
export async function readLinkIds<Field extends string>(
  tx: Tx,
  tables: LinkTables<Field>,
  record: { evaluationId: string; recordId: string },
): Promise<LinkIds<Field>> {
  const fields = fieldsOf(tables);
  const ids = await Promise.all(fields.map((field) => tables[field].ids(tx, record.evaluationId, record.recordId)));
  return Object.fromEntries(fields.map((field, index) => [field, ids[index]])) as LinkIds<Field>;
}

/** Only the link lists of a record or an input, so that nothing else reaches the link tables. */
export function linkIdsOf<Field extends string>(tables: LinkTables<Field>, value: LinkIds<Field>): LinkIds<Field> {
  return Object.fromEntries(fieldsOf(tables).map((field) => [field, value[field]])) as LinkIds<Field>;
}

/** What to add and what to remove, per table, to go from the stored links (none for a new record) to the saved ones. */
export function linkChanges<Field extends string>(
  tables: LinkTables<Field>,
  next: LinkIds<Field>,
  stored: LinkIds<Field> | null,
): LinkChanges<Field> {
  return Object.fromEntries(
    fieldsOf(tables).map((field) => [field, difference(next[field], stored?.[field] ?? [])]),
  ) as LinkChanges<Field>;
}

/** Removals first, then additions, table by table; a table with nothing to change is not asked. */
export async function writeLinkChanges<Field extends string>(
  tx: Tx,
  tables: LinkTables<Field>,
  record: { evaluationId: string; recordId: string },
  changes: LinkChanges<Field>,
) {
  for (const field of fieldsOf(tables)) {
    const { removed } = changes[field];
    if (removed.length > 0) await tables[field].remove(tx, record.evaluationId, record.recordId, removed);
  }
  for (const field of fieldsOf(tables)) {
    const { added } = changes[field];
    if (added.length > 0) await tables[field].add(tx, record.evaluationId, record.recordId, added);
  }
}
