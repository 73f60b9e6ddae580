import { describe, expect, it } from "vitest";
import {
  failureWindowStart,
  holdsIdentityRole,
  isLockedOut,
  mayDisableTwoFactor,
  needsTwoFactorEnrolment,
  SIGN_IN_FAILURE_LIMIT,
  SIGN_IN_FAILURE_WINDOW_MS,
} from "@/lib/auth/policy";

describe("sign-in lockout", () => {
  it("allows 10 failed tries in 15 minutes and refuses the 11th", () => {
    expect(SIGN_IN_FAILURE_LIMIT).toBe(10);
    expect(SIGN_IN_FAILURE_WINDOW_MS).toBe(15 * 60 * 1000);
    for (let earlier = 0; earlier < 10; earlier += 1) expect(isLockedOut(earlier), `${earlier} earlier failures`).toBe(false);
    expect(isLockedOut(10)).toBe(true);
    expect(isLockedOut(50)).toBe(true);
  });

  it("counts failures from exactly 15 minutes back", () => {
    const now = new Date("2026-03-01T12:00:00.000Z");
    expect(failureWindowStart(now).toISOString()).toBe("2026-03-01T11:45:00.000Z");
  });
});

describe("two-factor requirement", () => {
  it("applies to admins and to leads and evaluators, not to other roles", () => {
    expect(holdsIdentityRole(true, [])).toBe(true);
    expect(holdsIdentityRole(false, ["LEAD"])).toBe(true);
    expect(holdsIdentityRole(false, ["PANELIST", "EVALUATOR"])).toBe(true);
    for (const role of ["PANELIST", "ANALYST", "REVIEWER"]) expect(holdsIdentityRole(false, [role]), role).toBe(false);
    expect(holdsIdentityRole(false, [])).toBe(false);
  });

  it.each([
    [{ required: true, identityRole: true, enrolled: false }, true],
    [{ required: true, identityRole: true, enrolled: true }, false],
    [{ required: true, identityRole: false, enrolled: false }, false],
    [{ required: false, identityRole: true, enrolled: false }, false],
  ])("needsTwoFactorEnrolment(%j) is %s", (facts, expected) => {
    expect(needsTwoFactorEnrolment(facts)).toBe(expected);
  });

  it("lets a user turn two-factor off only when the installation does not require it of them", () => {
    expect(mayDisableTwoFactor({ required: true, identityRole: true })).toBe(false);
    expect(mayDisableTwoFactor({ required: true, identityRole: false })).toBe(true);
    expect(mayDisableTwoFactor({ required: false, identityRole: true })).toBe(true);
  });
});
