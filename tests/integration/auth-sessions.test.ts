/**
 * Server-side sessions against a real database: the cookie only names a session row, and the row
 * decides. Revoked (sign-out, disabling, role change), disabled user, idle for 30 minutes, older
 * than 12 hours, or issued to another user → signed out on the very next request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { buildUser } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let auth: typeof import("@/lib/auth/options");
let mutations: typeof import("@/lib/auth/mutations");
let current: typeof import("@/lib/auth/current-user");
let policy: typeof import("@/lib/auth/policy");

const PASSWORD = "correct horse battery staple";
const headers = { "x-forwarded-for": "203.0.113.8", "user-agent": "vitest" };
const minutes = (n: number) => n * 60_000;

async function signedInUser() {
  const user = buildUser();
  await database.prisma.user.create({ data: { ...user, passwordHash: await hashPassword(PASSWORD) } });
  const result = await auth.authorizeCredentials({ email: user.email, password: PASSWORD }, headers);
  return { user, sessionId: result!.sessionId! };
}

function resolve(sessionId: unknown, userId: unknown, now?: Date) {
  return current.resolveCurrentUser({ sessionId, userId }, now);
}

function sessionRow(id: string) {
  return database.prisma.userSession.findUniqueOrThrow({ where: { id } });
}

/** The verdict of the pure rule on the row as it is now in the database. */
async function verdict(sessionId: string, now = new Date()) {
  const row = await database.prisma.userSession.findUniqueOrThrow({
    where: { id: sessionId },
    include: { user: true },
  });
  return policy.sessionVerdict(
    { ...row, userDisabledAt: row.user.disabledAt, userTwoFactorEnabledAt: row.user.totpEnabledAt },
    now,
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [auth, mutations, current, policy] = await Promise.all([
    import("@/lib/auth/options"),
    import("@/lib/auth/mutations"),
    import("@/lib/auth/current-user"),
    import("@/lib/auth/policy"),
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("a fresh session", () => {
  it("is accepted for the user it was issued to, with a new identifier at every sign-in", async () => {
    const { user, sessionId } = await signedInUser();
    const again = await auth.authorizeCredentials({ email: user.email, password: PASSWORD }, headers);
    expect(again!.sessionId).not.toBe(sessionId);
    expect(await resolve(sessionId, user.id)).toMatchObject({
      id: user.id,
      email: user.email,
      sessionId,
      needsTwoFactorEnrolment: false,
    });
    expect(await verdict(sessionId)).toBe("ACTIVE");
  });

  it("is refused under another user's id, and without a usable id", async () => {
    const { user, sessionId } = await signedInUser();
    const other = await signedInUser();
    expect(await resolve(sessionId, other.user.id)).toBeNull();
    for (const bad of [undefined, null, "", "x".repeat(65), 42, { not: null }])
      expect(await resolve(bad, user.id), String(bad)).toBeNull();
    expect(await resolve(sessionId, undefined)).toBeNull();
    expect(await resolve("no-such-session", user.id)).toBeNull();
  });
});

describe("revocation", () => {
  it("ends a signed-out session on the next request, and audits the sign-out once", async () => {
    const { user, sessionId } = await signedInUser();
    await mutations.revokeUserSession(sessionId);
    await mutations.revokeUserSession(sessionId);
    expect(await verdict(sessionId)).toBe("REVOKED");
    expect(await resolve(sessionId, user.id)).toBeNull();
    const events = await database.prisma.auditEvent.findMany({
      where: { action: "auth.sign_out", recordId: sessionId },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ evaluationId: null, actorId: user.id, recordType: "UserSession" });
  });

  it("ends every session of a user inside the caller's transaction, and no one else's", async () => {
    const { user, sessionId } = await signedInUser();
    const second = await auth.authorizeCredentials({ email: user.email, password: PASSWORD }, headers);
    const bystander = await signedInUser();

    const ended = await database.prisma.$transaction((tx) => mutations.revokeAllSessionsOfUser(tx, user.id));
    expect(ended).toBe(2);
    expect(await resolve(sessionId, user.id)).toBeNull();
    expect(await resolve(second!.sessionId, user.id)).toBeNull();
    expect(await resolve(bystander.sessionId, bystander.user.id)).not.toBeNull();
  });

  it("leaves nothing revoked when the caller's transaction fails", async () => {
    const { user, sessionId } = await signedInUser();
    await expect(
      database.prisma.$transaction(async (tx) => {
        await mutations.revokeAllSessionsOfUser(tx, user.id);
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow();
    expect(await resolve(sessionId, user.id)).not.toBeNull();
  });

  it("refuses to run without a user id (it would otherwise match every session)", async () => {
    const { user, sessionId } = await signedInUser();
    for (const bad of [undefined, ""]) {
      await expect(
        database.prisma.$transaction((tx) => mutations.revokeAllSessionsOfUser(tx, bad as unknown as string)),
      ).rejects.toThrow();
    }
    expect(await resolve(sessionId, user.id)).not.toBeNull();
  });

  it("signs out a user who is disabled, on their next request", async () => {
    const { user, sessionId } = await signedInUser();
    await database.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await verdict(sessionId)).toBe("USER_DISABLED");
    expect(await resolve(sessionId, user.id)).toBeNull();
  });

  it("refuses a password-only session once the user has two-factor on", async () => {
    const { user, sessionId } = await signedInUser();
    await database.prisma.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    expect(await verdict(sessionId)).toBe("SECOND_FACTOR_MISSING");
    expect(await resolve(sessionId, user.id)).toBeNull();
    await database.prisma.userSession.update({ where: { id: sessionId }, data: { twoFactorVerifiedAt: new Date() } });
    expect(await resolve(sessionId, user.id)).not.toBeNull();
  });
});

describe("timeouts", () => {
  it("signs out after 30 minutes without a request, and keeps a session used 29 minutes ago (touching it)", async () => {
    const { user, sessionId } = await signedInUser();
    await database.prisma.userSession.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(Date.now() - minutes(29)) },
    });
    const before = Date.now();
    expect(await resolve(sessionId, user.id)).not.toBeNull();
    expect((await sessionRow(sessionId)).lastSeenAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    await database.prisma.userSession.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(Date.now() - minutes(31)) },
    });
    expect(await verdict(sessionId)).toBe("IDLE");
    expect(await resolve(sessionId, user.id)).toBeNull();
    // An idle session is not revived by being asked again.
    expect(await resolve(sessionId, user.id)).toBeNull();
  });

  it("signs out 12 hours after sign-in, however active the session was", async () => {
    const { user, sessionId } = await signedInUser();
    const row = await sessionRow(sessionId);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 60 * 60_000);

    // Moving the clock: used a minute ago, but signed in 12 hours and a second ago.
    await database.prisma.userSession.update({
      where: { id: sessionId },
      data: {
        createdAt: new Date(Date.now() - minutes(12 * 60) - 1000),
        expiresAt: new Date(Date.now() - 1000),
        lastSeenAt: new Date(Date.now() - minutes(1)),
      },
    });
    expect(await verdict(sessionId)).toBe("EXPIRED");
    expect(await resolve(sessionId, user.id)).toBeNull();
  });

  it("takes `now` into account (the same row, asked at different times)", async () => {
    const { user, sessionId } = await signedInUser();
    const row = await sessionRow(sessionId);
    expect(await resolve(sessionId, user.id, new Date(row.lastSeenAt.getTime() + minutes(30) + 1))).toBeNull();
    expect(await resolve(sessionId, user.id, new Date(row.expiresAt.getTime()))).toBeNull();
  });
});

describe("next-auth settings", () => {
  it("uses JWT cookies that expire with the session row and carry only the session id", async () => {
    const options = auth.getAuthOptions();
    expect(options.session).toMatchObject({ strategy: "jwt", maxAge: 12 * 60 * 60 });
    // No cookie overrides: next-auth's defaults are HttpOnly, SameSite=Lax, and Secure with
    // a __Secure- name whenever NEXTAUTH_URL is https (tests/e2e/auth.spec.ts checks the header).
    expect(options.cookies).toBeUndefined();
    expect(options.useSecureCookies).toBeUndefined();
    const token = await options.callbacks!.jwt!({
      token: { sub: "ignored", name: "N", email: "e@x.example" },
      user: { id: "user-1", sessionId: "session-1", name: "N", email: "e@x.example" },
      account: null,
    } as never);
    expect(token).toMatchObject({ sub: "user-1", sid: "session-1" });
  });
});
