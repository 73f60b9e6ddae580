/**
 * Saving a fieldwork record, the same way for every kind: one transaction that checks what the
 * record names, writes the row and its changed links, moves the transcript's excerpts when the
 * transcript changed, and records the audit event. Each kind says how its own rows are read and
 * written (lib/interviews/mutations.ts, lib/focus-groups/mutations.ts).
 */
import "server-only";
import { reject, type Rejection } from "@/lib/core/refusal";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { changedFields } from "@/lib/core/changed-fields";
import { AppError } from "@/lib/errors";
import { excerptAuditChanges, reanchorTranscriptExcerpts } from "@/lib/excerpts/mutations";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkReferences, type NamedReferences } from "./references";
import { kindOf, type FieldworkKind } from "./kinds";
import { linkChanges, linkIdsOf, writeLinkChanges, type LinkIds, type LinkTables } from "./links";
import { linksAuditView, pick, recordAuditView, recordRow, type RecordInput, type RecordRow } from "./rows";

type Tx = Prisma.TransactionClient;
export type Actor = { actorId: string; evaluationId: string; ipAddress?: string | null };
export type SavedRecord = { id: string; version: number };

type Row<Input, Own extends keyof Input> = RecordRow & Pick<Input, Own>;
/** The parsed form input of a kind: the shared fields, its own, and its link lists. */
type LinkedInput<Link extends string> = RecordInput & LinkIds<Link> & { projectIds: string[] };

/**
 * How one kind of record is saved. `Own` are the columns only this kind has, written and audited
 * as they are; `Link` are its link fields (the projects among them).
 */
type FieldworkWriter<Input extends LinkedInput<Link>, Own extends keyof Input & string, Link extends string> = {
  kind: FieldworkKind;
  ownColumns: readonly Own[];
  links: LinkTables<Link>;
  /** The team members who ran it: checked against the evaluation's team. */
  teamField: Link;
  /** The respondents heard: those newly added are checked for consent. */
  respondentField: Link;
  create(tx: Tx, evaluationId: string, row: Row<Input, Own>): Promise<SavedRecord>;
  /** The record as stored, or null when it is not one of this evaluation's. */
  findStored(
    tx: Tx,
    evaluationId: string,
    recordId: string,
  ): Promise<(Row<Input, Own> & LinkIds<Link> & { version: number }) | null>;
  /** Writes the row only while it is still at `where.version`; answers how many rows it wrote. */
  updateAtVersion(
    tx: Tx,
    where: { id: string; evaluationId: string; version: number },
    row: Row<Input, Own>,
  ): Promise<{ count: number }>;
};

/** The create and update of one kind of record, from how that kind is written. */
export function fieldworkSaves<Input extends LinkedInput<Link>, Own extends keyof Input & string, Link extends string>(
  writer: FieldworkWriter<Input, Own, Link>,
) {
  const { kind, links: tables } = writer;
  // Every kind links projects under this field (LinkedInput); its links hold it too.
  const PROJECTS = "projectIds" as Link;
  const rowOf = (input: Input): Row<Input, Own> => ({ ...recordRow(input), ...pick(input, writer.ownColumns) });

  /** The record as the audit trail sees it: free text replaced by its fingerprint. */
  const auditView = (value: Row<Input, Own> & LinkIds<Link>) => ({
    ...recordAuditView(value),
    ...pick(value, writer.ownColumns),
    ...linksAuditView(linkIdsOf(tables, value)),
  });

  const references = (input: Input, newRespondentIds: string[], newProjectIds: string[]): NamedReferences => ({
    teamFields: {
      [writer.teamField]: input[writer.teamField],
      translatedById: input.translatedById ? [input.translatedById] : [],
    },
    newRespondentIds,
    respondentField: writer.respondentField,
    projectIds: input.projectIds,
    newProjectIds,
    placeId: input.placeId,
  });

  async function create(args: Actor & { input: Input }): Promise<SavedRecord | Rejection> {
    const { actorId, evaluationId, input } = args;
    return db().$transaction(async (tx) => {
      const problem = await checkReferences(
        tx,
        evaluationId,
        references(input, input[writer.respondentField], input.projectIds),
      );
      if (problem) return problem;
      const row = rowOf(input);
      const links = linkIdsOf(tables, input);
      const record = await writer.create(tx, evaluationId, row);
      await writeLinkChanges(tx, tables, { evaluationId, recordId: record.id }, linkChanges(tables, links, null));
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: `${kind.auditName}.create`,
        recordType: kind.recordType,
        recordId: record.id,
        after: auditView({ ...row, ...links }),
        ipAddress: args.ipAddress,
      });
      return record;
    });
  }

  /**
   * Saves an edit made on `version`. A stale version is refused and nothing is written;
   * respondents already on the record are not re-checked for consent (only new ones are).
   */
  async function update(
    args: Actor & { recordId: string; version: number; input: Input },
  ): Promise<SavedRecord | Rejection> {
    const { actorId, evaluationId, recordId, input } = args;
    return db().$transaction(async (tx) => {
      const stored = await writer.findStored(tx, evaluationId, recordId);
      if (!stored) throw new AppError("NOT_FOUND", `${kind.noun} outside the evaluation`);
      if (stored.version !== args.version) return reject("VERSION_CONFLICT");

      const links = linkIdsOf(tables, input);
      const changes = linkChanges(tables, links, linkIdsOf(tables, stored));
      const problem = await checkReferences(
        tx,
        evaluationId,
        references(input, changes[writer.respondentField].added, changes[PROJECTS].added),
      );
      if (problem) return problem;

      const row = rowOf(input);
      // The version in the where makes a concurrent save that got here first win; this one then writes nothing.
      const updated = await writer.updateAtVersion(tx, { id: recordId, evaluationId, version: args.version }, row);
      if (updated.count !== 1) return reject("VERSION_CONFLICT");
      await writeLinkChanges(tx, tables, { evaluationId, recordId }, changes);

      const source = kind.excerptsOf(recordId);
      const summaries = [
        await reanchorTranscriptExcerpts(tx, {
          evaluationId,
          source,
          variant: "ORIGINAL",
          oldText: stored.transcriptOriginal,
          newText: row.transcriptOriginal,
        }),
        await reanchorTranscriptExcerpts(tx, {
          evaluationId,
          source,
          variant: "TRANSLATION",
          oldText: stored.transcriptTranslation,
          newText: row.transcriptTranslation,
        }),
      ];

      const version = stored.version + 1;
      const fields = changedFields(
        { ...auditView(stored), version: stored.version },
        { ...auditView({ ...row, ...links }), version },
      );
      const excerpts = excerptAuditChanges(summaries);
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: `${kind.auditName}.update`,
        recordType: kind.recordType,
        recordId,
        before: { ...fields.before, ...excerpts.before },
        after: { ...fields.after, ...excerpts.after },
        ipAddress: args.ipAddress,
      });
      return { id: recordId, version };
    });
  }

  return { create, update };
}

/** A read of a transcript is part of the record: who read which record's words, and when. */
export async function recordTranscriptRead(
  args: Actor & { recordType: FieldworkKind["recordType"]; recordId: string },
) {
  await db().$transaction((tx) =>
    recordAudit(tx, {
      evaluationId: args.evaluationId,
      actorId: args.actorId,
      action: `${kindOf(args.recordType).auditName}.transcript.read`,
      recordType: args.recordType,
      recordId: args.recordId,
      ipAddress: args.ipAddress,
    }),
  );
}
