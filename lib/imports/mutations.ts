/**
 * The import's three steps on the server. Explicit ids, no session (tests and the benchmark call
 * these directly).
 * - analyze: reads the header only and suggests a mapping (or the one saved for this evaluation and kind).
 * - dry run: validates every row; writes the batch (DRY_RUN), its row errors and the mapping, nothing else.
 * - commit: one transaction that validates every row again against the database as it is now and
 *   writes all records, or nothing. The file is sent again and must be the one the dry run read.
 */
import "server-only";
import { Refusal, refusals, rejectionOf, type Rejection } from "@/lib/core/refusal";
import { recordAudit } from "@/lib/audit";
import { keyRingFromEnv, type KeyRing } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newRecordId } from "./record-ids";
import { insertImportedRows } from "./bulk-insert";
import { fieldOf } from "./fields";
import { IMPORT_FILE_PROBLEMS, ImportFileError } from "./limits";
import {
  applySavedMapping,
  incompleteGroups,
  savedMappingWithSuggestions,
  missingRequired,
  parseTarget,
  suggestKeyColumn,
  suggestMapping,
  unknownTargets,
  type ColumnMapping,
} from "./mapping";
import { openTable, type Delimiter } from "./reader";
import type { RowError } from "./rows";
import { fileSha256, RECORD_TYPE, scanFile, type RelatedFile, type ValidRow } from "./scan";
import type { NumberLocale } from "@/lib/written-number";
import { writeInterviews, writeProjects, writeRespondents, writeStories, type WriteContext } from "./writers";

export type Actor = { actorId: string; ipAddress?: string | null };
const MAPPING_NAME = "default";
/** A 10,000-row commit runs for seconds; allow well beyond it on a busy machine. */
const COMMIT_TRANSACTION = { maxWait: 30_000, timeout: 300_000 } as const;

/** Why a file, its mapping or its commit is refused: the file's own problems (./limits.ts), then the import's. */
export const IMPORT_REFUSALS = [
  ...IMPORT_FILE_PROBLEMS,
  "MAPPING_UNKNOWN_COLUMN",
  "MAPPING_UNKNOWN_FIELD",
  "MAPPING_REQUIRED",
  "MAPPING_CONSENT_INCOMPLETE",
  "KEY_COLUMN_MISSING",
  "KEY_COLUMN_IDENTITY",
  "IDEMPOTENCY_KEY_REUSED",
  "FILE_CHANGED",
  "ROWS_INVALID",
] as const;
export type ImportRefusal = (typeof IMPORT_REFUSALS)[number];
const { refuse } = refusals<ImportRefusal>();

/** A file's problem as a refusal: the suggested separator and the repeated column travel as details. */
function fileProblem({ problem }: ImportFileError): Refusal<ImportRefusal> {
  return refuse(problem.code, undefined, { suggestion: problem.suggestion, header: problem.header });
}

/**
 * The import steps answer the action's own shape (`Rejection`): a refusal thrown while reading
 * the file or checking the mapping becomes one, with its details beside the reason.
 */
function rejection(error: unknown): Rejection | null {
  if (error instanceof ImportFileError) return rejectionOf(fileProblem(error));
  return error instanceof Refusal ? rejectionOf(error) : null;
}

async function fileRefusal<T>(work: () => Promise<T>): Promise<T | Rejection> {
  try {
    return await work();
  } catch (error) {
    const refused = rejection(error);
    if (refused) return refused;
    throw error;
  }
}

export async function analyzeImportFile(input: {
  evaluationId: string;
  kind: ImportKind;
  file: Blob;
  delimiter: Delimiter;
}) {
  return fileRefusal(async () => {
    const table = await openTable(input.file, { delimiter: input.delimiter });
    await table.rows.return(undefined);
    const saved = await db().importMapping.findFirst({
      where: { evaluationId: input.evaluationId, kind: input.kind, name: MAPPING_NAME },
      select: { columns: true, keyColumn: true },
    });
    const savedColumns = saved ? applySavedMapping(saved.columns as ColumnMapping, table.headers) : {};
    const fromSaved = Object.keys(savedColumns).length > 0;
    // A new file may bring columns the last import did not have: each gets the match a first import would.
    const merged = fromSaved
      ? savedMappingWithSuggestions(input.kind, saved!.columns as ColumnMapping, table.headers)
      : { mapping: suggestMapping(input.kind, table.headers), suggested: [] };
    const mapping = merged.mapping;
    return {
      headers: table.headers,
      format: table.format,
      delimiter: table.delimiter,
      mapping,
      keyColumn:
        saved && table.headers.includes(saved.keyColumn)
          ? saved.keyColumn
          : suggestKeyColumn(table.headers, input.kind, mapping),
      fromSaved,
      /** Columns matched from their names although a saved mapping was used (new in this file). */
      suggestedColumns: merged.suggested,
    };
  });
}

/** Refuses a mapping that names unknown fields, leaves a required field out, or keys rows on an identity. */
function mappingProblem(
  kind: ImportKind,
  mapping: ColumnMapping,
  keyColumn: string,
  headers: string[],
): Refusal<ImportRefusal> | null {
  if (Object.keys(mapping).some((column) => !headers.includes(column))) return refuse("MAPPING_UNKNOWN_COLUMN");
  if (unknownTargets(kind, mapping).length > 0) return refuse("MAPPING_UNKNOWN_FIELD");
  const missing = missingRequired(kind, mapping);
  if (missing.length > 0) return refuse("MAPPING_REQUIRED", "mapping", { target: missing[0] });
  const incomplete = incompleteGroups(kind, mapping);
  if (incomplete.length > 0) return refuse("MAPPING_CONSENT_INCOMPLETE", "mapping", { target: incomplete[0] });
  if (!headers.includes(keyColumn)) return refuse("KEY_COLUMN_MISSING", "keyColumn");
  const keyTarget = mapping[keyColumn];
  // The key is stored in clear (imported_row.external_key): it must never be a name, phone or community.
  if (keyTarget && fieldOf(kind, parseTarget(keyTarget).field)?.identity)
    return refuse("KEY_COLUMN_IDENTITY", "keyColumn");
  return null;
}

function cleanFileName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, "")
    .trim();
  return (cleaned || "import").slice(0, 200);
}

function errorRows(evaluationId: string, batchId: string, errors: RowError[]): Prisma.ImportRowErrorCreateManyInput[] {
  return errors.map((error) => ({
    evaluationId,
    batchId,
    rowNumber: error.rowNumber,
    sheet: error.sheet?.slice(0, 300) ?? null,
    column: error.column?.slice(0, 300) ?? null,
    code: error.code,
  }));
}

/**
 * The fingerprint the commit checks: the main file's alone (as before) or, with repeat-group
 * files, of all of them in the order sent, so a commit reads exactly what its dry run read.
 */
async function filesSha256(file: Blob, related: RelatedFile[] = []): Promise<string> {
  const main = await fileSha256(file);
  if (related.length === 0) return main;
  const parts = [
    main,
    ...(await Promise.all(related.map(async (other) => `${other.name}:${await fileSha256(other.file)}`))),
  ];
  return fileSha256(new Blob([parts.join("\n")]));
}

export type DryRunResult = {
  batchId: string;
  rowCount: number;
  newCount: number;
  skippedCount: number;
  errorCount: number;
  ignoredSheets?: string[];
};

export async function dryRunImport(
  actor: Actor,
  input: {
    evaluationId: string;
    kind: ImportKind;
    file: Blob;
    fileName: string;
    delimiter: Delimiter;
    mapping: ColumnMapping;
    keyColumn: string;
    idempotencyKey: string;
    /** Stories: the repeat groups' CSV files, and the language the figures are written in (Spanish unless said). */
    related?: RelatedFile[];
    numberLocale?: NumberLocale;
  },
): Promise<DryRunResult | Rejection> {
  const { evaluationId, kind } = input;
  const numberLocale = kind === "STORIES" ? (input.numberLocale ?? "es") : undefined;
  const earlier = await db().importBatch.findUnique({
    where: { evaluationId_idempotencyKey: { evaluationId, idempotencyKey: input.idempotencyKey } },
    select: { id: true, rowCount: true, newCount: true, skippedCount: true, errorCount: true, fileSha256: true },
  });
  const sha = await filesSha256(input.file, input.related);
  if (earlier)
    return earlier.fileSha256 === sha
      ? { batchId: earlier.id, ...earlier }
      : rejectionOf(refuse("IDEMPOTENCY_KEY_REUSED"));

  return fileRefusal(async () => {
    const table = await openTable(input.file, { delimiter: input.delimiter });
    await table.rows.return(undefined);
    const problem = mappingProblem(kind, input.mapping, input.keyColumn, table.headers);
    if (problem) throw problem;
    const summary = await scanFile({
      client: db(),
      evaluationId,
      kind,
      file: input.file,
      related: input.related,
      numberLocale,
      mapping: input.mapping,
      keyColumn: input.keyColumn,
      delimiter: input.delimiter,
    });
    if (summary.rowCount === 0) throw refuse("EMPTY");
    return db().$transaction(async (tx) => {
      const batch = await tx.importBatch.create({
        data: {
          evaluationId,
          kind,
          fileName: cleanFileName(input.fileName),
          fileSha256: sha,
          columns: input.mapping,
          keyColumn: input.keyColumn,
          rowCount: summary.rowCount,
          newCount: summary.newCount,
          skippedCount: summary.skippedCount,
          errorCount: summary.errorCount,
          delimiter: summary.delimiter,
          numberLocale: numberLocale ?? null,
          status: "DRY_RUN",
          idempotencyKey: input.idempotencyKey,
          createdById: actor.actorId,
        },
        select: { id: true },
      });
      if (summary.errors.length > 0)
        await tx.importRowError.createMany({ data: errorRows(evaluationId, batch.id, summary.errors) });
      // The next file of this kind opens with this mapping.
      await tx.importMapping.upsert({
        where: { evaluationId_kind_name: { evaluationId, kind, name: MAPPING_NAME } },
        create: {
          evaluationId,
          kind,
          name: MAPPING_NAME,
          columns: input.mapping,
          keyColumn: input.keyColumn,
          createdById: actor.actorId,
        },
        update: { columns: input.mapping, keyColumn: input.keyColumn },
      });
      const { rowCount, newCount, skippedCount, errorCount, ignoredSheets } = summary;
      return {
        batchId: batch.id,
        rowCount,
        newCount,
        skippedCount,
        errorCount,
        ...(ignoredSheets.length ? { ignoredSheets } : {}),
      };
    });
  });
}

export type CommitResult = { batchId: string; created: number; skipped: number; alreadyCommitted: boolean };

class RowsInvalid extends Error {
  constructor(
    readonly errors: RowError[],
    readonly errorCount: number,
  ) {
    super("ROWS_INVALID");
  }
}

async function writeChunk(ctx: WriteContext, kind: ImportKind, rows: ValidRow[]): Promise<void> {
  const keyed = <T>(pick: (row: ValidRow) => T) => rows.map((row) => ({ key: row.key, input: pick(row) }));
  const created =
    kind === "RESPONDENTS"
      ? await writeRespondents(
          ctx,
          keyed((row) => (row.converted.kind === "RESPONDENTS" ? row.converted.input : never())),
        )
      : kind === "INTERVIEWS"
        ? await writeInterviews(
            ctx,
            keyed((row) => (row.converted.kind === "INTERVIEWS" ? row.converted.input : never())),
          )
        : kind === "STORIES"
          ? await writeStories(
              ctx,
              keyed((row) =>
                row.converted.kind === "STORIES"
                  ? { story: row.converted.input, domains: row.converted.domains }
                  : never(),
              ),
            )
          : await writeProjects(
              ctx,
              keyed((row) => (row.converted.kind === "PROJECTS" ? row.converted.input : never())),
            );
  await insertImportedRows(
    ctx.tx,
    ctx.evaluationId,
    ctx.batchId,
    RECORD_TYPE[kind],
    created.map((row) => ({ id: newRecordId(), externalKey: row.key, recordId: row.recordId })),
  );
}

function never(): never {
  throw new Error("a row of another kind");
}

export async function commitImport(
  actor: Actor,
  input: { evaluationId: string; batchId: string; file: Blob; related?: RelatedFile[] },
  ring: KeyRing = keyRingFromEnv(),
): Promise<CommitResult | Rejection> {
  const { evaluationId, batchId } = input;
  const sha = await filesSha256(input.file, input.related);
  try {
    return await db().$transaction(async (tx) => {
      // The batch row lock makes a second commit of the same batch wait, then find it committed.
      const locked = await tx.$queryRaw<Array<{ status: string }>>`
        SELECT status FROM import_batch WHERE evaluation_id = ${evaluationId} AND id = ${batchId} FOR UPDATE`;
      if (!locked[0]) throw new AppError("NOT_FOUND", "import batch outside the evaluation");
      const batch = await tx.importBatch.findFirstOrThrow({ where: { evaluationId, id: batchId } });
      if (batch.status === "COMMITTED")
        return { batchId, created: batch.newCount, skipped: batch.skippedCount, alreadyCommitted: true };
      if (batch.fileSha256 !== sha) throw refuse("FILE_CHANGED", "file");
      // Imports of one kind into one evaluation run one after the other, so two commits of the same
      // file (two batches) see each other's imported rows and create each record once.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`import:${evaluationId}:${batch.kind}`}, 0))`;
      const ctx: WriteContext = {
        tx,
        evaluationId,
        actorId: actor.actorId,
        ipAddress: actor.ipAddress ?? null,
        batchId,
        ring,
      };
      const summary = await scanFile({
        client: tx,
        evaluationId,
        kind: batch.kind,
        file: input.file,
        related: input.related,
        numberLocale: batch.numberLocale === "en" ? "en" : batch.numberLocale === "es" ? "es" : undefined,
        mapping: batch.columns as ColumnMapping,
        keyColumn: batch.keyColumn,
        delimiter: (batch.delimiter as Delimiter | null) ?? "auto",
        onValid: (rows) => writeChunk(ctx, batch.kind, rows),
      });
      if (summary.errorCount > 0) throw new RowsInvalid(summary.errors, summary.errorCount);
      await tx.importBatch.update({
        where: { id: batchId },
        data: {
          status: "COMMITTED",
          committedAt: new Date(),
          newCount: summary.newCount,
          skippedCount: summary.skippedCount,
          errorCount: 0,
        },
      });
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "import.commit",
        recordType: "ImportBatch",
        recordId: batchId,
        after: {
          kind: batch.kind,
          fileSha256: batch.fileSha256,
          rowCount: summary.rowCount,
          created: summary.newCount,
          skipped: summary.skippedCount,
        },
      });
      return { batchId, created: summary.newCount, skipped: summary.skippedCount, alreadyCommitted: false };
    }, COMMIT_TRANSACTION);
  } catch (error) {
    const refused = rejection(error);
    if (refused) return refused;
    if (!(error instanceof RowsInvalid)) throw error;
    // Nothing was written; the batch now shows what is wrong with the data as it stands.
    await db().$transaction(async (tx) => {
      await tx.importRowError.deleteMany({ where: { evaluationId, batchId } });
      await tx.importRowError.createMany({ data: errorRows(evaluationId, batchId, error.errors) });
      await tx.importBatch.updateMany({
        where: { evaluationId, id: batchId, status: { not: "COMMITTED" } },
        data: { status: "FAILED", errorCount: error.errorCount },
      });
    });
    return rejectionOf(refuse("ROWS_INVALID"));
  }
}
