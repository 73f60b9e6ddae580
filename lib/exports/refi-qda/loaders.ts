/**
 * What a REFI-QDA project is built from, for a reader who may read transcripts
 * (`interview.view`: leads, evaluators, analysts); null for everyone else, which the route
 * answers with 404. Panelists and reviewers never read transcripts in the app, so they get no
 * project either (decision 0026).
 */
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { findProjectRecords } from "./data";

export async function loadRefiQdaRecords(evaluationId: string, reader: Reader | null) {
  if (!(await accessWith(evaluationId, reader, "interview.view"))) return null;
  return findProjectRecords(evaluationId);
}
