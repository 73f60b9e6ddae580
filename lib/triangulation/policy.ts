/**
 * What "triangulated" needs (PRODUCT.md, issue "Verification"): evidence from at least two
 * independent source types that supports the story (mixed evidence only with the analyst's note on
 * why it still supports), a written answer to every
 * contradicting or mixed item, and an analyst's sign-off on the story as it stands now. Pure: the
 * facts are loaded inside the step's transaction (data.ts `loadTriangulationFacts`), and the
 * future row IN_TRIANGULATION → TRIANGULATED of lib/stories/stage-machine.ts calls
 * `triangulationBlockers` as its guard.
 */
import type { EvidenceSourceType, EvidenceStance, StoryStage } from "@/lib/generated/prisma/enums";

/** Stages in which analysts add evidence, sign off and edit contribution and sustainability. */
export const TRIANGULATION_STAGES: readonly StoryStage[] = ["SELECTED", "IN_TRIANGULATION", "RETURNED"];

export function isTriangulationStage(stage: StoryStage): boolean {
  return TRIANGULATION_STAGES.includes(stage);
}

/** Independent source types needed; another interview counts as one type, whatever the count. */
export const REQUIRED_SOURCE_TYPES = 2;

export type TriangulationFacts = {
  storyVersion: number;
  evidence: Array<{
    id: string;
    sourceType: EvidenceSourceType;
    stance: EvidenceStance;
    hasResponse: boolean;
    hasSupportNote: boolean;
    updatedAt: Date;
  }>;
  /** The newest sign-off, if any. */
  signOff: { storyVersion: number; signedAt: Date } | null;
};

export type TriangulationBlocker =
  | { code: "TOO_FEW_SOURCE_TYPES"; found: number; needed: number }
  | { code: "CONTRADICTION_UNANSWERED"; count: number }
  | { code: "NO_SIGN_OFF" }
  | { code: "SIGN_OFF_STALE"; signedVersion: number; currentVersion: number };

/**
 * Whether an item counts as support: supporting evidence does; mixed evidence only with the
 * analyst's written note on why it still supports (issue 18: mixed evidence counted on its own).
 */
export function countsAsSupport(
  item: Pick<TriangulationFacts["evidence"][number], "stance" | "hasSupportNote">,
): boolean {
  return item.stance === "SUPPORTS" || (item.stance === "MIXED" && item.hasSupportNote);
}

/** The source types whose evidence counts as support (countsAsSupport). */
export function supportingSourceTypes(facts: Pick<TriangulationFacts, "evidence">): EvidenceSourceType[] {
  const types = new Set(facts.evidence.filter(countsAsSupport).map((item) => item.sourceType));
  return [...types].sort();
}

/** What the evidence itself may lack; the sign-off action names the first one as its refusal. */
export type EvidenceBlocker = Extract<
  TriangulationBlocker,
  { code: "TOO_FEW_SOURCE_TYPES" | "CONTRADICTION_UNANSWERED" }
>;

/** Everything except the sign-off itself: what an analyst must settle before signing off. */
export function evidenceBlockers(facts: Pick<TriangulationFacts, "evidence">): EvidenceBlocker[] {
  const blockers: EvidenceBlocker[] = [];
  const found = supportingSourceTypes(facts).length;
  if (found < REQUIRED_SOURCE_TYPES)
    blockers.push({ code: "TOO_FEW_SOURCE_TYPES", found, needed: REQUIRED_SOURCE_TYPES });
  const unanswered = facts.evidence.filter((item) => item.stance !== "SUPPORTS" && !item.hasResponse).length;
  if (unanswered > 0) blockers.push({ code: "CONTRADICTION_UNANSWERED", count: unanswered });
  return blockers;
}

/**
 * A sign-off counts for the story version it names and only while no evidence changed after it:
 * an edit of the story (a new version) or of its evidence makes it stale.
 */
export function signOffBlocker(facts: TriangulationFacts): TriangulationBlocker | null {
  if (!facts.signOff) return { code: "NO_SIGN_OFF" };
  // The sign-off's time is set after every item it saw (lib/triangulation/mutations.ts), so an item
  // at or after that time was written later: a tie in milliseconds still counts as a change.
  const evidenceChanged = facts.evidence.some((item) => item.updatedAt.getTime() >= facts.signOff!.signedAt.getTime());
  if (facts.signOff.storyVersion !== facts.storyVersion || evidenceChanged) {
    return { code: "SIGN_OFF_STALE", signedVersion: facts.signOff.storyVersion, currentVersion: facts.storyVersion };
  }
  return null;
}

/** The guard of IN_TRIANGULATION → TRIANGULATED: empty means the step may be taken. */
export function triangulationBlockers(facts: TriangulationFacts): TriangulationBlocker[] {
  const blockers = evidenceBlockers(facts);
  const signOff = signOffBlocker(facts);
  return signOff ? [...blockers, signOff] : blockers;
}

/** Whether the newest sign-off still holds (nothing to sign again). */
export function hasCurrentSignOff(facts: TriangulationFacts): boolean {
  return signOffBlocker(facts) === null;
}
