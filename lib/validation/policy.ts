/**
 * Pure rules of respondent validation (no database, no session). Each rule returns coded blockers
 * the pages translate; an empty list means "allowed". Facts are loaded by lib/validation/facts.ts
 * inside the transaction that acts on them.
 */
import type {
  DisputeOutcome,
  StoryStage,
  ValidationRoundStatus,
  ValidationVerdict,
} from "@/lib/generated/prisma/enums";
import type { ConsentStanding } from "@/lib/respondents/policy";

// ── Who may be drawn ────────────────────────────────────────────────────────────────────────

export type EligibilityFacts = {
  /** The respondents' consent rule for CONTACT_FOR_VALIDATION (consentStanding). */
  consent: ConsentStanding;
  /** Stories of the round this respondent told. */
  toldStoryIds: readonly string[];
  roundStoryIds: readonly string[];
};

export type EligibilityBlocker =
  "EXCLUDED" | "CONSENT_WITHDRAWN" | "NO_VALIDATION_CONSENT" | "TOLD_EVERY_STORY" | "NO_STORIES";

/**
 * Why a respondent may not be in a round's sample: their consent must allow contact for
 * validation now, they must not be excluded after a withdrawal, and there must be a story of the
 * round they did not tell (storytellers do not validate their own story; they may validate others).
 */
export function eligibilityBlockers(facts: EligibilityFacts): EligibilityBlocker[] {
  const blockers: EligibilityBlocker[] = [];
  if (facts.consent === "EXCLUDED") blockers.push("EXCLUDED");
  else if (facts.consent === "WITHDRAWN") blockers.push("CONSENT_WITHDRAWN");
  else if (facts.consent !== "ALLOWED") blockers.push("NO_VALIDATION_CONSENT");
  if (facts.roundStoryIds.length === 0) blockers.push("NO_STORIES");
  else if (facts.roundStoryIds.every((id) => facts.toldStoryIds.includes(id))) blockers.push("TOLD_EVERY_STORY");
  return blockers;
}

// ── Recording a response ────────────────────────────────────────────────────────────────────

export type ResponseFacts = {
  roundStatus: ValidationRoundStatus;
  /** The revision the round shows for this story. */
  roundRevisionId: string;
  /** The story's newest revision (the one its current version was saved as). */
  currentRevisionId: string | null;
  /** The revision the sheet or form that the recorder worked from showed. */
  shownRevisionId: string;
  respondentToldStory: boolean;
  respondentEligible: boolean;
};

export type ResponseBlocker = "ROUND_NOT_OPEN" | "OUTDATED_REVISION" | "STORYTELLER" | "RESPONDENT_NOT_ELIGIBLE";

/**
 * A response stands for the exact revision the respondent was shown. One shown for a revision
 * that is no longer the round's or the story's current one is refused (not stored and flagged):
 * the lead decides whether the changed story needs a new round (decision 0014).
 */
export function responseBlockers(facts: ResponseFacts): ResponseBlocker[] {
  const blockers: ResponseBlocker[] = [];
  if (facts.roundStatus !== "OPEN") blockers.push("ROUND_NOT_OPEN");
  if (facts.shownRevisionId !== facts.roundRevisionId || facts.currentRevisionId !== facts.roundRevisionId)
    blockers.push("OUTDATED_REVISION");
  if (facts.respondentToldStory) blockers.push("STORYTELLER");
  if (!facts.respondentEligible) blockers.push("RESPONDENT_NOT_ELIGIBLE");
  return blockers;
}

/** A dispute reopens the story for revision (IN_VALIDATION → RETURNED); other verdicts move nothing. */
export function reopensStory(verdict: ValidationVerdict, stage: StoryStage): boolean {
  return verdict === "DISPUTES" && stage === "IN_VALIDATION";
}

// ── Correcting a response ───────────────────────────────────────────────────────────────────

export type CorrectionFacts = {
  before: ValidationVerdict;
  after: ValidationVerdict;
  stage: StoryStage;
  /** The story's newest stage move was the return a dispute causes (IN_VALIDATION → RETURNED). */
  returnedByDispute: boolean;
  /** The story has not been saved since the round showed it (its current revision is the round's). */
  storyUnchanged: boolean;
  /** Other DISPUTES responses on the story in this round, resolved or not. */
  otherDisputes: number;
};

/** How a correction moves the story: as a new dispute would, back to where the dispute found it, or not at all. */
export type CorrectionMove = "REOPEN" | "RESTORE" | null;

/**
 * A correction has the consequences recording the corrected verdict would have had (decision
 * 0014): a new dispute reopens a story still in validation (reopensStory). A dispute corrected
 * away puts the story back into validation only when nothing has happened since that dispute
 * returned it: it is still RETURNED by that step, nobody saved it, and no other response of the
 * round disputes it. Otherwise the story stays where it is and the lead's decision after a return
 * (new validation or not) settles it, as for any returned story.
 */
export function correctionMove(facts: CorrectionFacts): CorrectionMove {
  const wasDispute = facts.before === "DISPUTES";
  const isDispute = facts.after === "DISPUTES";
  if (!wasDispute && isDispute) return reopensStory(facts.after, facts.stage) ? "REOPEN" : null;
  if (
    wasDispute &&
    !isDispute &&
    facts.stage === "RETURNED" &&
    facts.returnedByDispute &&
    facts.storyUnchanged &&
    facts.otherDisputes === 0
  )
    return "RESTORE";
  return null;
}

// ── Settling a dispute ──────────────────────────────────────────────────────────────────────

export type SettlementFacts = {
  outcome: DisputeOutcome;
  stage: StoryStage;
  /** The story has not been saved since the round showed it (its current revision is the round's). */
  storyUnchanged: boolean;
  /**
   * The story's other disputes in this round: "OPEN" while unresolved, the outcome once settled,
   * "UNKNOWN" for one resolved before outcomes were kept.
   */
  otherDisputes: ReadonlyArray<DisputeOutcome | "OPEN" | "UNKNOWN">;
};

export type SettlementBlocker = "STORY_MOVED_ON" | "STORY_EDITED_SINCE";

/**
 * How the story moves when the lead settles one dispute (decision 0042):
 * - DROP drops the story at once (RETURNED → NOT_VALIDATED) and settles its other open disputes
 *   of the round with it: a dropped story has nothing left to dispute.
 * - ACCEPT keeps the version the respondents were shown, so it needs the story unchanged since;
 *   once every dispute of the story in the round is settled and all were accepted, the story is
 *   back in validation (RETURNED → IN_VALIDATION) and the round's closing validates it.
 * - CORRECT leaves the story returned for changes: its authors correct it, and the corrected
 *   version needs a new validation. Any correction among the story's disputes wins over accepting.
 * ACCEPT and DROP need the story still returned by its disputes; CORRECT moves nothing.
 */
export function settlement(facts: SettlementFacts): {
  blockers: SettlementBlocker[];
  move: "RESTORE" | "DROP" | null;
  openLeft: number;
} {
  const blockers: SettlementBlocker[] = [];
  if (facts.outcome !== "CORRECT" && facts.stage !== "RETURNED") blockers.push("STORY_MOVED_ON");
  if (facts.outcome === "ACCEPT" && !facts.storyUnchanged) blockers.push("STORY_EDITED_SINCE");
  if (facts.outcome === "DROP") return { blockers, move: "DROP", openLeft: 0 };
  const openLeft = facts.otherDisputes.filter((other) => other === "OPEN").length;
  const allAccepted = facts.outcome === "ACCEPT" && facts.otherDisputes.every((other) => other === "ACCEPT");
  return { blockers, move: allAccepted && facts.stage === "RETURNED" ? "RESTORE" : null, openLeft };
}

/** What happens next to a story a respondent disputed, as the round's page and the form say it. */
export type DisputeNextStep =
  "RESOLVE_OTHERS" | "AUTHORS_CORRECT" | "ROUND_CLOSE" | "DROPPED" | "SEND_TO_REVIEW" | "OTHER";

export function disputeNextStep(stage: StoryStage, openDisputes: number): DisputeNextStep {
  if (openDisputes > 0) return "RESOLVE_OTHERS";
  if (stage === "RETURNED") return "AUTHORS_CORRECT";
  if (stage === "IN_VALIDATION") return "ROUND_CLOSE";
  if (stage === "NOT_VALIDATED") return "DROPPED";
  if (stage === "VALIDATED") return "SEND_TO_REVIEW";
  return "OTHER";
}

// ── Rounds ──────────────────────────────────────────────────────────────────────────────────

export type RoundStatusStep = "open" | "close";

export type RoundStepFacts = {
  status: ValidationRoundStatus;
  storyCount: number;
  sampleCount: number;
  openDisputeStoryCodes: readonly string[];
};

export type RoundStepBlocker =
  { code: "WRONG_STATUS" } | { code: "NO_STORIES" } | { code: "NO_SAMPLE" } | { code: "DISPUTE_OPEN"; story: string };

/**
 * PLANNED → OPEN needs stories and a sample; OPEN → CLOSED needs every dispute resolved in
 * writing ("validated requires a closed round with every dispute resolved": closing with an open
 * dispute would leave a closed round that validates nothing, so it is refused instead).
 */
export function roundStepBlockers(step: RoundStatusStep, facts: RoundStepFacts): RoundStepBlocker[] {
  if (step === "open") {
    if (facts.status !== "PLANNED") return [{ code: "WRONG_STATUS" }];
    const blockers: RoundStepBlocker[] = [];
    if (facts.storyCount === 0) blockers.push({ code: "NO_STORIES" });
    if (facts.sampleCount === 0) blockers.push({ code: "NO_SAMPLE" });
    return blockers;
  }
  if (facts.status !== "OPEN") return [{ code: "WRONG_STATUS" }];
  return facts.openDisputeStoryCodes.map((story) => ({ code: "DISPUTE_OPEN" as const, story }));
}

/** Stories may be added to a round from these stages (a returned story once the lead asked for a new validation goes back to TRIANGULATED). */
export const STAGES_READY_FOR_VALIDATION: readonly StoryStage[] = ["TRIANGULATED"];

// ── Validated ───────────────────────────────────────────────────────────────────────────────

export type ValidationFacts = {
  stage: StoryStage;
  currentRevisionId: string | null;
  /** Every round that holds the story, with the revision it showed. */
  rounds: ReadonlyArray<{ status: ValidationRoundStatus; revisionId: string }>;
  /** DISPUTES responses on this story without a written resolution, in any round. */
  openDisputes: number;
  /**
   * The lead decided the changes since the last closed round need no new validation (returned
   * stories only; the decision is audited with the revision it covers).
   */
  revalidationWaived: boolean;
};

export type ValidationBlocker = "NOT_IN_VALIDATION" | "NO_CLOSED_ROUND" | "REVISION_NOT_VALIDATED" | "DISPUTE_OPEN";

/**
 * What "validated" needs: a CLOSED round that showed the story's current revision (or, after a
 * return, the lead's recorded decision that the change needs no new validation) and every
 * dispute resolved in writing.
 */
export function validationBlockers(facts: ValidationFacts): ValidationBlocker[] {
  const blockers: ValidationBlocker[] = [];
  if (facts.stage !== "IN_VALIDATION" && !(facts.stage === "RETURNED" && facts.revalidationWaived))
    blockers.push("NOT_IN_VALIDATION");
  const closed = facts.rounds.filter((round) => round.status === "CLOSED");
  if (closed.length === 0) blockers.push("NO_CLOSED_ROUND");
  else if (!facts.revalidationWaived && !closed.some((round) => round.revisionId === facts.currentRevisionId))
    blockers.push("REVISION_NOT_VALIDATED");
  if (facts.openDisputes > 0) blockers.push("DISPUTE_OPEN");
  return blockers;
}
