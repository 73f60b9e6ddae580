/**
 * The path of the demo's approved outcomes (approved-data.ts), as the app's own steps leave it:
 * a decided portfolio round that selected them with reasons in both languages, one piece of
 * evidence each and the analyst's sign-off on the revision read, a closed validation round where
 * two respondents (never a storyteller of that story) confirmed each one, and the reviewer's
 * approval of that same revision. Built with the test factories; nothing is written here.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { day, newId } from "@/tests/factories/ids";
import { buildEvidenceItem } from "@/tests/factories/triangulation";
import {
  APPROVED_PANEL_NAME,
  APPROVED_PATH,
  APPROVED_ROUND_NAME,
  APPROVED_STORIES,
  APPROVED_VALIDATION_ROUND_NAME,
} from "./approved-data";
import type { FieldworkRows } from "./fieldwork-rows";
import { panelRows } from "./selection-rows";
import { lookup } from "./setup-rows";
import type { StoryRows } from "./story-rows";

type People = { lead: string; analyst: string; evaluator: string; reviewer: string; panelists: string[] };

export function buildApprovedPathRows(stories: StoryRows, fieldwork: FieldworkRows, people: People) {
  const approved = APPROVED_STORIES.map((spec) => {
    const story = stories.stories.find((row) => row.codeNumber === spec.codeNumber);
    if (!story) throw new Error(`Demo approved outcomes: no story ${spec.codeNumber}`);
    const revision = stories.storyRevisions.find((row) => row.storyId === story.id && row.version === 1);
    if (!revision?.id) throw new Error(`Demo approved outcomes: story ${spec.codeNumber} has no revision 1`);
    return { spec, story, revisionId: revision.id };
  });
  const evaluationId = approved[0]!.story.evaluationId;
  const decidedAt = day(APPROVED_PATH.decidedOn);

  // Selection: the portfolio panel's round, decided; every candidate selected with its reason.
  const { panel, members: panelMembers } = panelRows(
    evaluationId,
    { name: APPROVED_PANEL_NAME, level: "PORTFOLIO", domainId: null },
    people.panelists,
  );
  const round: Prisma.SelectionRoundCreateManyInput = {
    id: newId(),
    evaluationId,
    panelId: panel.id,
    name: APPROVED_ROUND_NAME,
    domainId: null,
    method: "RANKING",
    selectCount: approved.length,
    opensAt: day(APPROVED_PATH.screenedOn),
    deadline: decidedAt,
    closedAt: decidedAt,
    resultsHiddenUntilClosed: true,
    status: "DECIDED",
    version: 3,
  };
  const roundCandidates: Prisma.RoundCandidateCreateManyInput[] = approved.map(({ story }) => ({
    id: newId(),
    evaluationId,
    roundId: round.id!,
    storyId: story.id,
  }));
  const decision: Prisma.SelectionDecisionCreateManyInput = {
    id: newId(),
    evaluationId,
    roundId: round.id!,
    decidedById: people.lead,
    decidedAt,
    dissent: null,
  };
  const selectedStories: Prisma.SelectedStoryCreateManyInput[] = approved.map(({ spec, story }) => ({
    id: newId(),
    evaluationId,
    decisionId: decision.id!,
    storyId: story.id,
    reason: spec.selectionReason.es,
    reasonTranslation: spec.selectionReason.en,
    translatedById: people.lead,
    translatedAt: decidedAt,
  }));

  // Triangulation: one supporting item each (backing the first figure, if any), then the sign-off.
  const evidenceOn = day(APPROVED_PATH.evidenceOn);
  const evidence = approved.map(({ spec, story }) =>
    buildEvidenceItem({
      evaluationId,
      storyId: story.id,
      addedById: people.analyst,
      sourceType: spec.evidence.sourceType,
      citation: spec.evidence.citation,
      whatItShows: spec.evidence.whatItShows,
      stance: "SUPPORTS",
      strength: "STRONG",
      figureId: stories.storyFigures.find((row) => row.storyId === story.id && row.position === 1)?.id ?? null,
      createdAt: evidenceOn,
      updatedAt: evidenceOn,
    }),
  );
  const signedAt = day(APPROVED_PATH.signedOffOn);
  const signOffs: Prisma.TriangulationSignOffCreateManyInput[] = approved.map(({ story }) => ({
    id: newId(),
    evaluationId,
    storyId: story.id,
    analystId: people.analyst,
    storyVersion: 1,
    note: "Evidencia revisada: respalda el cambio y sus cifras.",
    signedAt,
  }));

  // Validation: a closed round; each story shown at revision 1 to two respondents who confirmed it.
  const validationRound: Prisma.ValidationRoundCreateManyInput = {
    id: newId(),
    evaluationId,
    name: APPROVED_VALIDATION_ROUND_NAME,
    startsOn: day(APPROVED_PATH.validation.startsOn),
    endsOn: day(APPROVED_PATH.validation.endsOn),
    method: "WORKSHOP",
    status: "CLOSED",
    closedAt: day(APPROVED_PATH.validation.endsOn),
    version: 3,
  };
  const respondentId = (code: number) => lookup(fieldwork.refs.respondentByNumber, code, "respondent").id;
  const sampleCodes = [...new Set(approved.flatMap(({ spec }) => spec.confirmedBy))].sort((a, b) => a - b);
  const sampleMembers: Prisma.ValidationSampleMemberCreateManyInput[] = sampleCodes.map((code) => ({
    id: newId(),
    evaluationId,
    validationRoundId: validationRound.id!,
    respondentId: respondentId(code),
    addedManually: true,
    contactedAt: day(APPROVED_PATH.validation.startsOn),
  }));
  const roundStories: Prisma.ValidationRoundStoryCreateManyInput[] = approved.map(({ story, revisionId }) => ({
    id: newId(),
    evaluationId,
    validationRoundId: validationRound.id!,
    storyId: story.id,
    storyRevisionId: revisionId,
  }));
  const answeredAt = day(APPROVED_PATH.validation.endsOn);
  const responses: Prisma.ValidationResponseCreateManyInput[] = approved.flatMap(({ spec, story, revisionId }) =>
    spec.confirmedBy.map((code) => {
      if (spec.storytellers.includes(code))
        throw new Error(`Demo approved outcomes: R-${code} would validate their own story ${spec.codeNumber}`);
      return {
        id: newId(),
        evaluationId,
        validationRoundId: validationRound.id!,
        respondentId: respondentId(code),
        storyId: story.id,
        storyRevisionId: revisionId,
        verdict: "CONFIRMS" as const,
        recordedById: people.evaluator,
        createdAt: answeredAt,
        updatedAt: answeredAt,
      };
    }),
  );
  const responseRevisions: Prisma.ValidationResponseRevisionCreateManyInput[] = responses.map((response) => ({
    id: newId(),
    evaluationId,
    responseId: response.id!,
    version: 1,
    change: "RECORDED",
    verdict: response.verdict,
    savedById: response.recordedById,
    createdAt: answeredAt,
  }));

  // Review: the funder's reviewer approved the revision the respondents confirmed.
  const reviewedAt = day(APPROVED_PATH.reviewedOn);
  const reviews: Prisma.ReviewCreateManyInput[] = approved.map(({ spec, story, revisionId }) => ({
    id: newId(),
    evaluationId,
    storyId: story.id,
    storyRevisionId: revisionId,
    reviewerId: people.reviewer,
    decision: "APPROVE",
    comment: spec.reviewComment,
    createdAt: reviewedAt,
  }));

  return {
    panel,
    panelMembers,
    round,
    roundCandidates,
    decision,
    selectedStories,
    evidence,
    signOffs,
    validationRound,
    sampleMembers,
    roundStories,
    responses,
    responseRevisions,
    reviews,
  };
}
