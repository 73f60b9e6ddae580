/** Reading the excerpts of one transcript source, with the check that tells drifted ones apart. */
import "server-only";
import { db } from "@/lib/db";
import type { TranscriptVariant } from "@/lib/generated/prisma/enums";
import { isAnchored } from "./anchor";

/** Which record's transcript an excerpt marks: an interview's or a focus group's. */
export type ExcerptSource =
  { interviewId: string; focusGroupId?: undefined } | { focusGroupId: string; interviewId?: undefined };

/** The excerpts of one record, as a `where` reads them. */
export function excerptSourceWhere(source: ExcerptSource) {
  return source.interviewId ? { interviewId: source.interviewId } : { focusGroupId: source.focusGroupId };
}

/**
 * Where an excerpt lies: the record whose transcript it marks, which of its two texts, and the
 * offsets. A deleted excerpt's audit event keeps it; the project export places its selection by it.
 */
export const excerptPlaceSelect = {
  interviewId: true,
  focusGroupId: true,
  variant: true,
  startOffset: true,
  endOffset: true,
} as const;

/** An excerpt as the viewer shows it and as marking one answers it. */
export const excerptSelect = {
  id: true,
  variant: true,
  startOffset: true,
  endOffset: true,
  quotedText: true,
  note: true,
  createdAt: true,
} as const;

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
    where: { evaluationId, ...excerptSourceWhere(source) },
    orderBy: [{ variant: "asc" }, { startOffset: "asc" }, { createdAt: "asc" }],
    select: {
      ...excerptSelect,
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
