/** What the imports page reads: the kinds this person may import, the history, and one batch's row errors. */
import type { Reader } from "@/lib/evaluations/access";
import { loadEvaluationHeading } from "@/lib/evaluations/loaders";
import { getImportBatch, listBatchErrors, listImportBatches } from "./data";
import { importableKinds } from "./policy";

export type ImportsPageQuery = { page: number; batchId: string | null; errorsPage: number };

/** Null when the reader may not import here (404). */
export async function loadImportsPage(evaluationId: string, reader: Reader | null, query: ImportsPageQuery) {
  const opened = await loadEvaluationHeading(evaluationId, reader, "import.run");
  if (!opened) return null;
  const [history, batch] = await Promise.all([
    listImportBatches(evaluationId, query.page),
    query.batchId ? getImportBatch(evaluationId, query.batchId) : null,
  ]);
  const errors = batch ? await listBatchErrors(evaluationId, batch.id, query.errorsPage) : null;
  return { evaluation: opened.evaluation, kinds: importableKinds(opened.access.roles), history, batch, errors };
}
