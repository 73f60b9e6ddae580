/**
 * Excerpts: marking a passage, removing a mark, and moving every mark of a transcript when the
 * transcript is edited (called inside the interview's or focus group's saving transaction).
 */
import "server-only";
import { reject, type Rejection } from "@/lib/core/refusal";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TranscriptVariant } from "@/lib/generated/prisma/enums";
import { isAnchored, reanchorExcerpts, splitsSurrogatePair } from "./anchor";
import { excerptPlaceSelect, excerptSelect, excerptSourceWhere, type ExcerptSource, type ExcerptView } from "./data";
import { transcriptFingerprint } from "./fingerprint";
import type { ExcerptCreateInput } from "./schema";

type Tx = Prisma.TransactionClient;

export type ReanchorSummary = {
  /** Offsets before and after, for the excerpts that moved. */
  moved: Array<{ id: string; from: [number, number]; to: [number, number] }>;
  /** Excerpts whose passage could not be found again (kept, shown with a warning). */
  needingAttention: string[];
};

/** Moves the excerpts of one transcript after an edit from oldText to newText. One read, one write. */
export async function reanchorTranscriptExcerpts(
  tx: Tx,
  args: {
    evaluationId: string;
    source: ExcerptSource;
    variant: TranscriptVariant;
    oldText: string | null;
    newText: string | null;
  },
): Promise<ReanchorSummary> {
  const summary: ReanchorSummary = { moved: [], needingAttention: [] };
  if ((args.oldText ?? "") === (args.newText ?? "")) return summary;
  const excerpts = await tx.transcriptExcerpt.findMany({
    where: { evaluationId: args.evaluationId, ...excerptSourceWhere(args.source), variant: args.variant },
    select: { id: true, startOffset: true, endOffset: true, quotedText: true },
  });
  if (excerpts.length === 0) return summary;

  const newText = args.newText ?? "";
  for (const result of reanchorExcerpts(args.oldText ?? "", newText, excerpts)) {
    const { excerpt } = result;
    if (result.outcome === "MOVED") {
      summary.moved.push({
        id: excerpt.id,
        from: [excerpt.startOffset, excerpt.endOffset],
        to: [result.startOffset, result.endOffset],
      });
    } else if (result.outcome !== "KEPT" && isAnchored(args.oldText, excerpt)) {
      summary.needingAttention.push(excerpt.id);
    }
  }
  if (summary.moved.length > 0) {
    const ids = summary.moved.map((move) => move.id);
    const starts = summary.moved.map((move) => move.to[0]);
    const ends = summary.moved.map((move) => move.to[1]);
    await tx.$executeRaw`
      UPDATE transcript_excerpt AS excerpt
      SET start_offset = moved.start_offset, end_offset = moved.end_offset, updated_at = now()
      FROM unnest(${ids}::text[], ${starts}::int[], ${ends}::int[]) AS moved(id, start_offset, end_offset)
      WHERE excerpt.id = moved.id AND excerpt.evaluation_id = ${args.evaluationId}`;
  }
  return summary;
}

/** The audit event's part about excerpts: offsets of those that moved, ids of those now lost. */
export function excerptAuditChanges(summaries: readonly ReanchorSummary[]) {
  const moved = summaries.flatMap((summary) => summary.moved);
  const lost = summaries.flatMap((summary) => summary.needingAttention).sort();
  return {
    before: moved.length > 0 ? { excerptOffsets: Object.fromEntries(moved.map((move) => [move.id, move.from])) } : {},
    after: {
      ...(moved.length > 0 ? { excerptOffsets: Object.fromEntries(moved.map((move) => [move.id, move.to])) } : {}),
      ...(lost.length > 0 ? { excerptsNeedingAttention: lost } : {}),
    },
  };
}

/** Locks the source row (so a concurrent transcript edit waits) and returns its transcripts. */
async function lockedTranscripts(tx: Tx, evaluationId: string, input: Pick<ExcerptCreateInput, "source" | "sourceId">) {
  if (input.source === "INTERVIEW") {
    await tx.$queryRaw`SELECT 1 FROM interview WHERE id = ${input.sourceId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
    return tx.interview.findFirst({
      where: { id: input.sourceId, evaluationId },
      select: { transcriptOriginal: true, transcriptTranslation: true },
    });
  }
  await tx.$queryRaw`SELECT 1 FROM focus_group WHERE id = ${input.sourceId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
  return tx.focusGroup.findFirst({
    where: { id: input.sourceId, evaluationId },
    select: { transcriptOriginal: true, transcriptTranslation: true },
  });
}

/** A new mark as the viewer adds it to its list: the stored excerpt, before anyone names it. */
export type CreatedExcerpt = Omit<ExcerptView, "createdBy" | "storyCount" | "needsAttention">;

export async function createExcerpt(args: {
  actorId: string;
  evaluationId: string;
  input: ExcerptCreateInput;
  ipAddress?: string | null;
}): Promise<CreatedExcerpt | Rejection> {
  const { actorId, evaluationId, input } = args;
  return db().$transaction(async (tx) => {
    const transcripts = await lockedTranscripts(tx, evaluationId, input);
    if (!transcripts) throw new AppError("NOT_FOUND", "excerpt source outside the evaluation");
    const text = input.variant === "ORIGINAL" ? transcripts.transcriptOriginal : transcripts.transcriptTranslation;
    if (!text) return reject("NO_TRANSCRIPT");
    const { startOffset, endOffset, quotedText } = input;
    if (endOffset > text.length || splitsSurrogatePair(text, startOffset) || splitsSurrogatePair(text, endOffset)) {
      return reject("TRANSCRIPT_CHANGED");
    }
    // The text on screen must be the text stored: otherwise the transcript changed since loading.
    if (text.slice(startOffset, endOffset) !== quotedText) return reject("TRANSCRIPT_CHANGED");

    const source = input.source === "INTERVIEW" ? { interviewId: input.sourceId } : { focusGroupId: input.sourceId };
    const excerpt = await tx.transcriptExcerpt.create({
      data: {
        evaluationId,
        ...source,
        variant: input.variant,
        startOffset,
        endOffset,
        quotedText,
        note: input.note,
        createdById: actorId,
      },
      select: excerptSelect,
    });
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "excerpt.create",
      recordType: "TranscriptExcerpt",
      recordId: excerpt.id,
      after: {
        ...source,
        variant: input.variant,
        startOffset,
        endOffset,
        // The passage is transcript text: only its size and hash are kept.
        quotedText: transcriptFingerprint(quotedText),
        note: transcriptFingerprint(input.note),
      },
      ipAddress: args.ipAddress,
    });
    return excerpt;
  });
}

/** Removes a mark (never the transcript text). A mark a story rests on stays. */
export async function deleteExcerpt(args: {
  actorId: string;
  evaluationId: string;
  excerptId: string;
  ipAddress?: string | null;
}): Promise<{ id: string } | Rejection> {
  const { actorId, evaluationId, excerptId } = args;
  return db().$transaction(async (tx) => {
    const excerpt = await tx.transcriptExcerpt.findFirst({
      where: { id: excerptId, evaluationId },
      select: { id: true, ...excerptPlaceSelect, _count: { select: { storySources: true } } },
    });
    if (!excerpt) throw new AppError("NOT_FOUND", "excerpt outside the evaluation");
    if (excerpt._count.storySources > 0) return reject("EXCERPT_IN_USE");
    await tx.transcriptExcerpt.deleteMany({ where: { id: excerptId, evaluationId } });
    const { _count: _uses, id: _id, ...before } = excerpt;
    await recordAudit(tx, {
      evaluationId,
      actorId,
      action: "excerpt.delete",
      recordType: "TranscriptExcerpt",
      recordId: excerptId,
      before,
      ipAddress: args.ipAddress,
    });
    return { id: excerptId };
  });
}
