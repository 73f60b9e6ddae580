/** What the audit pages read: an evaluation's trail for those who may see it, and the installation's chains for administrators. */
import type { Reader } from "@/lib/evaluations/access";
import { can, rolesOf } from "@/lib/permissions";
import { loadEvaluationHeading } from "@/lib/evaluations/loaders";
import { listAuditActors, listAuditEvents, verifyAllAuditChains } from "./data";
import { findRecordLabels } from "./label-data";
import type { AuditFilters } from "./schema";

/**
 * One page of the trail with the filter's choices and what each event's record is called (for its
 * sentence); null when the reader may not see the trail (404).
 */
export async function loadAuditPage(
  evaluationId: string,
  reader: Reader | null,
  filters: AuditFilters,
  locale: "es" | "en" = "es",
) {
  const opened = await loadEvaluationHeading(evaluationId, reader, "audit.view");
  if (!opened) return null;
  const [{ events, next, actors: names }, actors] = await Promise.all([
    listAuditEvents(evaluationId, filters),
    listAuditActors(evaluationId),
  ]);
  const labels = await findRecordLabels(evaluationId, events, locale);
  return { evaluation: opened.evaluation, events, next, names, actors, labels };
}

/**
 * Every chain re-computed when `run` is asked for (an empty list before), for those who may
 * verify the installation's chains; null for anyone else (404).
 */
export async function loadAuditChainCheck(reader: Reader | null, run: boolean) {
  if (!reader || reader.needsTwoFactorEnrolment || !can(rolesOf(reader, []), "audit.verify")) return null;
  return run ? verifyAllAuditChains() : [];
}
