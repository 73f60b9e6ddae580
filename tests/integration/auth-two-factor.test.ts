/**
 * Two-factor sign-in against a real database: set-up with a code computed by otpauth from the
 * stored secret, replay refused, wrong codes counted as failed tries, the secret sealed at rest,
 * and the installation's requirement for leads, evaluators and admins.
 */
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { open } from "@/lib/crypto";
import { hashPassword } from "@/lib/auth/password";
import { buildMembership, buildUser, createEvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let auth: typeof import("@/lib/auth/options");
let twoFactor: typeof import("@/lib/auth/two-factor-mutations");
let mutations: typeof import("@/lib/auth/mutations");
let current: typeof import("@/lib/auth/current-user");
let data: typeof import("@/lib/auth/data");

const PASSWORD = "correct horse battery staple";
const META = { ipAddress: "203.0.113.9", userAgent: "vitest" };
const headers = { "x-forwarded-for": META.ipAddress, "user-agent": "vitest" };
/** A clock the tests move forward by whole 30-second steps, so codes are predictable. */
let clock = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5_000);
const tick = (steps = 1) => (clock = new Date(clock.getTime() + steps * 30_000));

async function newUser(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = buildUser(overrides);
  await database.prisma.user.create({ data: { ...user, passwordHash: await hashPassword(PASSWORD) } });
  return user;
}

async function plainSecret(userId: string): Promise<string> {
  const row = await database.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
  return open(row.totpSecret!, `user:${userId}:totp`);
}

function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: at.getTime(),
  });
}

async function answer(credentials: Record<string, string>, at = clock) {
  try {
    const user = await auth.authorizeCredentials(credentials, headers, at);
    return user ? { sessionId: user.sessionId! } : { user: null };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Signs in with the password only (no two-factor yet) and returns the session id. */
async function passwordSession(email: string): Promise<string> {
  const result = await answer({ email, password: PASSWORD });
  if (!("sessionId" in result) || typeof result.sessionId !== "string")
    throw new Error(`could not sign in: ${JSON.stringify(result)}`);
  return result.sessionId;
}

/** Sets up two-factor for the user and returns the plain secret. */
async function enrol(user: { id: string; email: string }) {
  const sessionId = await passwordSession(user.email);
  expect(await twoFactor.startTwoFactorSetup(user.id, META)).toEqual({ ok: true });
  const secret = await plainSecret(user.id);
  expect(await twoFactor.confirmTwoFactorSetup(user.id, sessionId, codeAt(secret, clock), META, clock)).toEqual({
    ok: true,
  });
  tick();
  return { secret, sessionId };
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [auth, twoFactor, mutations, current, data] = await Promise.all([
    import("@/lib/auth/options"),
    import("@/lib/auth/two-factor-mutations"),
    import("@/lib/auth/mutations"),
    import("@/lib/auth/current-user"),
    import("@/lib/auth/data"),
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("set-up", () => {
  it("stores a sealed secret that is not in force until a code confirms it", async () => {
    const user = await newUser();
    const sessionId = await passwordSession(user.email);
    const other = await passwordSession(user.email);
    expect(await twoFactor.startTwoFactorSetup(user.id, META)).toEqual({ ok: true });

    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const secret = await plainSecret(user.id);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
    expect(row.totpEnabledAt).toBeNull();
    for (const form of [
      secret,
      secret.toLowerCase(),
      Secret.fromBase32(secret).hex,
      Buffer.from(Secret.fromBase32(secret).bytes).toString("base64"),
    ]) {
      expect(row.totpSecret).not.toContain(form);
    }
    expect(row.totpSecret).toMatch(/^v1\./);
    // Bound to this user: copied to another user's row it does not open.
    expect(() => open(row.totpSecret!, "user:someone-else:totp")).toThrow();

    // Pending only: signing in still needs no code.
    expect(await answer({ email: user.email, password: PASSWORD })).toHaveProperty("sessionId");

    expect(await twoFactor.confirmTwoFactorSetup(user.id, sessionId, codeAt(secret, clock), META, clock)).toEqual({
      ok: true,
    });
    const enabled = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(enabled.totpEnabledAt?.getTime()).toBe(clock.getTime());
    expect(enabled.totpLastUsedStep).toBe(Math.floor(clock.getTime() / 30_000));

    const sessions = await database.prisma.userSession.findMany({ where: { userId: user.id } });
    const mine = sessions.find((session) => session.id === sessionId)!;
    expect(mine).toMatchObject({ revokedAt: null });
    expect(mine.twoFactorVerifiedAt).not.toBeNull();
    // Every other (password-only) session ended.
    expect(sessions.find((session) => session.id === other)!.revokedAt).not.toBeNull();
    expect(sessions.filter((session) => session.id !== sessionId).every((session) => session.revokedAt)).toBe(true);

    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "account.two_factor_enabled", actorId: user.id },
    });
    expect(JSON.stringify(event.after)).not.toContain(secret);
    expect(await twoFactor.startTwoFactorSetup(user.id, META)).toEqual({ ok: false, reason: "ALREADY_ENABLED" });
    tick();
  });

  it("refuses a wrong code, counts it as a failed try, and refuses the same code twice", async () => {
    const user = await newUser();
    const sessionId = await passwordSession(user.email);
    await twoFactor.startTwoFactorSetup(user.id, META);
    const secret = await plainSecret(user.id);
    const wrong = codeAt(secret, new Date(clock.getTime() + 10 * 60_000));

    expect(await twoFactor.confirmTwoFactorSetup(user.id, sessionId, wrong, META, clock)).toEqual({
      ok: false,
      reason: "CODE_INVALID",
    });
    expect(await database.prisma.signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(1);
    expect(
      await database.prisma.auditEvent.count({ where: { action: "account.two_factor_code_failed", actorId: user.id } }),
    ).toBe(1);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();

    const code = codeAt(secret, clock);
    expect(await twoFactor.confirmTwoFactorSetup(user.id, sessionId, code, META, clock)).toEqual({ ok: true });
    // Turned off and on again would need a new set-up; the used code does not turn it off either.
    expect(await twoFactor.disableTwoFactor(user.id, code, META, clock)).toEqual({ ok: false, reason: "CODE_INVALID" });
    tick();
  });

  it("refuses a confirmation without a set-up", async () => {
    const user = await newUser();
    const sessionId = await passwordSession(user.email);
    expect(await twoFactor.confirmTwoFactorSetup(user.id, sessionId, "123456", META, clock)).toEqual({
      ok: false,
      reason: "NO_SETUP",
    });
  });
});

describe("sign-in with a code", () => {
  it("asks for a code only after the right password, then signs in with a fresh code", async () => {
    const user = await newUser();
    const { secret } = await enrol(user);

    expect(await answer({ email: user.email, password: "wrong password" })).toEqual({ user: null });
    expect(await answer({ email: user.email, password: "wrong password", code: codeAt(secret, clock) })).toEqual({
      user: null,
    });
    const failuresBefore = await database.prisma.signInAttempt.count({
      where: { email: user.email, succeeded: false },
    });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ error: "TOTP_REQUIRED" });
    // The right password without a code is not a failure.
    expect(await database.prisma.signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(
      failuresBefore,
    );
    expect(
      await database.prisma.auditEvent.count({ where: { action: "auth.sign_in_code_requested", actorId: user.id } }),
    ).toBe(1);

    const code = codeAt(secret, clock);
    const signedIn = await answer({
      email: user.email,
      password: PASSWORD,
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });
    expect(signedIn).toHaveProperty("sessionId");
    const session = await database.prisma.userSession.findUniqueOrThrow({
      where: { id: (signedIn as { sessionId: string }).sessionId },
    });
    expect(session.twoFactorVerifiedAt?.getTime()).toBe(clock.getTime());
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in", recordId: session.id },
    });
    expect(event.after).toEqual({ twoFactor: true });

    // Replay: the same code, even with the right password and within its 90 seconds, is refused.
    expect(await answer({ email: user.email, password: PASSWORD, code })).toEqual({ error: "TOTP_INVALID" });
    expect(await answer({ email: user.email, password: PASSWORD, code }, new Date(clock.getTime() + 20_000))).toEqual({
      error: "TOTP_INVALID",
    });
    tick();
  });

  it("counts wrong codes as failed tries and locks the account after 10", async () => {
    const user = await newUser();
    const { secret } = await enrol(user);
    const wrong = codeAt(secret, new Date(clock.getTime() + 60 * 60_000));
    for (let i = 0; i < 10; i += 1)
      expect(await answer({ email: user.email, password: PASSWORD, code: wrong })).toEqual({ error: "TOTP_INVALID" });
    expect(await database.prisma.signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(10);
    const reasons = await database.prisma.auditEvent.findMany({
      where: { action: "auth.sign_in_failed" },
      select: { after: true },
    });
    expect(
      reasons
        .filter((event) => (event.after as { email: string }).email === user.email)
        .map((event) => (event.after as { reason: string }).reason),
    ).toEqual(Array(10).fill("TOTP_INVALID"));
    // Locked: the right password and the right code are refused too.
    expect(await answer({ email: user.email, password: PASSWORD, code: codeAt(secret, clock) })).toEqual({
      error: "TOO_MANY_ATTEMPTS",
    });
    tick();
  });

  it("lets only one of two simultaneous sign-ins with the same code through", async () => {
    const user = await newUser();
    const { secret } = await enrol(user);
    const code = codeAt(secret, clock);
    const results = await Promise.all([
      answer({ email: user.email, password: PASSWORD, code }),
      answer({ email: user.email, password: PASSWORD, code }),
    ]);
    expect(results.filter((result) => "sessionId" in result)).toHaveLength(1);
    expect(results.filter((result) => "error" in result && result.error === "TOTP_INVALID")).toHaveLength(1);
    tick();
  });

  it("gives a disabled user with two-factor the generic answer, not a code prompt", async () => {
    const user = await newUser();
    await enrol(user);
    await database.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ user: null });
  });
});

describe("turning it off", () => {
  it("needs a current code", async () => {
    const user = await newUser();
    const { secret } = await enrol(user);
    expect(
      await twoFactor.disableTwoFactor(user.id, "000000" === codeAt(secret, clock) ? "111111" : "000000", META, clock),
    ).toEqual({ ok: false, reason: "CODE_INVALID" });
    expect(await twoFactor.disableTwoFactor(user.id, codeAt(secret, clock), META, clock)).toEqual({ ok: true });
    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(
      await database.prisma.auditEvent.count({ where: { action: "account.two_factor_disabled", actorId: user.id } }),
    ).toBe(1);
    expect(await answer({ email: user.email, password: PASSWORD })).toHaveProperty("sessionId");
    expect(await twoFactor.disableTwoFactor(user.id, "123456", META, clock)).toEqual({
      ok: false,
      reason: "NOT_ENABLED",
    });
    tick();
  });
});

describe("the installation's requirement", () => {
  it("is audited when it changes, and read back", async () => {
    const admin = await newUser({ isAdmin: true });
    expect(await data.getInstallationSettings()).toEqual({ requireTwoFactorForIdentityRoles: false });
    await mutations.setTwoFactorRequirement(admin.id, true, "198.51.100.1");
    await mutations.setTwoFactorRequirement(admin.id, true);
    expect(await data.getInstallationSettings()).toEqual({ requireTwoFactorForIdentityRoles: true });
    const events = await database.prisma.auditEvent.findMany({ where: { action: "settings.two_factor_requirement" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      evaluationId: null,
      actorId: admin.id,
      before: { requireTwoFactorForIdentityRoles: false },
      after: { requireTwoFactorForIdentityRoles: true },
    });
    await mutations.setTwoFactorRequirement(admin.id, false);
  });

  it("holds leads, evaluators and admins without two-factor at set-up, and no one else", async () => {
    const team = await createEvaluationWithTeam(database.prisma);
    const admin = buildUser({ isAdmin: true });
    await database.prisma.user.create({ data: admin });
    // An evaluator who is only a panelist elsewhere is still an evaluator.
    const other = await createEvaluationWithTeam(database.prisma, { roles: ["LEAD"] });
    await database.prisma.evaluationMember.create({
      data: buildMembership({
        evaluationId: other.evaluation.id,
        userId: team.members.evaluator!.id,
        roles: ["PANELIST"],
      }),
    });

    const people = { ...team.members, admin, outsider: team.outsider };
    const sessions = Object.fromEntries(
      await Promise.all(
        Object.entries(people).map(async ([key, person]) => {
          const row = await database.prisma.userSession.create({
            data: { userId: person!.id, expiresAt: new Date(Date.now() + 3_600_000) },
          });
          return [key, row.id] as const;
        }),
      ),
    );
    const held = async () => {
      const flags: Record<string, boolean | null> = {};
      for (const [key, person] of Object.entries(people)) {
        const resolved = await current.resolveCurrentUser({ sessionId: sessions[key], userId: person!.id });
        flags[key] = resolved ? resolved.needsTwoFactorEnrolment : null;
      }
      return flags;
    };

    const allFree = {
      lead: false,
      evaluator: false,
      panelist: false,
      analyst: false,
      reviewer: false,
      admin: false,
      outsider: false,
    };
    expect(await held()).toEqual(allFree);

    const adminActor = await newUser({ isAdmin: true });
    await mutations.setTwoFactorRequirement(adminActor.id, true);
    expect(await held()).toEqual({ ...allFree, lead: true, evaluator: true, admin: true });

    // The lead sets it up: free again, and cannot turn it off while it is required.
    await database.prisma.user.update({
      where: { id: team.members.lead.id },
      data: { passwordHash: await hashPassword(PASSWORD) },
    });
    const { secret } = await enrol(team.members.lead);
    expect(await twoFactor.disableTwoFactor(team.members.lead.id, codeAt(secret, clock), META, clock)).toEqual({
      ok: false,
      reason: "REQUIRED_BY_INSTALLATION",
    });
    // The lead's old session was password-only and has been ended by the set-up.
    expect((await held()).lead).toBeNull();

    await mutations.setTwoFactorRequirement(adminActor.id, false);
    expect(await held()).toEqual({ ...allFree, lead: null });
  });
});
