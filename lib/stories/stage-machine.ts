/**
 * The story's path (PRODUCT.md "The story's path") as ONE table of transitions. Each row names who
 * may take the step (a permission of lib/permissions.ts) and what must hold first (a pure guard
 * over facts the server loads inside the transition's transaction). Later work extends the table
 * (triangulation, validation, review) with their rows and, when they need more facts, a fact group
 * (ExtraFacts) and its loader; the mutation (stage-mutations.ts) stays as it is.
 *
 * Guards return blockers as codes with the details needed to explain them; the interface shows
 * them translated ("R-0012 withdrew consent"). An empty list means the step may be taken.
 */
import type { ConsentScopeKind, SelectionRoundStatus, StoryStage } from "@/lib/generated/prisma/enums";
import { can, PERMISSIONS, type Permission, type Role } from "@/lib/permissions";
import { triangulationBlockers, type TriangulationBlocker, type TriangulationFacts } from "@/lib/triangulation/policy";
import { STORYTELLER_SCOPES } from "./types";

/** One storyteller's consent as it stands: the newest consent form of the respondent. */
export type StorytellerConsentFacts = {
  code: string;
  /** Set when consent was withdrawn with EXCLUDE or DESTROY. */
  excluded: boolean;
  consent: null | {
    withdrawn: boolean;
    /** Scopes asked on the form: granted (true) or refused (false); absent = not asked. */
    scopes: Partial<Record<ConsentScopeKind, boolean>>;
  };
};

/** Everything the guards of the current table may look at, loaded in the transition's transaction. */
export type StageFacts = {
  storytellers: StorytellerConsentFacts[];
  sourceCount: number;
  hasCurrentPrimaryDomain: boolean;
  /** A storyteller's data was destroyed after withdrawal: the story must be reviewed first. */
  flaggedSourceDestroyed: boolean;
};

/** One selection round that holds the story as a candidate (domain-level rounds only: portfolio rounds do not move stories). */
export type CandidacyFacts = {
  roundId: string;
  status: SelectionRoundStatus;
  /** When the round is decided: whether the panel selected the story. Null before the decision. */
  selected: boolean | null;
};

/**
 * Facts beyond the story's own (StageFacts), each group loaded only for the rows that declare it
 * in `needs` (lib/stories/stage-mutations.ts has one loader per group). A later part of the path
 * (triangulation, validation, review) adds its group here and its loader there.
 */
export type ExtraFacts = {
  selection: { candidacies: CandidacyFacts[] };
  triangulation: TriangulationFacts;
};
export type FactGroup = keyof ExtraFacts;
export type GuardFacts = StageFacts & Partial<ExtraFacts>;

export type StageBlocker =
  | { code: "NO_STORYTELLER" }
  | { code: "NO_SOURCE" }
  | { code: "CONSENT_MISSING"; respondent: string }
  | { code: "CONSENT_WITHDRAWN"; respondent: string }
  | { code: "CONSENT_SCOPE_NOT_GRANTED"; respondent: string; scope: ConsentScopeKind }
  | { code: "SOURCE_DESTROYED" }
  | { code: "NO_PRIMARY_DOMAIN" }
  | { code: "NOT_IN_OPEN_ROUND" }
  | { code: "NO_DECISION_YET" }
  | { code: "NOT_CHOSEN_BY_PANEL" }
  | { code: "CHOSEN_BY_PANEL" }
  | { code: "STILL_IN_ROUND" }
  | TriangulationBlocker
  /** The reader's roles do not hold the row's permission; `roles` are those that do. */
  | { code: "ROLE_MISSING"; roles: Role[] };

export type TransitionKey =
  | "submit"
  | "screen"
  | "sendBack"
  | "enterSelection"
  | "select"
  | "notSelect"
  | "leaveSelection"
  | "startTriangulation"
  | "triangulate"
  | "enterValidation"
  | "leaveValidation"
  | "validate"
  | "reopenAfterDispute"
  | "disputeCorrected"
  | "dropAfterDispute"
  | "sendToReview"
  | "approve"
  | "returnFromReview"
  | "revalidate"
  | "skipRevalidation"
  | "revise";

/**
 * Who sets the step off: a person on the story's page; a selection round (opening it, recording
 * its decision, cancelling it); a validation round (adding or removing the story, a dispute,
 * closing the round); or the funder review (sending to review, the reviewer's decision, the lead's
 * decision after a return). Steps not set off from the story's page are refused there and taken by
 * their owner's mutation, through the same table and the same audited move. Those owners check
 * their own rules in the same transaction (lib/validation/policy.ts, lib/reviews/policy.ts) from
 * facts only they load; their rows here say who may take the step.
 */
export type StepTrigger = "story" | "round" | "validation" | "review";

export type StageTransition = {
  key: TransitionKey;
  from: StoryStage;
  to: StoryStage;
  permission: Permission;
  trigger: StepTrigger;
  /** A comment is required (e.g. why a story is sent back); it is kept in the audit event. */
  needsComment: boolean;
  /** Fact groups the guard reads besides the story's own. */
  needs: readonly FactGroup[];
  guard: (facts: GuardFacts) => StageBlocker[];
};

/** A guard over one extra group; a missing group is a programming error (the row forgot `needs`). */
function using<G extends FactGroup>(group: G, guard: (facts: StageFacts, extra: ExtraFacts[G]) => StageBlocker[]) {
  return (facts: GuardFacts): StageBlocker[] => {
    const extra = facts[group];
    if (!extra) throw new Error(`Stage facts "${group}" were not loaded.`);
    return guard(facts, extra as ExtraFacts[G]);
  };
}

/** A storyteller's consent that does not cover the story. */
export type ConsentBlocker = Extract<StageBlocker, { code: `CONSENT_${string}` }>;

/** Storytellers whose current consent does not cover the story, each with the first reason found. */
export function consentBlockers(storytellers: StorytellerConsentFacts[]): ConsentBlocker[] {
  const blockers: ConsentBlocker[] = [];
  for (const teller of storytellers) {
    if (!teller.consent) {
      blockers.push({ code: "CONSENT_MISSING", respondent: teller.code });
    } else if (teller.consent.withdrawn || teller.excluded) {
      blockers.push({ code: "CONSENT_WITHDRAWN", respondent: teller.code });
    } else {
      for (const scope of STORYTELLER_SCOPES) {
        if (teller.consent.scopes[scope] !== true)
          blockers.push({ code: "CONSENT_SCOPE_NOT_GRANTED", respondent: teller.code, scope });
      }
    }
  }
  return blockers;
}

/** What "submitted" needs: someone told it, it rests on something, and everyone who told it agreed. */
export function submissionBlockers(facts: StageFacts): StageBlocker[] {
  const blockers: StageBlocker[] = [];
  if (facts.storytellers.length === 0) blockers.push({ code: "NO_STORYTELLER" });
  if (facts.sourceCount === 0) blockers.push({ code: "NO_SOURCE" });
  blockers.push(...consentBlockers(facts.storytellers));
  if (facts.flaggedSourceDestroyed) blockers.push({ code: "SOURCE_DESTROYED" });
  return blockers;
}

const none = (): StageBlocker[] => [];

const decided = (candidacies: CandidacyFacts[]) => candidacies.filter((candidacy) => candidacy.status === "DECIDED");
const ACTIVE_ROUND: readonly SelectionRoundStatus[] = ["OPEN", "CLOSED"];

/** Entering selection: still fit to be read by a panel (domain, consent) and put before an open round. */
const enterSelection = using("selection", (facts, { candidacies }) => {
  const blockers: StageBlocker[] = [];
  if (!facts.hasCurrentPrimaryDomain) blockers.push({ code: "NO_PRIMARY_DOMAIN" });
  blockers.push(...consentBlockers(facts.storytellers));
  if (!candidacies.some((candidacy) => candidacy.status === "OPEN")) blockers.push({ code: "NOT_IN_OPEN_ROUND" });
  return blockers;
});

const select = using("selection", (_facts, { candidacies }) => {
  const rounds = decided(candidacies);
  if (rounds.length === 0) return [{ code: "NO_DECISION_YET" }];
  return rounds.some((round) => round.selected) ? [] : [{ code: "NOT_CHOSEN_BY_PANEL" }];
});

const notSelect = using("selection", (_facts, { candidacies }) => {
  const rounds = decided(candidacies);
  if (rounds.length === 0) return [{ code: "NO_DECISION_YET" }];
  return rounds.some((round) => round.selected) ? [{ code: "CHOSEN_BY_PANEL" }] : [];
});

/** Back to screened when no open or closed round holds the story any more (its round was cancelled). */
const leaveSelection = using("selection", (_facts, { candidacies }) =>
  candidacies.some((candidacy) => ACTIVE_ROUND.includes(candidacy.status)) ? [{ code: "STILL_IN_ROUND" }] : [],
);

type Row = Omit<StageTransition, "needs" | "trigger" | "needsComment"> &
  Partial<Pick<StageTransition, "needs" | "trigger" | "needsComment">>;
const row = (transition: Row): StageTransition => ({ needs: [], trigger: "story", needsComment: false, ...transition });

export const STAGE_TRANSITIONS: readonly StageTransition[] = [
  row({ key: "submit", from: "DRAFT", to: "SUBMITTED", permission: "story.edit", guard: submissionBlockers }),
  row({
    key: "screen",
    from: "SUBMITTED",
    to: "SCREENED",
    permission: "story.assign_domain",
    guard: (facts) => (facts.hasCurrentPrimaryDomain ? [] : [{ code: "NO_PRIMARY_DOMAIN" }]),
  }),
  row({ key: "sendBack", from: "SUBMITTED", to: "DRAFT", permission: "story.edit", needsComment: true, guard: none }),
  row({ key: "sendBack", from: "SCREENED", to: "DRAFT", permission: "story.edit", needsComment: true, guard: none }),
  // Selection: taken by the round's own mutations (open, decide, cancel), never from the story page.
  row({
    key: "enterSelection",
    from: "SCREENED",
    to: "IN_SELECTION",
    permission: "selection.manage",
    trigger: "round",
    needs: ["selection"],
    guard: enterSelection,
  }),
  row({
    key: "select",
    from: "IN_SELECTION",
    to: "SELECTED",
    permission: "selection.manage",
    trigger: "round",
    needs: ["selection"],
    guard: select,
  }),
  row({
    key: "notSelect",
    from: "IN_SELECTION",
    to: "NOT_SELECTED",
    permission: "selection.manage",
    trigger: "round",
    needs: ["selection"],
    guard: notSelect,
  }),
  row({
    key: "leaveSelection",
    from: "IN_SELECTION",
    to: "SCREENED",
    permission: "selection.manage",
    trigger: "round",
    needs: ["selection"],
    guard: leaveSelection,
  }),
  // Triangulation: an analyst takes a selected story up, and signs it off once the evidence holds.
  row({
    key: "startTriangulation",
    from: "SELECTED",
    to: "IN_TRIANGULATION",
    permission: "triangulation.edit",
    guard: none,
  }),
  row({
    key: "triangulate",
    from: "IN_TRIANGULATION",
    to: "TRIANGULATED",
    permission: "triangulation.sign_off",
    needs: ["triangulation"],
    guard: using("triangulation", (_facts, triangulation) => triangulationBlockers(triangulation)),
  }),
  // Respondent validation: taken by the validation round's mutations.
  row({
    key: "enterValidation",
    from: "TRIANGULATED",
    to: "IN_VALIDATION",
    permission: "validation.manage",
    trigger: "validation",
    guard: none,
  }),
  row({
    key: "leaveValidation",
    from: "IN_VALIDATION",
    to: "TRIANGULATED",
    permission: "validation.manage",
    trigger: "validation",
    guard: none,
  }),
  row({
    key: "validate",
    from: "IN_VALIDATION",
    to: "VALIDATED",
    permission: "validation.manage",
    trigger: "validation",
    guard: none,
  }),
  row({
    key: "reopenAfterDispute",
    from: "IN_VALIDATION",
    to: "RETURNED",
    permission: "validation.record",
    trigger: "validation",
    guard: none,
  }),
  // A dispute recorded by mistake and corrected while its round is open undoes the return (decision
  // 0014); so does the lead accepting the story as it stands, once every dispute of it is settled (0042).
  row({
    key: "disputeCorrected",
    from: "RETURNED",
    to: "IN_VALIDATION",
    permission: "validation.record",
    trigger: "validation",
    guard: none,
  }),
  // The lead drops the story after a dispute: kept with its history, never validated (decision 0042).
  row({
    key: "dropAfterDispute",
    from: "RETURNED",
    to: "NOT_VALIDATED",
    permission: "validation.manage",
    trigger: "validation",
    guard: none,
  }),
  // Funder review: sending, the reviewer's decision, and the lead's decision after a return.
  row({
    key: "sendToReview",
    from: "VALIDATED",
    to: "IN_REVIEW",
    permission: "review.submit",
    trigger: "review",
    guard: none,
  }),
  row({
    key: "approve",
    from: "IN_REVIEW",
    to: "APPROVED",
    permission: "review.decide",
    trigger: "review",
    guard: none,
  }),
  row({
    key: "returnFromReview",
    from: "IN_REVIEW",
    to: "RETURNED",
    permission: "review.decide",
    trigger: "review",
    guard: none,
  }),
  row({
    key: "revalidate",
    from: "RETURNED",
    to: "TRIANGULATED",
    permission: "validation.manage",
    trigger: "review",
    guard: none,
  }),
  row({
    key: "skipRevalidation",
    from: "RETURNED",
    to: "VALIDATED",
    permission: "validation.manage",
    trigger: "review",
    guard: none,
  }),
  // A returned story may also go back to revision as a draft, then on again through submission.
  row({ key: "revise", from: "RETURNED", to: "DRAFT", permission: "story.edit", guard: none }),
];

/** The analysts' steps (take a selected story up, mark it triangulated): the story page sends them through the analysts' action. */
export function isTriangulationStep(permission: Permission): boolean {
  return permission.startsWith("triangulation.");
}

export function findTransition(from: StoryStage, to: StoryStage): StageTransition | undefined {
  return STAGE_TRANSITIONS.find((transition) => transition.from === from && transition.to === to);
}

/** The fact groups the rows leaving `stage` read (what the story page must load to explain them). */
export function factGroupsFrom(stage: StoryStage): FactGroup[] {
  return [
    ...new Set(
      STAGE_TRANSITIONS.filter((transition) => transition.from === stage).flatMap((transition) => transition.needs),
    ),
  ];
}

export type NextStep = {
  key: TransitionKey;
  to: StoryStage;
  needsComment: boolean;
  trigger: StepTrigger;
  /** Who may take it: the story page sends an analyst's step through the analysts' own action. */
  permission: Permission;
  /** The reader may take it (from the story page) once `blockers` is empty. */
  mine: boolean;
  blockers: StageBlocker[];
};

/** Every step out of `stage`, each with what still stands in the way: the reader's role first, then the guard. */
export function nextSteps(stage: StoryStage, roles: readonly Role[], facts: GuardFacts): NextStep[] {
  return STAGE_TRANSITIONS.filter((transition) => transition.from === stage).map((transition) => {
    const allowed = can(roles, transition.permission);
    const roleBlockers: StageBlocker[] = allowed
      ? []
      : [{ code: "ROLE_MISSING", roles: [...PERMISSIONS[transition.permission]].filter((role) => role !== "ADMIN") }];
    return {
      key: transition.key,
      to: transition.to,
      needsComment: transition.needsComment,
      trigger: transition.trigger,
      permission: transition.permission,
      mine: allowed && transition.trigger === "story",
      blockers: [...roleBlockers, ...transition.guard(facts)],
    };
  });
}

/** Stages in which authors may still change the story's content (later stages point at fixed revisions). */
export const EDITABLE_STAGES: readonly StoryStage[] = ["DRAFT", "SUBMITTED", "SCREENED", "RETURNED"];

export function isEditableStage(stage: StoryStage): boolean {
  return EDITABLE_STAGES.includes(stage);
}
