import { describe, expect, it } from "vitest";
import {
  ADDRESS_FAILURE_LIMIT,
  failureWindowStart,
  isAddressThrottled,
  holdsIdentityRole,
  isLockedOut,
  mayDisableTwoFactor,
  needsTwoFactorEnrolment,
  SIGN_IN_FAILURE_LIMIT,
  SIGN_IN_FAILURE_WINDOW_MS,
  signInRefusal,
} from "@/lib/auth/policy";

describe("sign-in lockout", () => {
  it("allows 10 failed tries in 15 minutes and refuses the 11th", () => {
    expect(SIGN_IN_FAILURE_LIMIT).toBe(10);
    expect(SIGN_IN_FAILURE_WINDOW_MS).toBe(15 * 60 * 1000);
    for (let earlier = 0; earlier < 10; earlier += 1)
      expect(isLockedOut(earlier), `${earlier} earlier failures`).toBe(false);
    expect(isLockedOut(10)).toBe(true);
    expect(isLockedOut(50)).toBe(true);
  });

  it("counts failures from exactly 15 minutes back", () => {
    const now = new Date("2026-03-01T12:00:00.000Z");
    expect(failureWindowStart(now).toISOString()).toBe("2026-03-01T11:45:00.000Z");
  });
});

describe("per-address limit", () => {
  it("allows 30 failed tries from one client address in the window and refuses the 31st", () => {
    expect(ADDRESS_FAILURE_LIMIT).toBe(30);
    for (let earlier = 0; earlier < 30; earlier += 1)
      expect(isAddressThrottled(earlier), `${earlier} earlier failures`).toBe(false);
    expect(isAddressThrottled(30)).toBe(true);
    expect(isAddressThrottled(500)).toBe(true);
  });

  it.each([
    [0, 0, null],
    [9, 29, null],
    [10, 0, "LOCKED_OUT"],
    [0, 30, "ADDRESS_THROTTLED"],
    // Both: the account's own lockout is named (it is the older rule, and already in the audit trail).
    [10, 30, "LOCKED_OUT"],
    // An unknown client address is everyone at once: never throttled as one.
    [0, null, null],
    [10, null, "LOCKED_OUT"],
  ] as const)("signInRefusal(%i account, %s address failures) is %s", (account, address, expected) => {
    expect(signInRefusal(account, address)).toBe(expected);
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
