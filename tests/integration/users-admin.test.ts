/**
 * User administration against a real database: creating a user (no password, a one-time set-up
 * link), duplicate and hostile input, disabling (sessions revoked in the same transaction, and
 * the next request is refused), enabling, set-up links used once, and the paginated list.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildUser, inDays } from "@/tests/factories";
import { shownLink } from "@/tests/support/shown-link";
import { pointAppAt } from "@/tests/support/app-env";
import { actingUser, signInAs, signOut } from "@/tests/support/session";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let mutations: typeof import("@/lib/users/mutations");
let actions: typeof import("@/lib/users/actions");
let data: typeof import("@/lib/users/data");
let auth: typeof import("@/lib/auth/options");
let currentUser: typeof import("@/lib/auth/current-user");
let passwords: typeof import("@/lib/auth/password");

const admin = buildUser({ name: "Admin Alvarez", email: "admin@users.test", isAdmin: true });
const asAdmin = actingUser(admin);
const headers = { "x-forwarded-for": "198.51.100.4", "user-agent": "vitest" };

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url, "https://msc.example.org");
  await database.prisma.user.create({ data: admin });
  mutations = await import("@/lib/users/mutations");
  actions = await import("@/lib/users/actions");
  data = await import("@/lib/users/data");
  auth = await import("@/lib/auth/options");
  currentUser = await import("@/lib/auth/current-user");
  passwords = await import("@/lib/auth/password");
});

afterAll(async () => {
  await database?.close();
});

function events(action: string, recordId?: string) {
  return database.prisma.auditEvent.findMany({
    where: { action, ...(recordId ? { recordId } : {}) },
    orderBy: { sequence: "asc" },
  });
}

function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item));
}

function tokenOf(link: string): string {
  const match = /^https:\/\/msc\.example\.org\/invitations\/account\/([^/?#]+)$/.exec(link);
  if (!match) throw new Error(`unexpected link ${link}`);
  return match[1]!;
}

describe("createUser", () => {
  it("creates a user without a password, audits it, and hands back a link built from APP_BASE_URL", async () => {
    signInAs(asAdmin);
    const result = await actions.createUser({
      name: "  Nora Núñez ",
      email: "Nora@Example.ORG",
      locale: "EN",
      isAdmin: false,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: result.data.userId } });
    expect(row).toMatchObject({
      name: "Nora Núñez",
      email: "nora@example.org",
      locale: "EN",
      isAdmin: false,
      passwordHash: null,
      disabledAt: null,
    });
    const token = tokenOf(shownLink(result.data.delivery));

    const [event] = await events("user.create", row.id);
    expect(event).toMatchObject({ evaluationId: null, actorId: admin.id, recordType: "User", before: null });
    expect(event!.after).toEqual({ name: "Nora Núñez", email: "nora@example.org", locale: "EN", isAdmin: false });
    // The link is never stored, not even in the audit trail.
    expect(stringify(event)).not.toContain(token.split(".")[2]);
  });

  it("refuses a second account with the same e-mail, whatever its case, and writes nothing", async () => {
    signInAs(asAdmin);
    const before = await database.prisma.user.count();
    const result = await actions.createUser({ name: "Other", email: "NORA@example.org", locale: "ES", isAdmin: false });
    expect(result).toEqual({ ok: false, error: "REJECTED", reason: "EMAIL_TAKEN", field: "email" });
    expect(await database.prisma.user.count()).toBe(before);
  });

  it("keeps two simultaneous creations of one address to a single account", async () => {
    const input = { name: "Twin", email: "twin@example.org", locale: "ES" as const, isAdmin: false };
    const outcomes = await Promise.all([mutations.createUser(admin.id, input), mutations.createUser(admin.id, input)]);
    expect(outcomes.filter((outcome) => "userId" in outcome)).toHaveLength(1);
    expect(outcomes.filter((outcome) => "rejected" in outcome)).toEqual([{ rejected: "EMAIL_TAKEN", field: "email" }]);
    expect(await database.prisma.user.count({ where: { email: "twin@example.org" } })).toBe(1);
  });

  it.each([
    ["a script tag", "<script>alert('x')</script>"],
    ["SQL", "Robert'); DROP TABLE app_user;--"],
    ["a formula", '=HYPERLINK("https://evil.example","click")'],
  ])("stores %s in a name literally", async (_label, name) => {
    const outcome = await mutations.createUser(admin.id, {
      name,
      email: `literal-${name.length}@example.org`,
      locale: "ES",
      isAdmin: false,
    });
    expect("userId" in outcome).toBe(true);
    if (!("userId" in outcome)) return;
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: outcome.userId } })).name).toBe(name);
  });

  it.each([
    ["a right-to-left override", { name: "Admin\u202Enimda" }, "name", "validation.controlCharacters"],
    ["an over-long name", { name: "n".repeat(500) }, "name", "validation.nameTooLong"],
    ["a script as e-mail", { email: "<script>@x" }, "email", "validation.emailInvalid"],
    ["an operator object as e-mail", { email: { contains: "" } }, "email", "validation.emailInvalid"],
  ])("refuses %s with a field error and writes nothing", async (_label, change, field, key) => {
    signInAs(asAdmin);
    const before = await database.prisma.user.count();
    const result = await actions.createUser({
      name: "Valid Name",
      email: "valid@example.org",
      locale: "ES",
      isAdmin: false,
      ...change,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error === "INVALID" ? result.fieldErrors[field] : null).toEqual([key]);
    expect(await database.prisma.user.count()).toBe(before);
  });

  it("ignores extra fields such as a password hash (mass assignment)", async () => {
    signInAs(asAdmin);
    const result = await actions.createUser({
      name: "Mass Assign",
      email: "mass@example.org",
      locale: "ES",
      isAdmin: false,
      passwordHash: "$argon2id$chosen-by-the-attacker",
      disabledAt: null,
      id: "chosen-id",
    });
    expect(result.ok).toBe(true);
    const row = await database.prisma.user.findUniqueOrThrow({ where: { email: "mass@example.org" } });
    expect(row.passwordHash).toBeNull();
    expect(row.id).not.toBe("chosen-id");
  });
});

describe("account set-up links", () => {
  it("let the new user choose a password once; the link then dies and sign-in works", async () => {
    signInAs(asAdmin);
    const created = await actions.createUser({
      name: "Setup Person",
      email: "setup@example.org",
      locale: "ES",
      isAdmin: false,
    });
    if (!created.ok) throw new Error("not created");
    const token = tokenOf(shownLink(created.data.delivery));
    signOut();

    const done = await actions.completeAccountSetup({
      token,
      name: "Setup Person Renamed",
      password: "a long enough password",
      passwordConfirmation: "a long enough password",
    });
    expect(done).toEqual({ ok: true, data: { email: "setup@example.org" } });
    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: created.data.userId } });
    expect(row.name).toBe("Setup Person Renamed");
    expect(await passwords.verifyPassword(row.passwordHash!, "a long enough password")).toBe(true);

    const [event] = await events("user.setup", row.id);
    expect(event).toMatchObject({
      actorId: row.id,
      before: { name: "Setup Person", passwordSet: false },
      after: { name: "Setup Person Renamed", passwordSet: true },
    });
    expect(stringify(event)).not.toContain("argon2");

    const again = await actions.completeAccountSetup({
      token,
      name: "Attacker",
      password: "another long password",
      passwordConfirmation: "another long password",
    });
    expect(again).toEqual({ ok: false, error: "REJECTED", reason: "LINK_INVALID", field: undefined });
    expect(
      await passwords.verifyPassword(
        (await database.prisma.user.findUniqueOrThrow({ where: { id: row.id } })).passwordHash!,
        "a long enough password",
      ),
    ).toBe(true);

    const signedIn = await auth.authorizeCredentials(
      { email: "setup@example.org", password: "a long enough password" },
      headers,
    );
    expect(signedIn).toMatchObject({ id: row.id });
  });

  it("are replaced by a new link: the old one stops working", async () => {
    const created = await mutations.createUser(admin.id, {
      name: "Relinked",
      email: "relinked@example.org",
      locale: "ES",
      isAdmin: false,
    });
    if (!("userId" in created)) throw new Error("not created");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reissued = await mutations.issueAccountSetupLink(admin.id, created.userId);
    if (!("setupToken" in reissued)) throw new Error("not reissued");
    const input = { name: "Relinked", password: "a long enough password" };
    expect(await mutations.completeAccountSetup({ ...input, token: created.setupToken })).toEqual({
      rejected: "LINK_INVALID",
    });
    expect(await mutations.completeAccountSetup({ ...input, token: reissued.setupToken })).toMatchObject({
      userId: created.userId,
    });
    expect(await mutations.issueAccountSetupLink(admin.id, created.userId)).toEqual({
      rejected: "ACCOUNT_ALREADY_SET_UP",
    });
    expect(await events("user.setup_link", created.userId)).toHaveLength(1);
  });

  it("expire after 7 days and die when the user is disabled", async () => {
    const created = await mutations.createUser(admin.id, {
      name: "Late",
      email: "late@example.org",
      locale: "ES",
      isAdmin: false,
    });
    if (!("userId" in created)) throw new Error("not created");
    const input = { token: created.setupToken, name: "Late", password: "a long enough password" };
    const eightDaysLater = inDays(8);
    expect(await mutations.completeAccountSetup(input, {}, eightDaysLater)).toEqual({ rejected: "LINK_INVALID" });

    await mutations.disableUser(admin.id, created.userId);
    expect(await mutations.completeAccountSetup(input)).toEqual({ rejected: "LINK_INVALID" });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: created.userId } })).passwordHash).toBeNull();
  });
});

describe("disableUser and enableUser", () => {
  async function userWithSessions(email: string) {
    const user = buildUser({
      email,
      name: `Holder of ${email}`,
      passwordHash: await passwords.hashPassword("a long enough password"),
    });
    await database.prisma.user.create({ data: user });
    const first = await auth.authorizeCredentials({ email, password: "a long enough password" }, headers);
    const second = await auth.authorizeCredentials({ email, password: "a long enough password" }, headers);
    return { user, sessionIds: [first!.sessionId!, second!.sessionId!] };
  }

  it("disables the user, revokes every session in the same change, and refuses their next request", async () => {
    const { user, sessionIds } = await userWithSessions("busy@example.org");
    expect(await currentUser.resolveCurrentUser({ sessionId: sessionIds[0], userId: user.id })).not.toBeNull();

    signInAs(asAdmin);
    expect(await actions.disableUser({ userId: user.id })).toEqual({ ok: true, data: { changed: true } });

    const sessions = await database.prisma.userSession.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(2);
    for (const session of sessions) expect(session.revokedAt).not.toBeNull();
    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.disabledAt).not.toBeNull();
    // The session revocation and the disabling are one change: the same instant, one event.
    const [event] = await events("user.disable", user.id);
    expect(event).toMatchObject({
      actorId: admin.id,
      evaluationId: null,
      before: { disabledAt: null },
      after: { disabledAt: row.disabledAt!.toISOString() },
    });

    for (const sessionId of sessionIds)
      expect(await currentUser.resolveCurrentUser({ sessionId, userId: user.id })).toBeNull();
    expect(
      await auth.authorizeCredentials({ email: "busy@example.org", password: "a long enough password" }, headers),
    ).toBeNull();

    // A second call changes nothing and writes no second event.
    expect(await actions.disableUser({ userId: user.id })).toEqual({ ok: true, data: { changed: false } });
    expect(await events("user.disable", user.id)).toHaveLength(1);

    expect(await actions.enableUser({ userId: user.id })).toEqual({ ok: true, data: { changed: true } });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
    const [enabled] = await events("user.enable", user.id);
    expect(enabled).toMatchObject({
      before: { disabledAt: row.disabledAt!.toISOString() },
      after: { disabledAt: null },
    });
    // Old sessions stay revoked; the user signs in again.
    expect(await currentUser.resolveCurrentUser({ sessionId: sessionIds[0], userId: user.id })).toBeNull();
    expect(
      await auth.authorizeCredentials({ email: "busy@example.org", password: "a long enough password" }, headers),
    ).not.toBeNull();
  });

  it("never lets an administrator disable themself", async () => {
    signInAs(asAdmin);
    expect(await actions.disableUser({ userId: admin.id })).toEqual({
      ok: false,
      error: "REJECTED",
      reason: "CANNOT_DISABLE_SELF",
      field: undefined,
    });
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    signInAs(asAdmin);
    expect(await actions.disableUser({ userId: "cnosuchuser000000000000000" })).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
  });
});

describe("setTwoFactorRequirement", () => {
  it("saves the switch through the shared mutation and audits the change", async () => {
    signInAs(asAdmin);
    expect(await actions.setTwoFactorRequirement({ required: true })).toEqual({ ok: true, data: { required: true } });
    expect(await data.getTwoFactorRequirement()).toBe(true);
    expect(await actions.setTwoFactorRequirement({ required: false })).toEqual({ ok: true, data: { required: false } });
    expect(await data.getTwoFactorRequirement()).toBe(false);
    expect(await actions.setTwoFactorRequirement({ required: "yes" })).toMatchObject({ ok: false, error: "INVALID" });
  });
});

describe("listUsers", () => {
  beforeAll(async () => {
    await database.prisma.user.createMany({
      data: Array.from({ length: 30 }, (_, index) =>
        buildUser({ name: `Zeta ${String(index).padStart(2, "0")}`, email: `zeta${index}@list.example` }),
      ),
    });
  });

  it("pages 25 at a time in name order and searches names and e-mails, case-insensitively", async () => {
    const total = await database.prisma.user.count();
    const first = await data.listUsers({ q: "", page: 1 });
    expect(first.users).toHaveLength(25);
    expect(first).toMatchObject({ total, page: 1, pageCount: Math.ceil(total / 25) });
    const names = first.users.map((user) => user.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const zetas = await data.listUsers({ q: "zeta", page: 2 });
    expect(zetas).toMatchObject({ total: 30, page: 2, pageCount: 2 });
    expect(zetas.users).toHaveLength(5);
    expect((await data.listUsers({ q: "ZETA1", page: 1 })).users.map((user) => user.email).sort()).toEqual(
      ["zeta1@list.example", ...Array.from({ length: 10 }, (_, index) => `zeta1${index}@list.example`)].sort(),
    );
    // A page past the end shows the last page; SQL wildcards and quotes are searched literally.
    expect((await data.listUsers({ q: "zeta", page: 99 })).page).toBe(2);
    expect((await data.listUsers({ q: "%", page: 1 })).total).toBe(0);
    expect((await data.listUsers({ q: "zeta_", page: 1 })).total).toBe(0);
    expect((await data.listUsers({ q: "\\", page: 1 })).total).toBe(0);
    expect((await data.listUsers({ q: "zeta_1", page: 1 })).total).toBe(0);
    expect((await data.listUsers({ q: "' OR 1=1--", page: 1 })).total).toBe(0);
  });

  it("shows the status without sending the password hash", async () => {
    const list = await data.listUsers({ q: "admin@users.test", page: 1 });
    expect(list.users[0]).toMatchObject({ email: "admin@users.test", status: "PENDING", isAdmin: true });
    expect(Object.keys(list.users[0]!)).not.toContain("passwordHash");
  });
});
