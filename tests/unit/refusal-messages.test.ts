/**
 * Every reason a mutation exports reads as a message in Spanish and in English. The forms' key
 * tables are typed by the mutations' unions (a missing reason fails typecheck); this test checks
 * the same at run time, that each key exists in both languages, and that no exported list of
 * reasons is left out of it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  generalFailures,
  refusalFailureMessages,
  schemaCodes,
  type RefusalMessages,
} from "@/components/ui/refusal-messages";
import { REMINDER_REFUSAL_MESSAGES, SELECTION_REFUSAL_MESSAGES } from "@/components/selection/failure-messages";
import { STAGE_REFUSAL_MESSAGES } from "@/components/stories/stage-controls";
import { STORY_SAVE_REFUSAL_MESSAGES } from "@/components/stories/failure-messages";
import { TRIANGULATION_REFUSAL_MESSAGES } from "@/components/triangulation/failure-messages";
import { STORY_SAVE_REFUSALS } from "@/lib/stories/mutations";
import { TRIANGULATION_REFUSALS } from "@/lib/triangulation/mutations";
import { PLAN_REFUSAL_MESSAGES } from "@/components/setup/fieldwork-plan-form";
import { PLAN_REFUSALS } from "@/lib/fieldwork-plan/mutations";
import { ASSIGNMENT_REFUSAL_MESSAGES } from "@/components/domains/failure-messages";
import { IMPORT_REFUSAL_MESSAGES } from "@/components/imports/failure-messages";
import { LEARNING_REFUSAL_MESSAGES } from "@/components/learnings/failure-messages";
import { RESPONDENT_REFUSAL_MESSAGES } from "@/components/respondents/failure-messages";
import { SETUP_REFUSAL_MESSAGES } from "@/components/setup/failure-messages";
import { ASSIGNMENT_REFUSALS } from "@/lib/domains/mutations";
import { DOMAIN_SETUP_REFUSALS } from "@/lib/domains/setup-mutations";
import { COPY_SETUP_REFUSALS } from "@/lib/evaluations/copy-setup";
import { en, es } from "@/lib/i18n/messages";
import { IMPORT_REFUSALS } from "@/lib/imports/mutations";
import { LEARNING_REFUSALS } from "@/lib/learnings/mutations";
import { PLACE_REFUSALS } from "@/lib/places/mutations";
import { PROJECT_REFUSALS } from "@/lib/projects/mutations";
import { CONSENT_REFUSALS } from "@/lib/respondents/consent-mutations";
import { IDENTITY_REFUSALS } from "@/lib/respondents/identity-mutations";
import { RESPONDENT_REFUSALS } from "@/lib/respondents/mutations";
import { LIST_ITEM_REFUSALS } from "@/lib/setup-lists/mutations";
import { CAST_REFUSALS } from "@/lib/selection/ballot-mutations";
import { BALLOT_ROUND_REFUSALS } from "@/lib/selection/policy";
import { REMINDER_REFUSALS } from "@/lib/selection/reminder-mutations";
import { ROUND_REFUSALS } from "@/lib/selection/round-mutations";
import { MOVE_REFUSALS } from "@/lib/stories/stage-mutations";
import { QUOTATION_REFUSAL_MESSAGES } from "@/components/quotations/failure-messages";
import { QUOTATION_REFUSALS } from "@/lib/quotations/mutations";
import { REVIEW_DECISION_REFUSAL_MESSAGES } from "@/components/reviews/failure-messages";
import { LEAD_DECISION_REFUSAL_MESSAGES, VALIDATION_REFUSAL_MESSAGES } from "@/components/validation/failure-messages";
import { REVALIDATION_REFUSALS, REVIEW_DECISION_REFUSALS, SEND_TO_REVIEW_REFUSALS } from "@/lib/reviews/mutations";
import { CORRECTION_REFUSALS } from "@/lib/validation/correction-mutations";
import { DISPUTE_REFUSALS } from "@/lib/validation/dispute-mutations";
import { VALIDATION_ROUND_REFUSALS } from "@/lib/validation/mutations";
import { RESPONSE_REFUSALS } from "@/lib/validation/response-mutations";
import { SAMPLE_REFUSALS } from "@/lib/validation/sample-mutations";

/** Each exported list of reasons, with the key table of every form that shows them. */
const EXPORTED: Record<string, { reasons: readonly string[]; messages: Array<RefusalMessages<string>> }> = {
  ROUND_REFUSALS: { reasons: ROUND_REFUSALS, messages: [SELECTION_REFUSAL_MESSAGES] },
  CAST_REFUSALS: { reasons: CAST_REFUSALS, messages: [SELECTION_REFUSAL_MESSAGES] },
  BALLOT_ROUND_REFUSALS: {
    reasons: BALLOT_ROUND_REFUSALS,
    messages: [SELECTION_REFUSAL_MESSAGES, REMINDER_REFUSAL_MESSAGES],
  },
  REMINDER_REFUSALS: { reasons: REMINDER_REFUSALS, messages: [REMINDER_REFUSAL_MESSAGES, SELECTION_REFUSAL_MESSAGES] },
  MOVE_REFUSALS: { reasons: MOVE_REFUSALS, messages: [STAGE_REFUSAL_MESSAGES] },
  // The contribution and sustainability form saves through the story's own save.
  STORY_SAVE_REFUSALS: {
    reasons: STORY_SAVE_REFUSALS,
    messages: [STORY_SAVE_REFUSAL_MESSAGES, TRIANGULATION_REFUSAL_MESSAGES],
  },
  TRIANGULATION_REFUSALS: { reasons: TRIANGULATION_REFUSALS, messages: [TRIANGULATION_REFUSAL_MESSAGES] },
  PLAN_REFUSALS: { reasons: PLAN_REFUSALS, messages: [PLAN_REFUSAL_MESSAGES] },
  PLACE_REFUSALS: { reasons: PLACE_REFUSALS, messages: [SETUP_REFUSAL_MESSAGES] },
  PROJECT_REFUSALS: { reasons: PROJECT_REFUSALS, messages: [SETUP_REFUSAL_MESSAGES] },
  DOMAIN_SETUP_REFUSALS: { reasons: DOMAIN_SETUP_REFUSALS, messages: [SETUP_REFUSAL_MESSAGES] },
  LIST_ITEM_REFUSALS: { reasons: LIST_ITEM_REFUSALS, messages: [SETUP_REFUSAL_MESSAGES] },
  COPY_SETUP_REFUSALS: { reasons: COPY_SETUP_REFUSALS, messages: [SETUP_REFUSAL_MESSAGES] },
  ASSIGNMENT_REFUSALS: { reasons: ASSIGNMENT_REFUSALS, messages: [ASSIGNMENT_REFUSAL_MESSAGES] },
  LEARNING_REFUSALS: { reasons: LEARNING_REFUSALS, messages: [LEARNING_REFUSAL_MESSAGES] },
  IMPORT_REFUSALS: { reasons: IMPORT_REFUSALS, messages: [IMPORT_REFUSAL_MESSAGES] },
  RESPONDENT_REFUSALS: { reasons: RESPONDENT_REFUSALS, messages: [RESPONDENT_REFUSAL_MESSAGES] },
  IDENTITY_REFUSALS: { reasons: IDENTITY_REFUSALS, messages: [RESPONDENT_REFUSAL_MESSAGES] },
  CONSENT_REFUSALS: { reasons: CONSENT_REFUSALS, messages: [RESPONDENT_REFUSAL_MESSAGES] },
  QUOTATION_REFUSALS: { reasons: QUOTATION_REFUSALS, messages: [QUOTATION_REFUSAL_MESSAGES] },
  VALIDATION_ROUND_REFUSALS: { reasons: VALIDATION_ROUND_REFUSALS, messages: [VALIDATION_REFUSAL_MESSAGES] },
  RESPONSE_REFUSALS: { reasons: RESPONSE_REFUSALS, messages: [VALIDATION_REFUSAL_MESSAGES] },
  CORRECTION_REFUSALS: { reasons: CORRECTION_REFUSALS, messages: [VALIDATION_REFUSAL_MESSAGES] },
  DISPUTE_REFUSALS: { reasons: DISPUTE_REFUSALS, messages: [VALIDATION_REFUSAL_MESSAGES] },
  SAMPLE_REFUSALS: { reasons: SAMPLE_REFUSALS, messages: [VALIDATION_REFUSAL_MESSAGES] },
  SEND_TO_REVIEW_REFUSALS: { reasons: SEND_TO_REVIEW_REFUSALS, messages: [LEAD_DECISION_REFUSAL_MESSAGES] },
  REVALIDATION_REFUSALS: { reasons: REVALIDATION_REFUSALS, messages: [LEAD_DECISION_REFUSAL_MESSAGES] },
  REVIEW_DECISION_REFUSALS: { reasons: REVIEW_DECISION_REFUSALS, messages: [REVIEW_DECISION_REFUSAL_MESSAGES] },
};

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

function lookUp(messages: object, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
      messages,
    );
}

describe("refusal messages", () => {
  it("cover every list of reasons that lib exports", () => {
    const exported = sourceFiles("lib").flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/^export const ([A-Z_]+_REFUSALS)\b/gm)].map(
        (match) => match[1]!,
      ),
    );
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.filter((name) => !(name in EXPORTED))).toEqual([]);
  });

  it("give every exported reason a key in each form that shows it", () => {
    for (const [name, { reasons, messages }] of Object.entries(EXPORTED)) {
      for (const table of messages) {
        expect(
          reasons.filter((reason) => !Object.hasOwn(table, reason)),
          name,
        ).toEqual([]);
      }
    }
  });

  it("point at a message that exists in Spanish and in English", () => {
    const tables = [...new Set(Object.values(EXPORTED).flatMap(({ messages }) => messages))];
    for (const table of tables) {
      for (const [reason, key] of Object.entries(table)) {
        for (const [language, messages] of Object.entries({ es, en })) {
          const text = lookUp(messages, key);
          expect(typeof text === "string" && text.trim().length > 0, `${reason} → ${key} (${language})`).toBe(true);
        }
      }
    }
  });
});

describe("schemaCodes", () => {
  const fieldKey = schemaCodes("reviews.errors", ["choose", "tooLong"], "reviews.errors.invalid");

  it("reads a listed code as the key of the same name under the namespace", () => {
    expect(fieldKey("choose")).toBe("reviews.errors.choose");
    expect(fieldKey("tooLong")).toBe("reviews.errors.tooLong");
  });

  it("refuses at typecheck a code with no message of its name under the namespace", () => {
    // @ts-expect-error "noSuchCode" has no key under reviews.errors
    expect(schemaCodes("reviews.errors", ["noSuchCode"], "reviews.errors.invalid")("noSuchCode")).toBe(
      "reviews.errors.noSuchCode",
    );
  });

  it("reads any other code, zod's own or an object's property name, as the fallback", () => {
    for (const code of ["too_small", "invalidCharacters", "constructor", "__proto__", ""])
      expect(fieldKey(code), code).toBe("reviews.errors.invalid");
  });
});

describe("refusalFailureMessages", () => {
  const shown = refusalFailureMessages(
    generalFailures("reviews.errors"),
    (code) => `reviews.errors.${code}`,
    (path) => path.split(".")[0]!,
  );

  it("shows each field error under the control its path names, the first path's when several share one", () => {
    const failure = {
      ok: false as const,
      error: "INVALID" as const,
      fieldErrors: { "storyIds.2": ["tooMany"], "storyIds.0": ["duplicate"], comment: ["tooLong"] },
    };
    expect(shown(failure)).toEqual({
      fields: { storyIds: ["reviews.errors.tooMany"], comment: ["reviews.errors.tooLong"] },
      form: "reviews.errors.INVALID",
    });
  });

  it("shows a refusal on top and under the control of the field it names", () => {
    const failure = { ok: false as const, error: "REJECTED" as const, reason: "CONFLICT", field: "storyIds.1" };
    expect(shown(failure)).toEqual({
      fields: { storyIds: ["reviews.errors.CONFLICT"] },
      form: "reviews.errors.CONFLICT",
    });
  });

  it("shows a failure that names no field on top only", () => {
    expect(shown({ ok: false, error: "FORBIDDEN" })).toEqual({ fields: {}, form: "reviews.errors.FORBIDDEN" });
  });
});
