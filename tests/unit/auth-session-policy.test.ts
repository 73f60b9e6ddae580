import { describe, expect, it } from "vitest";
import { IDLE_TIMEOUT_MS, sessionVerdict, shouldTouchSession, TOUCH_INTERVAL_MS } from "@/lib/auth/policy";

const now = new Date("2026-03-01T12:00:00Z");
const minutes = (n: number) => n * 60 * 1000;
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);

const active = {
  expiresAt: later(minutes(60)),
  lastSeenAt: ago(minutes(5)),
  revokedAt: null,
  userDisabledAt: null,
  userTwoFactorEnabledAt: null,
  twoFactorVerifiedAt: null,
};

describe("sessionVerdict", () => {
  it("accepts an open, unexpired, recently used session of an enabled user", () => {
    expect(sessionVerdict(active, now)).toBe("ACTIVE");
  });

  it("refuses a revoked session", () => {
    expect(sessionVerdict({ ...active, revokedAt: ago(1) }, now)).toBe("REVOKED");
  });

  it("refuses a session whose user is disabled", () => {
    expect(sessionVerdict({ ...active, userDisabledAt: ago(1) }, now)).toBe("USER_DISABLED");
  });

  it("refuses a password-only session of a user who has two-factor on, and accepts one that passed it", () => {
    expect(sessionVerdict({ ...active, userTwoFactorEnabledAt: ago(minutes(1)) }, now)).toBe("SECOND_FACTOR_MISSING");
    expect(
      sessionVerdict({ ...active, userTwoFactorEnabledAt: ago(minutes(1)), twoFactorVerifiedAt: ago(minutes(1)) }, now),
    ).toBe("ACTIVE");
    // A verified session of a user who later turned two-factor off stays valid.
    expect(sessionVerdict({ ...active, twoFactorVerifiedAt: ago(minutes(1)) }, now)).toBe("ACTIVE");
  });

  it("puts revocation and disabling before everything else", () => {
    const worst = {
      ...active,
      revokedAt: ago(1),
      userDisabledAt: ago(1),
      expiresAt: ago(1),
      lastSeenAt: ago(minutes(60)),
    };
    expect(sessionVerdict(worst, now)).toBe("REVOKED");
    expect(sessionVerdict({ ...worst, revokedAt: null }, now)).toBe("USER_DISABLED");
  });

  it("refuses a session at and after its expiry", () => {
    expect(sessionVerdict({ ...active, expiresAt: now }, now)).toBe("EXPIRED");
    expect(sessionVerdict({ ...active, expiresAt: ago(1) }, now)).toBe("EXPIRED");
  });

  it("refuses a session idle for more than 30 minutes, and keeps one idle for exactly 30", () => {
    expect(IDLE_TIMEOUT_MS).toBe(minutes(30));
    expect(sessionVerdict({ ...active, lastSeenAt: ago(minutes(30)) }, now)).toBe("ACTIVE");
    expect(sessionVerdict({ ...active, lastSeenAt: ago(minutes(30) + 1) }, now)).toBe("IDLE");
  });
});

describe("shouldTouchSession", () => {
  it("writes lastSeenAt at most once a minute", () => {
    expect(TOUCH_INTERVAL_MS).toBe(minutes(1));
    expect(shouldTouchSession(ago(minutes(1) - 1), now)).toBe(false);
    expect(shouldTouchSession(ago(minutes(1)), now)).toBe(true);
    expect(shouldTouchSession(ago(minutes(10)), now)).toBe(true);
  });
});
