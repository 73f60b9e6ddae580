/**
 * A story started from a marked excerpt ("write a story from this passage"): the excerpt and its
 * interview or focus group as sources, and who told it. An interview with one respondent names its
 * storyteller; a focus group (or an interview with several people) names nobody, since the passage
 * alone does not say who spoke, and offers its participants instead. Respondents by code only.
 */
import "server-only";
import { db } from "@/lib/db";
import { validId } from "@/lib/core/ids";
import type { SourceKind } from "./schema";

export type StoryStart = {
  excerptId: string;
  quotedText: string;
  parent: "INTERVIEW" | "FOCUS_GROUP";
  /** What the form starts with. */
  values: { sources: Array<{ kind: SourceKind; id: string }>; storytellerIds: string[] };
  /** The people of the interview or focus group, for the writer to choose from. */
  offered: Array<{ id: string; code: string }>;
};

const people = { select: { respondent: { select: { id: true, code: true, excludedAt: true } } } } as const;

/** Two queries: the excerpt with its parent's people, in this evaluation only. */
export async function getStoryStart(evaluationId: string, excerptId: string): Promise<StoryStart | null> {
  if (!validId(evaluationId) || !validId(excerptId)) return null;
  const excerpt = await db().transcriptExcerpt.findFirst({
    where: { id: excerptId, evaluationId },
    select: {
      id: true,
      quotedText: true,
      interviewId: true,
      focusGroupId: true,
      interview: { select: { respondents: { ...people, orderBy: { respondent: { codeNumber: "asc" } } } } },
      focusGroup: { select: { participants: { ...people, orderBy: { respondent: { codeNumber: "asc" } } } } },
    },
  });
  if (!excerpt) return null;
  // Someone who withdrew and asked to be excluded is never put forward as a storyteller.
  const rows = excerpt.interview?.respondents ?? excerpt.focusGroup?.participants ?? [];
  const offered = rows
    .map(({ respondent }) => respondent)
    .filter((respondent) => respondent.excludedAt === null)
    .map(({ id, code }) => ({ id, code }));
  const parent = excerpt.interviewId
    ? ({ kind: "INTERVIEW", id: excerpt.interviewId } as const)
    : ({ kind: "FOCUS_GROUP", id: excerpt.focusGroupId! } as const);
  const single = parent.kind === "INTERVIEW" && offered.length === 1;
  return {
    excerptId: excerpt.id,
    quotedText: excerpt.quotedText,
    parent: parent.kind,
    values: { sources: [parent, { kind: "EXCERPT", id: excerpt.id }], storytellerIds: single ? [offered[0]!.id] : [] },
    offered: single ? [] : offered,
  };
}
