/**
 * Sign-in against a real database: every try is recorded, success opens a 12-hour session row,
 * and unknown e-mail, wrong password and disabled user all get the same null. No proxy is
 * trusted here (TRUSTED_PROXY_HOPS not set), so X-Forwarded-For is whatever the client wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { buildUser } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let auth: typeof import("@/lib/auth/options");
let mutations: typeof import("@/lib/auth/mutations");

const PASSWORD = "correct horse battery staple";
const active = buildUser({ email: "active@test.example", name: "Active" });
const disabled = buildUser({ email: "disabled@test.example", name: "Disabled", disabledAt: new Date("2026-01-01") });
// Forged: with no trusted proxy the client address is unknown, whatever this says.
const headers = { "x-forwarded-for": "203.0.113.7, 10.0.0.1", "user-agent": "vitest" };

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const passwordHash = await hashPassword(PASSWORD);
  await database.prisma.user.createMany({
    data: [
      { ...active, passwordHash },
      { ...disabled, passwordHash },
    ],
  });
  auth = await import("@/lib/auth/options");
  mutations = await import("@/lib/auth/mutations");
});

afterAll(async () => {
  await database?.close();
});

function attempts(email: string) {
  return database.prisma.signInAttempt.findMany({ where: { email }, orderBy: { createdAt: "asc" } });
}

describe("authorizeCredentials", () => {
  it("signs in with the right password, whatever the e-mail's case, and opens a 12-hour session", async () => {
    const before = Date.now();
    const user = await auth.authorizeCredentials({ email: " Active@Test.Example ", password: PASSWORD }, headers);
    expect(user).toMatchObject({ id: active.id, email: "active@test.example", name: "Active" });

    const session = await database.prisma.userSession.findUniqueOrThrow({ where: { id: user!.sessionId! } });
    expect(session).toMatchObject({ userId: active.id, revokedAt: null, ipAddress: "unknown", userAgent: "vitest" });
    const lifetime = session.expiresAt.getTime() - session.createdAt.getTime();
    expect(lifetime).toBe(12 * 60 * 60 * 1000);
    expect(session.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: active.id } });
    expect(row.lastSignInAt).not.toBeNull();
    expect((await attempts("active@test.example")).map((attempt) => attempt.succeeded)).toEqual([true]);
  });

  it.each([
    ["a wrong password", { email: "active@test.example", password: "wrong" }, "active@test.example"],
    ["an unknown e-mail", { email: "nobody@test.example", password: PASSWORD }, "nobody@test.example"],
    ["a disabled user", { email: "disabled@test.example", password: PASSWORD }, "disabled@test.example"],
    // Not an address (it might be a password typed in the wrong field): counted under "", not stored.
    ["a malformed e-mail", { email: "<script>alert(1)</script>", password: PASSWORD }, ""],
    ["an empty password", { email: "active@test.example", password: "" }, "active@test.example"],
  ])("refuses %s with null, records the attempt and opens no session", async (_label, credentials, recordedEmail) => {
    const sessionsBefore = await database.prisma.userSession.count();
    const failuresBefore = (await attempts(recordedEmail)).filter((attempt) => !attempt.succeeded).length;

    expect(await auth.authorizeCredentials(credentials, headers)).toBeNull();

    expect(await database.prisma.userSession.count()).toBe(sessionsBefore);
    const failures = (await attempts(recordedEmail)).filter((attempt) => !attempt.succeeded);
    expect(failures).toHaveLength(failuresBefore + 1);
    expect(failures.at(-1)?.ipAddress).toBe("unknown");
  });

  it("records an attempt without a usable e-mail too", async () => {
    const before = await database.prisma.signInAttempt.count();
    expect(await auth.authorizeCredentials(undefined, undefined)).toBeNull();
    expect(await database.prisma.signInAttempt.count()).toBe(before + 1);
  });
});

describe("client address with no trusted proxy", () => {
  it.each([
    ["one forged address", "198.51.100.9"],
    ["a forged list", "198.51.100.9, 198.51.100.10"],
    ["what next start writes when the header is absent", "::ffff:127.0.0.1"],
    ["markup", "<script>alert(1)</script>"],
  ])("records unknown, not %s, on the try, its audit event and the session", async (_label, forwarded) => {
    const before = new Date();
    const user = await auth.authorizeCredentials(
      { email: "active@test.example", password: PASSWORD },
      { "x-forwarded-for": forwarded },
    );
    const session = await database.prisma.userSession.findUniqueOrThrow({ where: { id: user!.sessionId! } });
    expect(session.ipAddress).toBe("unknown");
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in", recordId: session.id },
    });
    expect(event.ipAddress).toBe("unknown");
    const tries = await database.prisma.signInAttempt.findMany({ where: { createdAt: { gte: before } } });
    expect(tries.map((attempt) => attempt.ipAddress)).toEqual(["unknown"]);
  });

  it("does not throttle unknown as one address: spraying 31 accounts leaves a 32nd user able to sign in", async () => {
    const passwordHash = await hashPassword(PASSWORD);
    const users = Array.from({ length: 32 }, (_, i) => buildUser({ email: `sprayed-${i}@test.example` }));
    await database.prisma.user.createMany({ data: users.map((user) => ({ ...user, passwordHash })) });
    for (const [i, user] of users.slice(0, 31).entries()) {
      expect(
        await auth.authorizeCredentials(
          { email: user.email, password: "wrong" },
          { "x-forwarded-for": `198.51.100.${i}` },
        ),
      ).toBeNull();
    }
    // Everyone's address is unknown here: a limit on it would be one person locking out all.
    expect(
      await auth.authorizeCredentials(
        { email: users[31]!.email, password: PASSWORD },
        { "x-forwarded-for": "198.51.100.0" },
      ),
    ).not.toBeNull();
    // The per-account rule still holds for each account.
    for (let i = 0; i < 9; i += 1)
      await auth.authorizeCredentials({ email: users[0]!.email, password: "wrong" }, headers);
    await expect(auth.authorizeCredentials({ email: users[0]!.email, password: PASSWORD }, headers)).rejects.toThrow(
      "TOO_MANY_ATTEMPTS",
    );
  });
});

describe("revokeUserSession", () => {
  it("ends the session once and leaves the first revocation time in place", async () => {
    const user = await auth.authorizeCredentials({ email: "active@test.example", password: PASSWORD }, headers);
    const sessionId = user!.sessionId!;
    const first = new Date("2026-02-01T10:00:00Z");
    await mutations.revokeUserSession(sessionId, first);
    await mutations.revokeUserSession(sessionId, new Date("2026-02-01T11:00:00Z"));
    const session = await database.prisma.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.revokedAt?.toISOString()).toBe(first.toISOString());
  });
});
