/**
 * The audit trail's record of an attachment read: who downloaded which file, with its hash, and
 * from where. Written before the bytes leave (lib/triangulation/loaders.ts `openEvidenceFile`),
 * so no download goes unrecorded.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";

export async function recordEvidenceFileRead(input: {
  evaluationId: string;
  actorId: string;
  attachment: { id: string; storyId: string; fileName: string; contentSha256: string | null };
  ipAddress?: string | null;
}): Promise<void> {
  const { evaluationId, actorId, attachment, ipAddress } = input;
  await db().$transaction((tx) =>
    recordAudit(tx, {
      evaluationId,
      actorId,
      action: "evidence.file.read",
      recordType: "EvidenceItem",
      recordId: attachment.id,
      after: { storyId: attachment.storyId, fileName: attachment.fileName, contentSha256: attachment.contentSha256 },
      ipAddress,
    }),
  );
}
