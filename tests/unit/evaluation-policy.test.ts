import { describe, expect, it } from "vitest";
import type { EvaluationRole } from "@/lib/generated/prisma/client";
import { canViewEvaluation } from "@/lib/evaluations/policy";

const allRoles: EvaluationRole[] = ["LEAD", "EVALUATOR", "PANELIST", "ANALYST", "REVIEWER"];

describe("canViewEvaluation", () => {
  it.each(allRoles)("lets a member with the role %s see the evaluation", (role) => {
    expect(canViewEvaluation({ isAdmin: false }, { roles: [role] })).toBe(true);
  });

  it("lets a member with several roles see it", () => {
    expect(canViewEvaluation({ isAdmin: false }, { roles: ["EVALUATOR", "ANALYST"] })).toBe(true);
  });

  it("refuses someone who is not a member", () => {
    expect(canViewEvaluation({ isAdmin: false }, null)).toBe(false);
    expect(canViewEvaluation({ isAdmin: false }, undefined)).toBe(false);
  });

  it("refuses a membership that holds no role", () => {
    expect(canViewEvaluation({ isAdmin: false }, { roles: [] })).toBe(false);
  });

  it("lets an administrator see any evaluation, member or not", () => {
    expect(canViewEvaluation({ isAdmin: true }, null)).toBe(true);
    expect(canViewEvaluation({ isAdmin: true }, { roles: [] })).toBe(true);
    expect(canViewEvaluation({ isAdmin: true }, { roles: ["REVIEWER"] })).toBe(true);
  });

  it("does not treat a truthy non-boolean as administrator", () => {
    expect(canViewEvaluation({ isAdmin: "yes" as unknown as boolean }, null)).toBe(false);
  });
});
