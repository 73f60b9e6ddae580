/**
 * The story's path (PRODUCT.md "The story's path") as ONE table of transitions. Each row names who
 * may take the step (a permission of lib/permissions.ts) and what must hold first (a pure guard
 * over facts the server loads inside the transition's transaction). Later work extends the table
 * (selection, triangulation, validation, review); the mutation (stage-mutations.ts) stays as it is.
 *
 * Guards return blockers as codes with the details needed to explain them; the interface shows
 * them translated ("R-0012 withdrew consent"). An empty list means the step may be taken.
 */
import type { ConsentScopeKind, StoryStage } from "@/lib/generated/prisma/enums";
import { can, type Permission, type Role } from "@/lib/permissions";
import { STORYTELLER_SCOPES } from "./schema";

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

export type StageBlocker =
  | { code: "NO_STORYTELLER" }
  | { code: "NO_SOURCE" }
  | { code: "CONSENT_MISSING"; respondent: string }
  | { code: "CONSENT_WITHDRAWN"; respondent: string }
  | { code: "CONSENT_SCOPE_NOT_GRANTED"; respondent: string; scope: ConsentScopeKind }
  | { code: "SOURCE_DESTROYED" }
  | { code: "NO_PRIMARY_DOMAIN" };

export type TransitionKey = "submit" | "screen" | "sendBack";

export type StageTransition = {
  key: TransitionKey;
  from: StoryStage;
  to: StoryStage;
  permission: Permission;
  /** A comment is required (e.g. why a story is sent back); it is kept in the audit event. */
  needsComment: boolean;
  guard: (facts: StageFacts) => StageBlocker[];
};

/** Storytellers whose current consent does not cover the story, each with the first reason found. */
export function consentBlockers(storytellers: StorytellerConsentFacts[]): StageBlocker[] {
  const blockers: StageBlocker[] = [];
  for (const teller of storytellers) {
    if (!teller.consent) {
      blockers.push({ code: "CONSENT_MISSING", respondent: teller.code });
    } else if (teller.consent.withdrawn || teller.excluded) {
      blockers.push({ code: "CONSENT_WITHDRAWN", respondent: teller.code });
    } else {
      for (const scope of STORYTELLER_SCOPES) {
        if (teller.consent.scopes[scope] !== true) blockers.push({ code: "CONSENT_SCOPE_NOT_GRANTED", respondent: teller.code, scope });
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

export const STAGE_TRANSITIONS: readonly StageTransition[] = [
  { key: "submit", from: "DRAFT", to: "SUBMITTED", permission: "story.edit", needsComment: false, guard: submissionBlockers },
  {
    key: "screen",
    from: "SUBMITTED",
    to: "SCREENED",
    permission: "story.assign_domain",
    needsComment: false,
    guard: (facts) => (facts.hasCurrentPrimaryDomain ? [] : [{ code: "NO_PRIMARY_DOMAIN" }]),
  },
  { key: "sendBack", from: "SUBMITTED", to: "DRAFT", permission: "story.edit", needsComment: true, guard: none },
  { key: "sendBack", from: "SCREENED", to: "DRAFT", permission: "story.edit", needsComment: true, guard: none },
];

export function findTransition(from: StoryStage, to: StoryStage): StageTransition | undefined {
  return STAGE_TRANSITIONS.find((transition) => transition.from === from && transition.to === to);
}

export type NextStep = { key: TransitionKey; to: StoryStage; needsComment: boolean; blockers: StageBlocker[] };

/** The steps this person may take from `stage`, each with what still stands in the way (empty = possible now). */
export function nextSteps(stage: StoryStage, roles: readonly Role[], facts: StageFacts): NextStep[] {
  return STAGE_TRANSITIONS.filter((transition) => transition.from === stage && can(roles, transition.permission)).map((transition) => ({
    key: transition.key,
    to: transition.to,
    needsComment: transition.needsComment,
    blockers: transition.guard(facts),
  }));
}

/** Stages in which authors may still change the story's content (later stages point at fixed revisions). */
export const EDITABLE_STAGES: readonly StoryStage[] = ["DRAFT", "SUBMITTED", "SCREENED", "RETURNED"];

export function isEditableStage(stage: StoryStage): boolean {
  return EDITABLE_STAGES.includes(stage);
}
