import { describe, expect, it } from "vitest";
import { planAssignment } from "@/lib/domains/policy";
import { en, es } from "@/lib/i18n/messages";
import { StoryStage } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/permissions";
import { editBlockers } from "@/lib/stories/policy";
import {
  consentBlockers,
  findTransition,
  isEditableStage,
  nextSteps,
  STAGE_TRANSITIONS,
  submissionBlockers,
  type StageFacts,
  type StorytellerConsentFacts,
} from "@/lib/stories/stage-machine";

const granted = {
  INTERVIEW: true,
  AUDIO_RECORDING: true,
  ANONYMOUS_QUOTATION: true,
  SHARE_WITH_FUNDER: true,
  CONTACT_FOR_VALIDATION: true,
};
const teller = (
  code: string,
  consent: StorytellerConsentFacts["consent"] = { withdrawn: false, scopes: granted },
  excluded = false,
): StorytellerConsentFacts => ({
  code,
  excluded,
  consent,
});
const ready: StageFacts = {
  storytellers: [teller("R-0001")],
  sourceCount: 1,
  hasCurrentPrimaryDomain: true,
  flaggedSourceDestroyed: false,
};
const ALL_ROLES: Role[] = ["LEAD", "EVALUATOR", "PANELIST", "ANALYST", "REVIEWER", "ADMIN"];

describe("the transition table", () => {
  it("has one row per (from, to) and only real stages", () => {
    const pairs = STAGE_TRANSITIONS.map((transition) => `${transition.from}>${transition.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const stages = Object.values(StoryStage) as string[];
    for (const transition of STAGE_TRANSITIONS) {
      expect(stages).toContain(transition.from);
      expect(stages).toContain(transition.to);
      expect(transition.from).not.toBe(transition.to);
    }
  });

  it("holds the whole path, from draft to approved, and the ways back", () => {
    expect(pairs()).toEqual([
      "DRAFT>SUBMITTED",
      "SUBMITTED>SCREENED",
      "SUBMITTED>DRAFT",
      "SCREENED>DRAFT",
      "SCREENED>IN_SELECTION",
      "IN_SELECTION>SELECTED",
      "IN_SELECTION>NOT_SELECTED",
      "IN_SELECTION>SCREENED",
      "SELECTED>IN_TRIANGULATION",
      "IN_TRIANGULATION>TRIANGULATED",
      "TRIANGULATED>IN_VALIDATION",
      "IN_VALIDATION>TRIANGULATED",
      "IN_VALIDATION>VALIDATED",
      "IN_VALIDATION>RETURNED",
      "RETURNED>IN_VALIDATION",
      "RETURNED>NOT_VALIDATED",
      "VALIDATED>IN_REVIEW",
      "IN_REVIEW>APPROVED",
      "IN_REVIEW>RETURNED",
      "RETURNED>TRIANGULATED",
      "RETURNED>VALIDATED",
      "RETURNED>DRAFT",
    ]);
    // Nothing leaves the two ends of the path but a return.
    expect(
      STAGE_TRANSITIONS.filter((transition) => ["APPROVED", "NOT_SELECTED", "NOT_VALIDATED"].includes(transition.from)),
    ).toEqual([]);
    expect(findTransition("DRAFT", "SCREENED")).toBeUndefined();
    expect(findTransition("SCREENED", "SUBMITTED")).toBeUndefined();
    expect(findTransition("SUBMITTED", "DRAFT")?.needsComment).toBe(true);
    expect(findTransition("SCREENED", "DRAFT")?.needsComment).toBe(true);
    expect(findTransition("DRAFT", "SUBMITTED")?.needsComment).toBe(false);
  });

  function pairs() {
    return STAGE_TRANSITIONS.map((transition) => `${transition.from}>${transition.to}`);
  }

  it.each(ALL_ROLES)(
    "offers %s exactly the steps its permissions allow, and says why the others are not theirs",
    (role) => {
      const facts = {
        ...ready,
        selection: { candidacies: [] },
        triangulation: { storyVersion: 1, evidence: [], signOff: null },
      };
      const mine = (stage: StoryStage) =>
        nextSteps(stage, [role], facts)
          .filter((step) => step.mine)
          .map((step) => step.to);
      const editor = role === "LEAD" || role === "EVALUATOR";
      expect(mine("DRAFT")).toEqual(editor ? ["SUBMITTED"] : []);
      expect(mine("SUBMITTED")).toEqual(editor ? ["SCREENED", "DRAFT"] : []);
      // Entering selection is a round's step: listed, never "mine" on the story page.
      expect(mine("SCREENED")).toEqual(editor ? ["DRAFT"] : []);
      expect(mine("RETURNED")).toEqual(editor ? ["DRAFT"] : []);
      expect(mine("SELECTED")).toEqual(role === "ANALYST" ? ["IN_TRIANGULATION"] : []);
      expect(mine("IN_TRIANGULATION")).toEqual(role === "ANALYST" ? ["TRIANGULATED"] : []);
      // Validation and review steps are listed with their owner, never taken from the story page.
      for (const stage of ["TRIANGULATED", "IN_VALIDATION", "VALIDATED", "IN_REVIEW"] as const)
        expect(mine(stage)).toEqual([]);
      const submit = nextSteps("DRAFT", [role], ready)[0]!;
      if (editor) expect(submit.blockers).toEqual([]);
      else expect(submit.blockers[0]).toEqual({ code: "ROLE_MISSING", roles: ["LEAD", "EVALUATOR"] });
    },
  );
});

describe("triangulated guard (in triangulation → triangulated)", () => {
  const triangulate = findTransition("IN_TRIANGULATION", "TRIANGULATED")!;
  const item = (
    id: string,
    sourceType: "DOCUMENT" | "MEDIA" | "ADMINISTRATIVE_RECORD",
    stance: "SUPPORTS" | "CONTRADICTS" = "SUPPORTS",
  ) => ({
    id,
    sourceType,
    stance,
    hasResponse: false,
    hasSupportNote: false,
    updatedAt: new Date("2025-01-01T00:00:00Z"),
  });

  it("needs two independent source types, answered contradictions and a current sign-off", () => {
    const signOff = { storyVersion: 3, signedAt: new Date("2025-02-01T00:00:00Z") };
    const evidence = [item("a", "DOCUMENT"), item("b", "ADMINISTRATIVE_RECORD")];
    expect(triangulate.guard({ ...ready, triangulation: { storyVersion: 3, evidence, signOff } })).toEqual([]);
    expect(
      triangulate
        .guard({ ...ready, triangulation: { storyVersion: 3, evidence: [evidence[0]!], signOff } })
        .map((blocker) => blocker.code),
    ).toContain("TOO_FEW_SOURCE_TYPES");
    expect(
      triangulate
        .guard({
          ...ready,
          triangulation: { storyVersion: 3, evidence: [...evidence, item("c", "MEDIA", "CONTRADICTS")], signOff },
        })
        .map((blocker) => blocker.code),
    ).toContain("CONTRADICTION_UNANSWERED");
    expect(
      triangulate
        .guard({ ...ready, triangulation: { storyVersion: 4, evidence, signOff } })
        .map((blocker) => blocker.code),
    ).toEqual(["SIGN_OFF_STALE"]);
    expect(
      triangulate
        .guard({ ...ready, triangulation: { storyVersion: 3, evidence, signOff: null } })
        .map((blocker) => blocker.code),
    ).toEqual(["NO_SIGN_OFF"]);
  });

  it("refuses to run without its facts (a row that forgot `needs`)", () => {
    expect(() => triangulate.guard(ready)).toThrow(/triangulation/);
  });
});

describe("submission guard (draft → submitted)", () => {
  const submit = findTransition("DRAFT", "SUBMITTED")!;

  it("passes with a consenting storyteller and a source", () => {
    expect(submit.guard(ready)).toEqual([]);
  });

  it("needs a storyteller and a source", () => {
    expect(submit.guard({ ...ready, storytellers: [], sourceCount: 0 })).toEqual([
      { code: "NO_STORYTELLER" },
      { code: "NO_SOURCE" },
    ]);
  });

  it("refuses a story resting on destroyed data", () => {
    expect(submit.guard({ ...ready, flaggedSourceDestroyed: true })).toEqual([{ code: "SOURCE_DESTROYED" }]);
  });

  it("names every storyteller whose consent does not cover the story", () => {
    const facts: StageFacts = {
      ...ready,
      storytellers: [
        teller("R-0001"),
        teller("R-0002", null),
        teller("R-0003", { withdrawn: true, scopes: granted }),
        teller("R-0004", { withdrawn: false, scopes: { ...granted, ANONYMOUS_QUOTATION: false } }),
        teller("R-0005", { withdrawn: false, scopes: { AUDIO_RECORDING: true } }),
        teller("R-0006", { withdrawn: false, scopes: granted }, true),
      ],
    };
    expect(submit.guard(facts)).toEqual([
      { code: "CONSENT_MISSING", respondent: "R-0002" },
      { code: "CONSENT_WITHDRAWN", respondent: "R-0003" },
      { code: "CONSENT_SCOPE_NOT_GRANTED", respondent: "R-0004", scope: "ANONYMOUS_QUOTATION" },
      { code: "CONSENT_SCOPE_NOT_GRANTED", respondent: "R-0005", scope: "INTERVIEW" },
      { code: "CONSENT_SCOPE_NOT_GRANTED", respondent: "R-0005", scope: "ANONYMOUS_QUOTATION" },
      { code: "CONSENT_WITHDRAWN", respondent: "R-0006" },
    ]);
  });

  // Every combination of the two required scopes (granted / refused / not asked) and withdrawal.
  const answers = [true, false, undefined] as const;
  const cases = answers.flatMap((interview) =>
    answers.flatMap((quotation) => [false, true].map((withdrawn) => ({ interview, quotation, withdrawn }))),
  );
  it.each(cases)(
    "with interview=$interview, quotation=$quotation, withdrawn=$withdrawn",
    ({ interview, quotation, withdrawn }) => {
      const scopes: Record<string, boolean> = {};
      if (interview !== undefined) scopes.INTERVIEW = interview;
      if (quotation !== undefined) scopes.ANONYMOUS_QUOTATION = quotation;
      const blockers = consentBlockers([teller("R-0009", { withdrawn, scopes })]);
      const allowed = !withdrawn && interview === true && quotation === true;
      expect(blockers.length === 0).toBe(allowed);
      if (withdrawn) expect(blockers).toEqual([{ code: "CONSENT_WITHDRAWN", respondent: "R-0009" }]);
      expect(submissionBlockers({ ...ready, storytellers: [teller("R-0009", { withdrawn, scopes })] })).toEqual(
        blockers,
      );
    },
  );
});

describe("screening guard (submitted → screened)", () => {
  it("needs a current primary domain, and only that", () => {
    const screen = findTransition("SUBMITTED", "SCREENED")!;
    expect(screen.guard(ready)).toEqual([]);
    expect(screen.guard({ ...ready, hasCurrentPrimaryDomain: false })).toEqual([{ code: "NO_PRIMARY_DOMAIN" }]);
    expect(screen.guard({ ...ready, storytellers: [], sourceCount: 0 })).toEqual([]);
  });

  it("sending back has no guard", () => {
    expect(
      findTransition("SCREENED", "DRAFT")!.guard({
        storytellers: [],
        sourceCount: 0,
        hasCurrentPrimaryDomain: false,
        flaggedSourceDestroyed: true,
      }),
    ).toEqual([]);
  });
});

describe("editing past draft", () => {
  it("is possible in the first stages and in RETURNED, not once selection starts", () => {
    expect(["DRAFT", "SUBMITTED", "SCREENED", "RETURNED"].every((stage) => isEditableStage(stage as StoryStage))).toBe(
      true,
    );
    expect(isEditableStage("IN_SELECTION")).toBe(false);
    expect(isEditableStage("APPROVED")).toBe(false);
  });

  it("keeps a submitted story's storyteller, source and consent", () => {
    const none = new Set<string>();
    expect(editBlockers("DRAFT", { ...ready, storytellers: [], sourceCount: 0 }, none)).toEqual([]);
    expect(editBlockers("SUBMITTED", { ...ready, storytellers: [], sourceCount: 0 }, none)).toEqual([
      { code: "NO_STORYTELLER" },
      { code: "NO_SOURCE" },
    ]);
    const withNew = {
      ...ready,
      storytellers: [teller("R-0001", { withdrawn: true, scopes: granted }), teller("R-0002", null)],
    };
    // Only storytellers added by this edit are checked; an old withdrawal does not block editing.
    expect(editBlockers("SCREENED", withNew, new Set(["R-0002"]))).toEqual([
      { code: "CONSENT_MISSING", respondent: "R-0002" },
    ]);
  });
});

describe("domain assignment plan", () => {
  const current = [
    { id: "a1", domainId: "d1", kind: "PRIMARY" as const },
    { id: "a2", domainId: "d2", kind: "SECONDARY" as const },
  ];

  it("ends the current primary when a new one is assigned, and the domain's secondary row if it had one", () => {
    expect(planAssignment(current, "d3", "PRIMARY")).toEqual({ ok: true, end: ["a1"] });
    expect(planAssignment(current, "d2", "PRIMARY")).toEqual({ ok: true, end: ["a1", "a2"] });
    expect(planAssignment([], "d1", "PRIMARY")).toEqual({ ok: true, end: [] });
  });

  it("adds a secondary without ending anything, and refuses repeats", () => {
    expect(planAssignment(current, "d3", "SECONDARY")).toEqual({ ok: true, end: [] });
    expect(planAssignment(current, "d1", "PRIMARY")).toEqual({ ok: false, reason: "ALREADY_ASSIGNED" });
    expect(planAssignment(current, "d2", "SECONDARY")).toEqual({ ok: false, reason: "ALREADY_ASSIGNED" });
    expect(planAssignment(current, "d1", "SECONDARY")).toEqual({ ok: false, reason: "ALREADY_PRIMARY" });
  });
});

describe("the words of each step", () => {
  it("name what is done, not again the stage it leads to (no “Selected (Selected)”)", () => {
    for (const messages of [en, es]) {
      const stages = messages.stories.stages as Record<string, string>;
      const steps = {
        ...(messages.selection.path.steps as Record<string, { title: string }>),
        ...(messages.stories.stage.steps as Record<string, { title: string }>),
      };
      for (const { key, to } of STAGE_TRANSITIONS) {
        const title = steps[key]!.title;
        expect(title, key).toMatch(/ \(\{stage\}\)$/);
        const doing = title.replace(/ \(\{stage\}\)$/, "").toLowerCase();
        const reached = stages[to]!.toLowerCase();
        // Whole words: "Submit (Submitted)" says what is done; "Returned (Returned for changes)" does not.
        const repeats = doing === reached || doing.startsWith(`${reached} `) || reached.startsWith(`${doing} `);
        expect(repeats, `${key}: ${title} → ${stages[to]}`).toBe(false);
      }
    }
  });
});
