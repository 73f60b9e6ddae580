/**
 * What the import actions accept. The file travels as a File in the action's arguments; its size
 * is checked here first (before any byte is read), its content by lib/imports/reader.ts.
 */
import { z } from "zod";
import { MAX_IMPORT_BYTES } from "./limits";
import { IMPORT_KINDS } from "./fields";
import { idSchema as id } from "@/lib/core/ids";
import { NUMBER_LOCALES } from "@/lib/written-number";

const columnName = z.string({ error: "invalid" }).min(1, { error: "invalid" }).max(300, { error: "invalid" });

export const importFileSchema = z
  .instanceof(Blob, { error: "fileRequired" })
  .refine((file) => file.size > 0, { error: "EMPTY" })
  .refine((file) => file.size <= MAX_IMPORT_BYTES, { error: "TOO_LARGE" });

export const DELIMITERS = ["auto", ",", ";", "\t"] as const;

/** Stories: the repeat groups' CSV files, sent with the main file; together within the one upload limit. */
const relatedFiles = z.array(importFileSchema, { error: "invalid" }).max(10, { error: "invalid" }).default([]);
const withinLimit = (input: { file: Blob; related: Blob[] }) =>
  input.related.reduce((total, other) => total + other.size, input.file.size) <= MAX_IMPORT_BYTES;

export const analyzeImportInput = z.object({
  evaluationId: id,
  kind: z.enum(IMPORT_KINDS, { error: "invalid" }),
  file: importFileSchema,
  delimiter: z.enum(DELIMITERS, { error: "invalid" }).default("auto"),
});

export const dryRunImportInput = analyzeImportInput
  .extend({
    /** File column → field (or "field#choice"); checked against the kind's fields in the mutation. */
    mapping: z
      .record(columnName, z.string().max(200))
      .refine((value) => Object.keys(value).length <= 1000, { error: "invalid" }),
    keyColumn: columnName,
    /** Chosen by the wizard once per attempt: a retried request finds its batch instead of running twice. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: "invalid" }),
    /** Stories: the language whose way of writing numbers the figures follow (both 600,000 and 1.5 today, as Mexico writes them). */
    numberLocale: z.enum(NUMBER_LOCALES, { error: "invalid" }).optional(),
    related: relatedFiles,
  })
  .refine(withinLimit, { error: "TOO_LARGE", path: ["file"] });

export const commitImportInput = z
  .object({ evaluationId: id, batchId: id, file: importFileSchema, related: relatedFiles })
  .refine(withinLimit, { error: "TOO_LARGE", path: ["file"] });

export type AnalyzeImportInput = z.output<typeof analyzeImportInput>;
export type DryRunImportInput = z.output<typeof dryRunImportInput>;
export type CommitImportInput = z.output<typeof commitImportInput>;
