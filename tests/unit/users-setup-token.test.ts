/** The administrator's account set-up link: signed, expiring, and dead once the user row changes. */
import { beforeAll, describe, expect, it } from "vitest";

let token: typeof import("@/lib/users/setup-token");

beforeAll(async () => {
  Object.assign(process.env, {
    DATABASE_URL: "postgresql://unused@localhost:5432/unused",
    AUTH_SECRET: "s".repeat(40),
    IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    APP_BASE_URL: "https://msc.example.org/",
  });
  token = await import("@/lib/users/setup-token");
});

const now = new Date("2026-03-01T12:00:00Z");
const user = { id: "cuser1", updatedAt: new Date("2026-03-01T11:59:00.123Z"), passwordHash: null, disabledAt: null };

describe("account set-up tokens", () => {
  it("fit the user they were made for until they expire after 7 days", () => {
    const parsed = token.parseAccountSetupToken(token.createAccountSetupToken(user, now))!;
    expect(token.accountSetupTokenFits(parsed, user, now)).toBe(true);
    expect(token.accountSetupTokenFits(parsed, user, new Date(now.getTime() + 7 * 24 * 3600 * 1000 - 1))).toBe(true);
    expect(token.accountSetupTokenFits(parsed, user, new Date(now.getTime() + 7 * 24 * 3600 * 1000))).toBe(false);
  });

  it("die when the row changes, a password is set or the user is disabled", () => {
    const parsed = token.parseAccountSetupToken(token.createAccountSetupToken(user, now))!;
    expect(
      token.accountSetupTokenFits(parsed, { ...user, updatedAt: new Date(user.updatedAt.getTime() + 1) }, now),
    ).toBe(false);
    expect(token.accountSetupTokenFits(parsed, { ...user, passwordHash: "$argon2id$…" }, now)).toBe(false);
    expect(token.accountSetupTokenFits(parsed, { ...user, disabledAt: now }, now)).toBe(false);
    expect(token.accountSetupTokenFits(parsed, { ...user, id: "cuser2" }, now)).toBe(false);
  });

  it("refuse a forged expiry or signature", () => {
    const [id, expiry, signature] = token.createAccountSetupToken(user, now).split(".");
    const later = (Number.parseInt(expiry!, 36) + 1000 * 3600 * 24 * 30).toString(36);
    expect(token.accountSetupTokenFits(token.parseAccountSetupToken(`${id}.${later}.${signature}`)!, user, now)).toBe(
      false,
    );
    const flipped = `${signature!.slice(0, -1)}${signature!.endsWith("A") ? "B" : "A"}`;
    expect(token.accountSetupTokenFits(token.parseAccountSetupToken(`${id}.${expiry}.${flipped}`)!, user, now)).toBe(
      false,
    );
    expect(token.parseAccountSetupToken("not-a-token")).toBeNull();
    expect(token.parseAccountSetupToken(`${id}.${expiry}.${signature}.extra`)).toBeNull();
  });

  it("build the link from APP_BASE_URL, never from a request", () => {
    expect(token.accountSetupLink("abc")).toBe("https://msc.example.org/invitations/account/abc");
  });
});
