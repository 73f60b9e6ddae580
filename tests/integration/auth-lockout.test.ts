/**
 * Brute force against a real database: 10 failed tries per e-mail address in 15 minutes, counted
 * in sign_in_attempt (so it holds across app instances), whatever the IP; unknown addresses get
 * exactly the same answers; every failure is audited without the password.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { buildUser } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let auth: typeof import("@/lib/auth/options");
let audit: typeof import("@/lib/audit");

const PASSWORD = "correct horse battery staple";
const WRONG = "Tr0ub4dor&3-wrong";
const headers = (ip = "203.0.113.7") => ({ "x-forwarded-for": ip, "user-agent": "vitest" });

/** What the browser would learn from one try: the value, or the thrown message (next-auth's `error`). */
async function answer(credentials: unknown, ip?: string) {
  try {
    const user = await auth.authorizeCredentials(credentials, headers(ip));
    return { user: user ? "SIGNED_IN" : null };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function newUser(email?: string) {
  const user = buildUser(email ? { email } : {});
  await database.prisma.user.create({ data: { ...user, passwordHash: await hashPassword(PASSWORD) } });
  return user;
}

/** The whole row as text (BigInt sequence included), to search it for what must not be there. */
function asText(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

function failures(email: string) {
  return database.prisma.signInAttempt.count({ where: { email, succeeded: false } });
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  auth = await import("@/lib/auth/options");
  audit = await import("@/lib/audit");
});

afterAll(async () => {
  await database?.close();
});

describe("lockout", () => {
  it("refuses the right password after 10 wrong ones, and records that try too", async () => {
    const user = await newUser();
    for (let i = 0; i < 10; i += 1) expect(await answer({ email: user.email, password: WRONG })).toEqual({ user: null });

    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ error: "TOO_MANY_ATTEMPTS" });
    expect(await failures(user.email)).toBe(11);
    expect(await database.prisma.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets the 10th failure be checked and locks from the 11th try on", async () => {
    const user = await newUser();
    for (let i = 0; i < 9; i += 1) await answer({ email: user.email, password: WRONG });
    // Nine failures: the right password still works.
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ user: "SIGNED_IN" });
    await answer({ email: user.email, password: WRONG }); // the 10th failure
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ error: "TOO_MANY_ATTEMPTS" });
  });

  it("gives an unknown e-mail address exactly the same answers as a known one", async () => {
    const known = await newUser();
    const unknown = `nobody-${known.id}@test.example`;
    const sequence = async (email: string) => {
      const answers = [];
      for (let i = 0; i < 10; i += 1) answers.push(await answer({ email, password: WRONG }));
      answers.push(await answer({ email, password: PASSWORD }));
      answers.push(await answer({ email, password: WRONG }));
      return answers;
    };
    const knownAnswers = await sequence(known.email);
    const unknownAnswers = await sequence(unknown);
    expect(unknownAnswers).toEqual(knownAnswers);
    expect(knownAnswers.slice(0, 10)).toEqual(Array(10).fill({ user: null }));
    expect(knownAnswers.slice(10)).toEqual([{ error: "TOO_MANY_ATTEMPTS" }, { error: "TOO_MANY_ATTEMPTS" }]);
    expect(await failures(unknown)).toBe(12);
  });

  it("counts tries from 10 different IP addresses against the one account", async () => {
    const user = await newUser();
    for (let i = 0; i < 10; i += 1) await answer({ email: user.email, password: WRONG }, `198.51.100.${i + 1}`);
    expect(await answer({ email: user.email, password: PASSWORD }, "192.0.2.99")).toEqual({ error: "TOO_MANY_ATTEMPTS" });
    const ips = await database.prisma.signInAttempt.findMany({ where: { email: user.email }, select: { ipAddress: true } });
    expect(new Set(ips.map((row) => row.ipAddress)).size).toBe(11);
  });

  it("counts the address whatever its case or surrounding spaces", async () => {
    const user = await newUser();
    for (let i = 0; i < 10; i += 1) await answer({ email: ` ${i % 2 ? user.email.toUpperCase() : user.email} `, password: WRONG });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ error: "TOO_MANY_ATTEMPTS" });
  });

  it("forgets failures older than 15 minutes", async () => {
    const user = await newUser();
    const old = new Date(Date.now() - 15 * 60 * 1000 - 5_000);
    await database.prisma.signInAttempt.createMany({
      data: Array.from({ length: 20 }, () => ({ email: user.email, ipAddress: "203.0.113.7", succeeded: false, createdAt: old })),
    });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ user: "SIGNED_IN" });

    // Ten failures 14 minutes ago still count.
    const recent = new Date(Date.now() - 14 * 60 * 1000);
    await database.prisma.signInAttempt.createMany({
      data: Array.from({ length: 10 }, () => ({ email: user.email, ipAddress: "203.0.113.7", succeeded: false, createdAt: recent })),
    });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ error: "TOO_MANY_ATTEMPTS" });
  });

  it("checks at most 10 passwords when 30 tries arrive at once", async () => {
    const user = await newUser();
    const answers = await Promise.all(Array.from({ length: 30 }, () => answer({ email: user.email, password: WRONG })));
    expect(answers.filter((a) => a.error === "TOO_MANY_ATTEMPTS").length).toBeGreaterThanOrEqual(20);
    const checked = await database.prisma.auditEvent.findMany({ where: { action: "auth.sign_in_failed" }, select: { after: true } });
    const forUser = checked.map((event) => event.after as { email: string; reason: string }).filter((after) => after.email === user.email);
    expect(forUser).toHaveLength(30);
    expect(forUser.filter((after) => after.reason === "INVALID_CREDENTIALS").length).toBeLessThanOrEqual(10);
  });
});

describe("audit events", () => {
  it("records each failure with the lower-cased e-mail and never the password", async () => {
    const user = await newUser();
    const secretPassword = "hunter2-do-not-store-me";
    await answer({ email: user.email.toUpperCase(), password: secretPassword }, "198.51.100.200");
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in_failed", ipAddress: "198.51.100.200" },
      orderBy: { createdAt: "desc" },
    });
    expect(event).toMatchObject({ evaluationId: null, actorId: null, recordType: "SignInAttempt" });
    expect(event.after).toEqual({ email: user.email, reason: "INVALID_CREDENTIALS" });
    expect(asText(event)).not.toContain(secretPassword);
    const attempt = await database.prisma.signInAttempt.findUniqueOrThrow({ where: { id: event.recordId! } });
    expect(attempt).toMatchObject({ email: user.email, succeeded: false });
  });

  it("records a malformed address without what was typed in it", async () => {
    const typed = "my-password-in-the-wrong-field";
    await answer({ email: typed, password: "x" }, "198.51.100.201");
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", ipAddress: "198.51.100.201" } });
    expect(event.after).toEqual({ email: null, reason: "MALFORMED" });
    expect(asText(event)).not.toContain(typed);
    expect(await database.prisma.signInAttempt.count({ where: { email: { contains: typed } } })).toBe(0);
  });

  it("records a lockout and a success as such", async () => {
    const user = await newUser();
    expect(await answer({ email: user.email, password: PASSWORD }, "198.51.100.202")).toEqual({ user: "SIGNED_IN" });
    const signIn = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in", actorId: user.id } });
    expect(signIn).toMatchObject({ evaluationId: null, recordType: "UserSession", ipAddress: "198.51.100.202" });

    for (let i = 0; i < 11; i += 1) await answer({ email: user.email, password: WRONG }, "198.51.100.203");
    const reasons = (await database.prisma.auditEvent.findMany({ where: { action: "auth.sign_in_failed", ipAddress: "198.51.100.203" }, orderBy: { sequence: "asc" } }))
      .map((event) => (event.after as { reason: string }).reason);
    expect(reasons).toEqual([...Array(10).fill("INVALID_CREDENTIALS"), "LOCKED_OUT"]);
  });

  it("keeps the installation's hash chain intact through all of it", async () => {
    expect(await audit.verifyAuditChain(database.prisma, null)).toMatchObject({ ok: true });
  });
});
