/** Reading the excerpts of one transcript source, with the check that tells drifted ones apart. */
import "server-only";
import { db } from "@/lib/db";
import type { TranscriptVariant } from "@/lib/generated/prisma/enums";
import { isAnchored } from "./anchor";
import type { ExcerptSource } from "./mutations";

export type ExcerptView = {
  id: string;
  variant: TranscriptVariant;
  startOffset: number;
  endOffset: number;
  quotedText: string;
  note: string | null;
  createdBy: string;
  createdAt: Date;
  storyCount: number;
  /** The transcript no longer has the quoted text at the offsets: shown with a warning. */
  needsAttention: boolean;
};

export async function listExcerpts(
  evaluationId: string,
  source: ExcerptSource,
  transcripts: { original: string | null; translation: string | null },
): Promise<ExcerptView[]> {
  const rows = await db().transcriptExcerpt.findMany({
    where: {
      evaluationId,
      ...(source.interviewId ? { interviewId: source.interviewId } : { focusGroupId: source.focusGroupId }),
    },
    orderBy: [{ variant: "asc" }, { startOffset: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      variant: true,
      startOffset: true,
      endOffset: true,
      quotedText: true,
      note: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      _count: { select: { storySources: true } },
    },
  });
  return rows.map(({ createdBy, _count, ...excerpt }) => ({
    ...excerpt,
    createdBy: createdBy.name,
    storyCount: _count.storySources,
    needsAttention: !isAnchored(
      excerpt.variant === "ORIGINAL" ? transcripts.original : transcripts.translation,
      excerpt,
    ),
  }));
}
