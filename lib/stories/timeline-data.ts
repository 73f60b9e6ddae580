/**
 * A story's timeline: everything that happened to it, newest first — revisions, steps along its
 * path, ballots (only once their round is closed), selection decisions, evidence, the analyst's
 * sign-off, validation responses and reviews. One query per kind, each bounded and served by an
 * index on (evaluation, story); evaluation and story are in every `where`. Respondents appear by
 * code only.
 */
import "server-only";
import { db } from "@/lib/db";
import type {
  EvidenceSourceType,
  EvidenceStance,
  EvidenceStrength,
  ReviewDecision,
  SelectionRoundStatus,
  StoryStage,
  ValidationVerdict,
  VotingMethod,
} from "@/lib/generated/prisma/enums";
import { listStageHistory } from "./history-data";

/** Per kind; a story with more than this of one kind shows the newest ones. */
export const TIMELINE_LIMIT_PER_KIND = 200;

type At = { at: Date; actorName: string | null };

export type TimelineEntry =
  | (At & { kind: "revision"; version: number; note: string | null })
  | (At & { kind: "stage"; from: StoryStage | ""; to: StoryStage | ""; comment: string | null })
  | (At & {
      kind: "ballot";
      round: string;
      method: VotingMethod;
      rank: number | null;
      score: number | null;
      approved: boolean | null;
      reason: string;
      version: number;
    })
  | (At & {
      kind: "decision";
      round: string;
      selected: boolean;
      reason: string | null;
      feedback: string | null;
      feedbackLanguage: string | null;
    })
  | (At & {
      kind: "evidence";
      sourceType: EvidenceSourceType;
      stance: EvidenceStance;
      strength: EvidenceStrength;
      citation: string;
    })
  | (At & { kind: "signOff"; version: number; note: string })
  | (At & {
      kind: "validation";
      round: string;
      respondentCode: string;
      verdict: ValidationVerdict;
      version: number;
      comments: string | null;
    })
  | (At & { kind: "review"; decision: ReviewDecision; comment: string; version: number });

const take = TIMELINE_LIMIT_PER_KIND;
const newestFirst = { createdAt: "desc" } as const;
/** Ballots stay secret while their round is open (or hidden until it closes). */
const CLOSED_ROUND = { status: { in: ["CLOSED", "DECIDED"] as SelectionRoundStatus[] } };

export async function getStoryTimeline(evaluationId: string, storyId: string): Promise<TimelineEntry[]> {
  const where = { evaluationId, storyId };
  const [revisions, stages, ballots, candidacies, evidence, signOffs, responses, reviews] = await Promise.all([
    db().storyRevision.findMany({
      where,
      orderBy: { version: "desc" },
      take,
      select: { version: true, note: true, createdAt: true, editedBy: { select: { name: true } } },
    }),
    listStageHistory(evaluationId, storyId),
    db().ballot.findMany({
      where: { ...where, round: CLOSED_ROUND },
      orderBy: { updatedAt: "desc" },
      take,
      select: {
        rank: true,
        score: true,
        approved: true,
        reason: true,
        version: true,
        updatedAt: true,
        panelist: { select: { name: true } },
        round: { select: { name: true, method: true } },
      },
    }),
    db().roundCandidate.findMany({
      where: { ...where, round: { decision: { isNot: null } } },
      orderBy: newestFirst,
      take,
      select: {
        round: {
          select: {
            name: true,
            decision: {
              select: {
                decidedAt: true,
                decidedBy: { select: { name: true } },
                selectedStories: { where: { storyId }, select: { reason: true } },
                feedback: { where: { storyId }, select: { language: true, text: true } },
              },
            },
          },
        },
      },
    }),
    db().evidenceItem.findMany({
      where,
      orderBy: newestFirst,
      take,
      select: {
        sourceType: true,
        stance: true,
        strength: true,
        citation: true,
        createdAt: true,
        addedBy: { select: { name: true } },
      },
    }),
    db().triangulationSignOff.findMany({
      where,
      orderBy: { signedAt: "desc" },
      take,
      select: { storyVersion: true, note: true, signedAt: true, analyst: { select: { name: true } } },
    }),
    db().validationResponse.findMany({
      where,
      orderBy: newestFirst,
      take,
      select: {
        verdict: true,
        comments: true,
        createdAt: true,
        respondent: { select: { code: true } },
        storyRevision: { select: { version: true } },
        validationRound: { select: { name: true } },
        recordedBy: { select: { name: true } },
      },
    }),
    db().review.findMany({
      where,
      orderBy: newestFirst,
      take,
      select: {
        decision: true,
        comment: true,
        createdAt: true,
        reviewer: { select: { name: true } },
        storyRevision: { select: { version: true } },
      },
    }),
  ]);

  const entries: TimelineEntry[] = [
    ...revisions.map((row) => ({
      kind: "revision" as const,
      at: row.createdAt,
      actorName: row.editedBy.name,
      version: row.version,
      note: row.note,
    })),
    ...stages.map((step) => ({
      kind: "stage" as const,
      at: step.at,
      actorName: step.actorName,
      from: step.from as StoryStage | "",
      to: step.to as StoryStage | "",
      comment: step.comment,
    })),
    ...ballots.map((row) => ({
      kind: "ballot" as const,
      at: row.updatedAt,
      actorName: row.panelist.name,
      round: row.round.name,
      method: row.round.method,
      rank: row.rank,
      score: row.score,
      approved: row.approved,
      reason: row.reason,
      version: row.version,
    })),
    ...candidacies.flatMap(({ round }) => {
      const decision = round.decision;
      if (!decision) return [];
      const selected = decision.selectedStories[0];
      return [
        {
          kind: "decision" as const,
          at: decision.decidedAt,
          actorName: decision.decidedBy.name,
          round: round.name,
          selected: Boolean(selected),
          reason: selected?.reason ?? null,
          feedback: decision.feedback[0]?.text ?? null,
          feedbackLanguage: decision.feedback[0]?.language ?? null,
        },
      ];
    }),
    ...evidence.map((row) => ({
      kind: "evidence" as const,
      at: row.createdAt,
      actorName: row.addedBy.name,
      sourceType: row.sourceType,
      stance: row.stance,
      strength: row.strength,
      citation: row.citation,
    })),
    ...signOffs.map((row) => ({
      kind: "signOff" as const,
      at: row.signedAt,
      actorName: row.analyst.name,
      version: row.storyVersion,
      note: row.note,
    })),
    ...responses.map((row) => ({
      kind: "validation" as const,
      at: row.createdAt,
      actorName: row.recordedBy.name,
      round: row.validationRound.name,
      respondentCode: row.respondent.code,
      verdict: row.verdict,
      version: row.storyRevision.version,
      comments: row.comments,
    })),
    ...reviews.map((row) => ({
      kind: "review" as const,
      at: row.createdAt,
      actorName: row.reviewer.name,
      decision: row.decision,
      comment: row.comment,
      version: row.storyRevision.version,
    })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}
