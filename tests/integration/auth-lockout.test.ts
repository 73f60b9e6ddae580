/**
 * Brute force against a real database: 10 failed tries per e-mail address and 30 per client
 * address (across all e-mail addresses) in 15 minutes, counted in sign_in_attempt (so they hold
 * across app instances); unknown addresses get exactly the same answers; every failure is
 * audited without the password. The app runs behind one trusted proxy here (TRUSTED_PROXY_HOPS=1),
 * which appends the client's address to X-Forwarded-For.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { buildUser } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let auth: typeof import("@/lib/auth/options");
let audit: typeof import("@/lib/audit");

const PASSWORD = "correct horse battery staple";
const WRONG = "Tr0ub4dor&3-wrong";

// Each test tries from an address of its own, so the per-address limit of one test does not
// reach into the next; the addresses come from the benchmarking range 198.18.0.0/15.
let testNumber = 0;
let ownAddress = "";
beforeEach(() => {
  testNumber += 1;
  ownAddress = `198.18.${testNumber >> 8}.${testNumber & 255}`;
});

/** What the proxy passes on: whatever the client sent, then the address the proxy saw. */
const headers = (ip = ownAddress, forged?: string) => ({
  "x-forwarded-for": forged ? `${forged}, ${ip}` : ip,
  "user-agent": "vitest",
});

/** What the browser would learn from one try: the value, or the thrown message (next-auth's `error`). */
async function answer(credentials: unknown, ip?: string, forged?: string) {
  try {
    const user = await auth.authorizeCredentials(credentials, headers(ip, forged));
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

/** `count` accounts, created at once (one hash for all: hashing is the slow part). */
async function newUsers(count: number) {
  const passwordHash = await hashPassword(PASSWORD);
  const users = Array.from({ length: count }, () => buildUser({}));
  await database.prisma.user.createMany({ data: users.map((user) => ({ ...user, passwordHash })) });
  return users;
}

/** The whole row as text (BigInt sequence included), to search it for what must not be there. */
function asText(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

function failures(email: string) {
  return database.prisma.signInAttempt.count({ where: { email, succeeded: false } });
}

/** The reasons of the failure events recorded for one client address, oldest first. */
async function reasonsFrom(ipAddress: string) {
  const events = await database.prisma.auditEvent.findMany({
    where: { action: "auth.sign_in_failed", ipAddress },
    orderBy: { sequence: "asc" },
  });
  return events.map((event) => (event.after as { reason: string }).reason);
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  process.env.TRUSTED_PROXY_HOPS = "1";
  auth = await import("@/lib/auth/options");
  audit = await import("@/lib/audit");
});

afterAll(async () => {
  await database?.close();
});

describe("lockout", () => {
  it("refuses the right password after 10 wrong ones, and records that try too", async () => {
    const user = await newUser();
    for (let i = 0; i < 10; i += 1)
      expect(await answer({ email: user.email, password: WRONG })).toEqual({ user: null });

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
    expect(await answer({ email: user.email, password: PASSWORD }, "192.0.2.99")).toEqual({
      error: "TOO_MANY_ATTEMPTS",
    });
    const ips = await database.prisma.signInAttempt.findMany({
      where: { email: user.email },
      select: { ipAddress: true },
    });
    expect(new Set(ips.map((row) => row.ipAddress)).size).toBe(11);
  });

  it("counts the address whatever its case or surrounding spaces", async () => {
    const user = await newUser();
    for (let i = 0; i < 10; i += 1)
      await answer({ email: ` ${i % 2 ? user.email.toUpperCase() : user.email} `, password: WRONG });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ error: "TOO_MANY_ATTEMPTS" });
  });

  it("forgets failures older than 15 minutes", async () => {
    const user = await newUser();
    const old = new Date(Date.now() - 15 * 60 * 1000 - 5_000);
    await database.prisma.signInAttempt.createMany({
      data: Array.from({ length: 20 }, () => ({
        email: user.email,
        ipAddress: "203.0.113.7",
        succeeded: false,
        createdAt: old,
      })),
    });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ user: "SIGNED_IN" });

    // Ten failures 14 minutes ago still count.
    const recent = new Date(Date.now() - 14 * 60 * 1000);
    await database.prisma.signInAttempt.createMany({
      data: Array.from({ length: 10 }, () => ({
        email: user.email,
        ipAddress: "203.0.113.7",
        succeeded: false,
        createdAt: recent,
      })),
    });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ error: "TOO_MANY_ATTEMPTS" });
  });

  it("checks at most 10 passwords when 30 tries arrive at once", async () => {
    const user = await newUser();
    const answers = await Promise.all(Array.from({ length: 30 }, () => answer({ email: user.email, password: WRONG })));
    expect(answers.filter((a) => a.error === "TOO_MANY_ATTEMPTS").length).toBeGreaterThanOrEqual(20);
    const checked = await database.prisma.auditEvent.findMany({
      where: { action: "auth.sign_in_failed" },
      select: { after: true },
    });
    const forUser = checked
      .map((event) => event.after as { email: string; reason: string })
      .filter((after) => after.email === user.email);
    expect(forUser).toHaveLength(30);
    expect(forUser.filter((after) => after.reason === "INVALID_CREDENTIALS").length).toBeLessThanOrEqual(10);
  });
});

describe("per-address limit (password spraying)", () => {
  it("refuses the 31st try from one address across 31 accounts, even with the right password, and nobody else", async () => {
    const users = await newUsers(31);
    // One wrong password on each of 30 accounts: no account is near its own limit.
    for (const user of users.slice(0, 30))
      expect(await answer({ email: user.email, password: WRONG })).toEqual({ user: null });

    const last = users[30]!;
    expect(await answer({ email: last.email, password: PASSWORD })).toEqual({ error: "TOO_MANY_ATTEMPTS" });
    expect(await database.prisma.userSession.count({ where: { userId: last.id } })).toBe(0);
    // The same answer for an e-mail address with no account: the refusal says nothing about accounts.
    expect(await answer({ email: `nobody-${last.id}@test.example`, password: WRONG })).toEqual({
      error: "TOO_MANY_ATTEMPTS",
    });
    expect(await reasonsFrom(ownAddress)).toEqual([
      ...Array(30).fill("INVALID_CREDENTIALS"),
      "ADDRESS_THROTTLED",
      "ADDRESS_THROTTLED",
    ]);
    for (const user of users) expect(await failures(user.email), user.email).toBe(1);

    // Other addresses are not affected: the same accounts sign in from elsewhere.
    expect(await answer({ email: last.email, password: PASSWORD }, "192.0.2.31")).toEqual({ user: "SIGNED_IN" });
    expect(await answer({ email: users[0]!.email, password: PASSWORD }, "192.0.2.32")).toEqual({ user: "SIGNED_IN" });
  });

  it("audits the refusal like a lockout: address, e-mail and reason, never the password", async () => {
    const users = await newUsers(31);
    for (const user of users.slice(0, 30)) await answer({ email: user.email, password: WRONG });
    await answer({ email: users[30]!.email, password: PASSWORD });
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in_failed", ipAddress: ownAddress },
      orderBy: { sequence: "desc" },
    });
    expect(event).toMatchObject({ evaluationId: null, actorId: null, recordType: "SignInAttempt" });
    expect(event.after).toEqual({ email: users[30]!.email, reason: "ADDRESS_THROTTLED" });
    expect(asText(event)).not.toContain(PASSWORD);
    const attempt = await database.prisma.signInAttempt.findUniqueOrThrow({ where: { id: event.recordId! } });
    expect(attempt).toMatchObject({ email: users[30]!.email, ipAddress: ownAddress, succeeded: false });
  });

  it("counts malformed tries and wrong passwords alike, and keeps counting while throttled", async () => {
    const user = await newUser();
    for (let i = 0; i < 15; i += 1) await answer({ email: `not-an-address-${i}`, password: "x" });
    for (let i = 0; i < 15; i += 1) await answer({ email: `nobody-${i}-${user.id}@test.example`, password: WRONG });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ error: "TOO_MANY_ATTEMPTS" });
    expect(await database.prisma.signInAttempt.count({ where: { ipAddress: ownAddress, succeeded: false } })).toBe(31);
  });

  it("cannot be escaped by forging X-Forwarded-For: only the entry the proxy wrote counts", async () => {
    const users = await newUsers(31);
    for (const [i, user] of users.slice(0, 30).entries()) {
      // A new forged client address each time, even one that looks like another proxy's list.
      await answer({ email: user.email, password: WRONG }, ownAddress, `203.0.113.${i}, 10.0.0.${i}`);
    }
    expect(await answer({ email: users[30]!.email, password: PASSWORD }, ownAddress, "192.0.2.200")).toEqual({
      error: "TOO_MANY_ATTEMPTS",
    });
    const recorded = await database.prisma.signInAttempt.findMany({
      where: { email: { in: users.map((user) => user.email) } },
      select: { ipAddress: true },
    });
    expect(new Set(recorded.map((row) => row.ipAddress))).toEqual(new Set([ownAddress]));
  });

  it("cannot pin a throttle on someone else's address by forging it", async () => {
    const users = await newUsers(31);
    const victim = "192.0.2.77";
    for (const user of users.slice(0, 30)) await answer({ email: user.email, password: WRONG }, ownAddress, victim);
    expect(await answer({ email: users[30]!.email, password: PASSWORD }, victim)).toEqual({ user: "SIGNED_IN" });
  });

  it("counts one address however the proxy spells it", async () => {
    const users = await newUsers(31);
    const spellings = ["2001:db8::7", "2001:DB8:0:0:0:0:0:7", "[2001:db8::7]:443"];
    for (const [i, user] of users.slice(0, 30).entries())
      await answer({ email: user.email, password: WRONG }, spellings[i % 3]);
    expect(await answer({ email: users[30]!.email, password: PASSWORD }, "2001:db8:0::7")).toEqual({
      error: "TOO_MANY_ATTEMPTS",
    });
  });

  it("forgets failures older than 15 minutes", async () => {
    const user = await newUser();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60 * 1000 - 5_000);
    const rows = (createdAt: Date) =>
      Array.from({ length: 30 }, (_, i) => ({
        email: `sprayed-${i}@test.example`,
        ipAddress: ownAddress,
        succeeded: false,
        createdAt,
      }));
    await database.prisma.signInAttempt.createMany({ data: rows(at(15)) });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ user: "SIGNED_IN" });
    // Thirty failures 14 minutes ago still count; the success above does not undo any of them.
    await database.prisma.signInAttempt.createMany({ data: rows(at(14)) });
    expect(await answer({ email: user.email, password: PASSWORD })).toEqual({ error: "TOO_MANY_ATTEMPTS" });
  });

  it("checks at most 30 passwords when 60 tries on 60 accounts arrive at once from one address", async () => {
    const emails = Array.from({ length: 60 }, (_, i) => `burst-${i}-${testNumber}@test.example`);
    const answers = await Promise.all(emails.map((email) => answer({ email, password: WRONG })));
    const reasons = await reasonsFrom(ownAddress);
    expect(reasons).toHaveLength(60);
    // Every try is written before any is counted, so a burst may well be refused as a whole.
    const checked = reasons.filter((reason) => reason === "INVALID_CREDENTIALS").length;
    expect(checked).toBeLessThanOrEqual(30);
    expect(reasons.filter((reason) => reason === "ADDRESS_THROTTLED")).toHaveLength(60 - checked);
    expect(answers.filter((a) => a.error === "TOO_MANY_ATTEMPTS")).toHaveLength(60 - checked);
    // And once the burst is over, the address stays throttled.
    expect(await answer({ email: emails[0]!, password: WRONG })).toEqual({ error: "TOO_MANY_ATTEMPTS" });
  });

  it("lets no more than the last 5 through when 20 tries arrive at once after 25 failures", async () => {
    const users = await newUsers(45);
    for (const user of users.slice(0, 25)) await answer({ email: user.email, password: WRONG });
    // Right passwords, so each try that is checked opens a session: a count that cannot hide.
    const answers = await Promise.all(users.slice(25).map((user) => answer({ email: user.email, password: PASSWORD })));
    const signedIn = answers.filter((a) => a.user === "SIGNED_IN").length;
    expect(signedIn).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.error === "TOO_MANY_ATTEMPTS")).toHaveLength(20 - signedIn);
    expect(await database.prisma.userSession.count({ where: { userId: { in: users.map((user) => user.id) } } })).toBe(
      signedIn,
    );
  });

  it("leaves the per-account rule as it was: 10 failures from 10 addresses lock the account, not the addresses", async () => {
    const [target, other] = await newUsers(2);
    for (let i = 0; i < 10; i += 1) await answer({ email: target!.email, password: WRONG }, `198.51.100.${60 + i}`);
    expect(await answer({ email: target!.email, password: PASSWORD }, "198.51.100.70")).toEqual({
      error: "TOO_MANY_ATTEMPTS",
    });
    expect(await reasonsFrom("198.51.100.70")).toEqual(["LOCKED_OUT"]);
    expect(await answer({ email: other!.email, password: PASSWORD }, "198.51.100.60")).toEqual({ user: "SIGNED_IN" });
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
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in_failed", ipAddress: "198.51.100.201" },
    });
    expect(event.after).toEqual({ email: null, reason: "MALFORMED" });
    expect(asText(event)).not.toContain(typed);
    expect(await database.prisma.signInAttempt.count({ where: { email: { contains: typed } } })).toBe(0);
  });

  it("records a lockout and a success as such", async () => {
    const user = await newUser();
    expect(await answer({ email: user.email, password: PASSWORD }, "198.51.100.202")).toEqual({ user: "SIGNED_IN" });
    const signIn = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in", actorId: user.id },
    });
    expect(signIn).toMatchObject({ evaluationId: null, recordType: "UserSession", ipAddress: "198.51.100.202" });

    for (let i = 0; i < 11; i += 1) await answer({ email: user.email, password: WRONG }, "198.51.100.203");
    const reasons = (
      await database.prisma.auditEvent.findMany({
        where: { action: "auth.sign_in_failed", ipAddress: "198.51.100.203" },
        orderBy: { sequence: "asc" },
      })
    ).map((event) => (event.after as { reason: string }).reason);
    expect(reasons).toEqual([...Array(10).fill("INVALID_CREDENTIALS"), "LOCKED_OUT"]);
  });

  it("keeps the installation's hash chain intact through all of it", async () => {
    expect(await audit.verifyAuditChain(database.prisma, null)).toMatchObject({ ok: true });
  });
});
