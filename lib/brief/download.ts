/**
 * A download of the brief: the reader's copy in the format and language asked for, and one audit
 * event saying who took which copy. Takes the reader explicitly, so tests call it as the route does.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { EvaluationReader } from "@/lib/evaluations/data";
import { briefDocx } from "./docx";
import { loadBrief } from "./loaders";
import { briefPdf } from "./pdf";
import type { BriefDownload } from "./schema";

export type BriefFile = { body: Buffer; contentType: string; filename: string };

const CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

/** The file, or null when the reader may not have this copy (answer 404). */
export async function downloadBrief(
  evaluationId: string,
  reader: EvaluationReader,
  request: BriefDownload,
): Promise<BriefFile | null> {
  const content = await loadBrief(evaluationId, reader, { include: request.include, lang: request.lang });
  if (!content) return null;
  const body = request.format === "docx" ? await briefDocx(content) : await briefPdf(content);
  await db().$transaction((tx) =>
    recordAudit(tx, {
      evaluationId,
      actorId: reader.id,
      action: "brief.download",
      recordType: "Evaluation",
      recordId: evaluationId,
      after: { format: request.format, lang: request.lang, include: request.include },
    }),
  );
  const suffix = request.include === "approved" ? "" : `-draft-${request.include}`;
  return {
    body,
    contentType: CONTENT_TYPES[request.format],
    filename: `learning-brief-${request.lang}${suffix}.${request.format}`,
  };
}
